import { isAction, matchRid, ridProblem, type Action, type CatalogEntry } from './rid.ts';

/** One line of the DC/OS "insert permission string" form: `rid action[,action…]`. */
export interface PermissionLine {
  /** 1-based line number in the text box. */
  line: number;
  text: string;
  rid: string;
  actions: Action[];
  /** Why the line cannot be applied; null when it is valid. */
  error: string | null;
}

/**
 * Parses the bulk box: blank lines and `#` comments are skipped; every other line is checked (rid rule, known
 * actions, actions the catalog allows for a known rid) and a repeated rid+action is reported against its first line.
 */
export function parsePermissionLines(text: string, catalog: readonly CatalogEntry[] = []): PermissionLine[] {
  const result: PermissionLine[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const line = index + 1;
    const [rid = '', actionText = '', ...extra] = trimmed.split(/\s+/);
    const parsed: PermissionLine = { line, text: trimmed, rid, actions: [], error: null };
    result.push(parsed);
    if (actionText === '' || extra.length > 0) {
      parsed.error =
        'Write the resource ID, one space, then actions separated by commas (e.g. “dcos:adminrouter:acs full”).';
      return;
    }
    const problem = ridProblem(rid);
    if (problem) {
      parsed.error = problem;
      return;
    }
    const names = actionText.split(',').map((a) => a.trim().toLowerCase());
    const unknown = names.find((name) => !isAction(name));
    if (unknown !== undefined) {
      parsed.error = `“${unknown || '(empty)'}” is not an action; use create, read, update, delete or full.`;
      return;
    }
    const actions = [...new Set(names)].filter(isAction);
    const known = matchRid(catalog, rid);
    const unsupported = known ? actions.find((a) => !known.entry.actions.includes(a)) : undefined;
    if (known && unsupported) {
      parsed.error = `${rid} supports ${known.entry.actions.join(', ')}, not “${unsupported}”.`;
      return;
    }
    for (const action of actions) {
      const first = seen.get(`${rid} ${action}`);
      if (first !== undefined) {
        parsed.error = `Duplicate: line ${first} already grants “${action}” on ${rid}.`;
        return;
      }
    }
    for (const action of actions) seen.set(`${rid} ${action}`, line);
    parsed.actions = actions;
  });
  return result;
}
