// Prints one plain closing line per suite and in total ("unit: 263 passed, 0 failed"), read from the JSON reports
// that `npm run test:unit` and `npm run test:e2e` write to reports/.
import { existsSync, readFileSync } from 'node:fs';

function read(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

const suites = [];
const unit = read('reports/unit.json');
if (unit) suites.push(['unit', unit.numPassedTests, unit.numFailedTests, unit.numPendingTests + unit.numTodoTests]);
const e2e = read('reports/e2e.json');
if (e2e) suites.push(['e2e', e2e.stats.expected + e2e.stats.flaky, e2e.stats.unexpected, e2e.stats.skipped]);

let [passed, failed, skipped] = [0, 0, 0];
for (const [name, p, f, s] of suites) {
  console.log(`${name}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}`);
  [passed, failed, skipped] = [passed + p, failed + f, skipped + s];
}
console.log(`total: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
