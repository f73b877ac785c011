// `npm run test:security`: builds, then runs exactly the tests whose title carries an OWASP ASVS 5.0 requirement id
// (`[ASVS 3.3.4]`): Playwright with --grep and Vitest with -t. Prints both runners' own summaries, then the cases by
// ASVS chapter and requirement, read from the JSON reports. Fails when a case fails, fewer than 100 passed, or any
// chapter a browser admin console touches has fewer than 5 passing cases (issue 19, docs/decisions/003).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const TAG = '\\[ASVS';
const MINIMUM = 100;
/** The chapters a browser admin console touches, and the passing cases each must have at least. */
const FLOOR_CHAPTERS = [1, 2, 3, 4, 6, 7, 8, 9, 10, 13, 14, 16];
const CHAPTER_FLOOR = 5;
const E2E_REPORT = 'reports/security-e2e.json';
const UNIT_REPORT = 'reports/security-unit.json';
const CHAPTERS = {
  1: 'Encoding and Sanitization',
  2: 'Validation and Business Logic',
  3: 'Web Frontend Security',
  4: 'API and Web Service',
  5: 'File Handling',
  6: 'Authentication',
  7: 'Session Management',
  8: 'Authorization',
  9: 'Self-contained Tokens',
  10: 'OAuth and OIDC',
  11: 'Cryptography',
  12: 'Secure Communication',
  13: 'Configuration',
  14: 'Data Protection',
  15: 'Secure Coding and Architecture',
  16: 'Security Logging and Error Handling',
  17: 'WebRTC',
};

function run(command, args, env = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

for (const report of [E2E_REPORT, UNIT_REPORT]) rmSync(report, { force: true });
if (run('npx', ['vite', 'build']) !== 0) process.exit(1);
run('npx', ['playwright', 'test', '--grep', TAG], { PLAYWRIGHT_JSON_OUTPUT_FILE: E2E_REPORT });
// Only the unit files that hold a tagged case: -t alone would still load every other file and run its hooks.
const taggedFiles = ['src', 'build']
  .flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true }))
  .filter((entry) => entry.isFile() && /\.test\.tsx?$/.test(entry.name))
  .map((entry) => join(entry.parentPath, entry.name))
  .filter((file) => readFileSync(file, 'utf8').includes('[ASVS '));
run('npx', [
  'vitest',
  'run',
  ...taggedFiles,
  '-t',
  TAG,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${UNIT_REPORT}`,
]);

/** [{title, status: 'passed' | 'failed' | 'skipped'}] of the tagged cases in a report. */
function e2eCases() {
  if (!existsSync(E2E_REPORT)) return [];
  const cases = [];
  const walk = (suite, path) => {
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const status =
          test.status === 'expected' || test.status === 'flaky'
            ? 'passed'
            : test.status === 'skipped'
              ? 'skipped'
              : 'failed';
        cases.push({ title: [...path, spec.title].join(' › '), status });
      }
    }
  };
  for (const suite of JSON.parse(readFileSync(E2E_REPORT, 'utf8')).suites) walk(suite, [suite.title]);
  return cases.filter((c) => c.title.includes('[ASVS'));
}

function unitCases() {
  if (!existsSync(UNIT_REPORT)) return [];
  const report = JSON.parse(readFileSync(UNIT_REPORT, 'utf8'));
  return report.testResults
    .flatMap((file) => file.assertionResults)
    .filter(
      (test) =>
        test.fullName.includes('[ASVS') &&
        test.status !== 'skipped' &&
        test.status !== 'pending' &&
        test.status !== 'todo',
    )
    .map((test) => ({ title: test.fullName, status: test.status === 'passed' ? 'passed' : 'failed' }));
}

const suites = { unit: unitCases(), e2e: e2eCases() };
const all = [...suites.unit, ...suites.e2e];
const byChapter = new Map();
const byRequirement = new Map();
for (const { title, status } of all) {
  if (status !== 'passed') continue;
  const ids = [...new Set([...title.matchAll(/\[ASVS (\d+(?:\.\d+)*)\]/g)].map((m) => m[1]))];
  for (const id of ids) byRequirement.set(id, (byRequirement.get(id) ?? 0) + 1);
  for (const chapter of new Set(ids.map((id) => Number(id.split('.')[0]))))
    byChapter.set(chapter, (byChapter.get(chapter) ?? 0) + 1);
}

const numeric = (a, b) => {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

console.log(
  `\nASVS 5.0 passing security cases by chapter (a case naming requirements of two chapters counts in both; * at least ${CHAPTER_FLOOR}):`,
);
for (const chapter of [...new Set([...byChapter.keys(), ...FLOOR_CHAPTERS])].sort((a, b) => a - b)) {
  const count = byChapter.get(chapter) ?? 0;
  const floor = FLOOR_CHAPTERS.includes(chapter);
  console.log(
    `  V${chapter} ${CHAPTERS[chapter] ?? ''}: ${count}${floor ? ` *${count < CHAPTER_FLOOR ? ` BELOW ${CHAPTER_FLOOR}` : ''}` : ''}`,
  );
}
const thinChapters = FLOOR_CHAPTERS.filter((chapter) => (byChapter.get(chapter) ?? 0) < CHAPTER_FLOOR);
console.log('By requirement:');
console.log(
  `  ${[...byRequirement.keys()]
    .sort(numeric)
    .map((id) => `${id}: ${byRequirement.get(id)}`)
    .join(', ')}`,
);
let failed = 0;
for (const [name, cases] of Object.entries(suites)) {
  const passed = cases.filter((c) => c.status === 'passed').length;
  const failing = cases.filter((c) => c.status === 'failed');
  const skipped = cases.filter((c) => c.status === 'skipped').length;
  failed += failing.length;
  console.log(`security ${name}: ${passed} passed, ${failing.length} failed${skipped ? `, ${skipped} skipped` : ''}`);
  for (const c of failing) console.log(`  failed: ${c.title}`);
}
const passed = all.filter((c) => c.status === 'passed').length;
console.log(`security total: ${passed} passed, ${failed} failed (at least ${MINIMUM} required)`);
if (thinChapters.length > 0)
  console.log(`security chapters below ${CHAPTER_FLOOR} passing cases: ${thinChapters.map((c) => `V${c}`).join(', ')}`);
process.exit(failed > 0 || passed < MINIMUM || thinChapters.length > 0 ? 1 : 0);
