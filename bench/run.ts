/**
 * `npm run bench`: builds the console (and the bench-only naive page) into node_modules/.cache/dcos-bench, serves
 * them with `vite preview` and the simulator seeded with 10,000 users and 10,000 secrets on a free port, measures
 * bytes, lists at scale, Core Web Vitals and the simulator in Debian Chromium, prints a table, writes
 * bench/results.json and exits 1 when a budget fails. Options: --runs=N (≥ 5; default 5), --only=bytes,lists,vitals,simulator.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser.ts';
import { measureBuild } from './bytes.ts';
import { bytesFigures, listFigures, simulatorFigure, vitalsFigures } from './figures.ts';
import { measureList, type ListName } from './lists.ts';
import { startPreview } from './preview.ts';
import { markdownTable, printTable, type Figure } from './report.ts';
import { measureSimulatorList, SIMULATOR_LISTS } from './simulator.ts';
import { measureVitals, type Condition, type VitalsPage } from './vitals.ts';

const SECTIONS = ['bytes', 'lists', 'vitals', 'simulator'] as const;
type Section = (typeof SECTIONS)[number];
const SCALE = 10_000;
const OUT_DIR = join('node_modules', '.cache', 'dcos-bench', 'dist');
const RESULTS = join('bench', 'results.json');

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const runs = Number(option('runs') ?? 5);
if (!Number.isInteger(runs) || runs < 5)
  throw new Error('--runs must be a whole number of at least 5: one sample of a timing proves nothing');
const only = (option('only')?.split(',') ?? SECTIONS) as Section[];
const log = (message: string) => console.log(message);

function build() {
  const vite = join('node_modules', 'vite', 'bin', 'vite.js');
  log(`Building the console into ${OUT_DIR} …`);
  // --manifest so bytes can be read even from a config without build.manifest; the output is the production build.
  execFileSync(
    process.execPath,
    [vite, 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--manifest', '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
  log('Building the bench-only naive page …');
  execFileSync(process.execPath, [vite, 'build', '--config', join('bench', 'vite.naive.config.ts')], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_NAIVE_OUT_DIR: join(process.cwd(), OUT_DIR, '__bench', 'naive') },
  });
}

/** Timings on a shared machine are only worth something when no e2e run competes for the CPU: say so. */
function warnIfBusy() {
  try {
    const others = execFileSync('pgrep', ['-f', 'playwright test'], { encoding: 'utf8' }).trim();
    if (others) log('Warning: a Playwright test run is going on; the timings below compete with it for the CPU.');
  } catch {
    // pgrep exits 1 when nothing matches (or is missing): nothing to warn about.
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const loadAtStart = loadavg();
  warnIfBusy();
  build();
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  // A section that breaks is reported as a failed figure; the others still run and the results are still written.
  const attempt = async (name: string, measure: () => Promise<void>) => {
    try {
      await measure();
    } catch (error) {
      console.error(`${name} failed:`, error);
      figures.push({
        id: `error.${name}`,
        label: `${name}: could not be measured`,
        unit: '',
        value: Number.NaN,
        pass: false,
        note: String(error).split('\n')[0] ?? '',
      });
    }
  };
  if (only.includes('bytes')) {
    const bytes = measureBuild(OUT_DIR);
    details.bytes = bytes;
    figures.push(...bytesFigures(bytes));
  }
  const preview = await startPreview(OUT_DIR, {
    SIM_USERS: String(SCALE),
    SIM_SECRETS: String(SCALE),
    SECURITY_MODE: 'strict',
  });
  log(
    `Preview with the simulator (${SCALE.toLocaleString('en-US')} users, ${SCALE.toLocaleString('en-US')} secrets) on ${preview.url}`,
  );
  const browser = await launchChromium();
  try {
    if (only.includes('simulator')) {
      log('Simulator: 25 requests per list …');
      await attempt('simulator', async () => {
        for (const list of ['users', 'secrets'] as const)
          figures.push(
            simulatorFigure(list, await measureSimulatorList(preview.url, SIMULATOR_LISTS[list], 25, SCALE)),
          );
      });
    }
    if (only.includes('lists')) {
      for (const list of ['users', 'secrets'] as ListName[]) {
        await attempt(`lists.${list}`, async () => {
          const ours = await measureList(browser, preview.url, list, 'console', runs, log);
          const naive = await measureList(browser, preview.url, list, 'naive', runs, log);
          details[`lists.${list}`] = { console: ours, naive };
          figures.push(...listFigures(list, ours, naive));
        });
      }
    }
    if (only.includes('vitals')) {
      for (const page of ['login', 'users'] as VitalsPage[]) {
        for (const condition of ['unthrottled', 'throttled'] as Condition[]) {
          await attempt(`vitals.${page}.${condition}`, async () => {
            const result = await measureVitals(browser, preview.url, page, condition, runs, log);
            details[`vitals.${page}.${condition}`] = result;
            figures.push(...vitalsFigures(page, condition, result));
          });
        }
      }
    }
  } finally {
    await browser.close();
    await preview.stop();
  }

  const failed = figures.filter((f) => !f.pass);
  log(`\n${printTable(figures)}\n`);
  for (const f of figures.filter((x) => x.note)) log(`  ${f.label}: ${f.note ?? ''}`);
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          cpu: cpus()[0]?.model,
          loadAverage: { start: loadAtStart, end: loadavg() },
          node: process.version,
          chromium: browser.version(),
        },
        runs,
        scale: SCALE,
        seconds: Math.round((Date.now() - started) / 1000),
        pass: failed.length === 0,
        figures,
        details,
        markdown: markdownTable(figures),
      },
      null,
      2,
    )}\n`,
  );
  log(
    `\nWrote ${RESULTS}. ${failed.length === 0 ? 'Every budget passes.' : `${failed.length} budget(s) failed: ${failed.map((f) => f.label).join('; ')}`}`,
  );
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
