// Playwright's global setup for the API contract summary: clears what an earlier run left, and returns the teardown
// that merges what every test saw (collect.ts) into reports/api-contract.json and prints the endpoints no test covered.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT_DIR, type Seen } from './collect.ts';
import { allOperations } from './openapi.ts';

export default function globalSetup() {
  rmSync(CONTRACT_DIR, { recursive: true, force: true });
  return () => {
    if (!existsSync(CONTRACT_DIR)) return;
    const seen = readdirSync(CONTRACT_DIR).flatMap(
      (file) => JSON.parse(readFileSync(join(CONTRACT_DIR, file), 'utf8')) as Seen[],
    );
    const checked = new Set(seen.filter((s) => s.checked).map((s) => s.operation));
    const answered = new Set(seen.map((s) => s.operation));
    const operations = allOperations();
    const summary = {
      checked: [...checked].sort(),
      seenWithoutSchema: [...new Set(seen.filter((s) => !s.checked).map((s) => `${s.operation} → ${s.status}`))].sort(),
      uncovered: operations.filter((operation) => !answered.has(operation)),
      notInOpenApi: [...answered].filter((operation) => operation.includes('(no operation')).sort(),
    };
    writeFileSync(join(CONTRACT_DIR, '..', 'api-contract.json'), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(
      `API contract: ${checked.size} of ${operations.length} operations checked against the OpenAPI schemas; ${summary.uncovered.length} not exercised by this run (reports/api-contract.json).`,
    );
  };
}
