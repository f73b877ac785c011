import type { Rule } from 'eslint';

/** `local/no-import-cycle` (no-import-cycle.js). */
export declare const noImportCycle: Rule.RuleModule;
