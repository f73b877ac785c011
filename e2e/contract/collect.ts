// The contract check every e2e test runs (e2e/fixtures.ts, `apiContract`): each answer the console gets from the
// simulator under /acs/api/v1, /secrets/v1 and /dcos-metadata is checked against the OpenAPI file's schema for that
// operation and status, where it has one; a test fails on a violation. What was seen is written to
// reports/api-contract/ for the run's summary of covered and uncovered endpoints (global.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Response } from '@playwright/test';
import { CONSOLE_API, responseSchema, templateOf, violations } from './openapi.ts';

export const CONTRACT_DIR = join(process.cwd(), 'reports', 'api-contract');

export interface Seen {
  operation: string;
  status: number;
  checked: boolean;
}

export interface ContractWatch {
  /** Waits for the checks still running and returns every violation, one line each. */
  finish(testId: string): Promise<string[]>;
}

export function watchContract(context: BrowserContext): ContractWatch {
  const pending: Promise<void>[] = [];
  const problems: string[] = [];
  const seen: Seen[] = [];
  const check = async (response: Response) => {
    const url = new URL(response.url());
    if (!CONSOLE_API.test(url.pathname)) return;
    // Only the simulator's own answers are its contract: not an answer a test made up, with page.route (no server
    // sent it) or with an injected fault (src/mocks/handlers/faults.ts marks those).
    if (response.headers()['x-sim-fault'] !== undefined) return;
    // (The page may be gone by then, after a navigation: nothing to check either.)
    if ((await response.serverAddr().catch(() => null)) === null) return;
    const method = response.request().method();
    const status = response.status();
    const template = templateOf(method, url.pathname);
    const operation = template
      ? `${method} ${template}`
      : `${method} ${url.pathname} (no operation in the OpenAPI file)`;
    const schema = template ? responseSchema(method, template, status) : null;
    const mediaType = (response.headers()['content-type'] ?? '').split(';')[0]?.trim();
    if (!schema || mediaType !== 'application/json') {
      seen.push({ operation, status, checked: false });
      return;
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      // The page went away before the body could be read (a navigation): nothing to check.
      seen.push({ operation, status, checked: false });
      return;
    }
    seen.push({ operation, status, checked: true });
    for (const line of violations(schema, body)) problems.push(`${operation} → ${status}: ${line}`);
  };
  context.on('response', (response) => {
    pending.push(check(response));
  });
  return {
    async finish(testId) {
      await Promise.all(pending);
      mkdirSync(CONTRACT_DIR, { recursive: true });
      writeFileSync(join(CONTRACT_DIR, `${testId.replace(/[^\w-]/g, '_')}.json`), JSON.stringify(seen));
      return problems;
    },
  };
}
