/**
 * `npm run bench`: builds the console (and the bench-only naive and floor pages) into node_modules/.cache/dcos-bench,
 * serves them with `vite preview` and the simulator on a free port, and measures in Debian Chromium: bytes; the
 * simulator's answers; the users and secrets lists at 10,000 rows (with the naive page and the fetch-and-parse floor
 * beside them); the other list pages at 10,000 (the walk); Core Web Vitals; then, on a second server, the same lists
 * at 100,000 rows (`large`). Prints a table with each budget's margin, writes bench/results.json and exits 1 when a
 * budget fails. Options: --runs=N (≥ 5; default 5), --only=bytes,simulator,lists,walk,vitals,large,access.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser.ts';
import { measureBuild } from './bytes.ts';
import { bytesFigures, listFigures, shellFigure, simulatorFigure, vitalsFigures } from './figures.ts';
import { measureFloor, measureList, measureShell, type ListName } from './lists.ts';
import { startPreview } from './preview.ts';
import { margin, markdownTable, printTable, WANTED_MARGIN, type Figure } from './report.ts';
import { measureSimulatorList, SIMULATOR_LISTS } from './simulator.ts';
import type { Summary } from './stats.ts';
import { measureVitals, type Condition, type VitalsPage } from './vitals.ts';
import { measureWalk } from './walk.ts';
import { accessFigures, measureAccess } from './access.ts';

const SECTIONS = ['bytes', 'simulator', 'lists', 'walk', 'vitals', 'large', 'access'] as const;
type Section = (typeof SECTIONS)[number];
const SCALE = 10_000;
/** The second scale (issue 25): an LDAP-synced directory, which the IAM sends all at once (it has no paging). */
const LARGE_SCALE = 100_000;
const LISTS: readonly ListName[] = ['users', 'secrets'];
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
  const browser = await launchChromium();
  try {
    const atScale = async (scale: number, measure: (url: string) => Promise<void>) => {
      const preview = await startPreview(OUT_DIR, {
        SIM_USERS: String(scale),
        SIM_SECRETS: String(scale),
        SECURITY_MODE: 'strict',
      });
      log(`Preview with the simulator (${scale.toLocaleString('en-US')} users and secrets) on ${preview.url}`);
      try {
        await measure(preview.url);
      } finally {
        await preview.stop();
      }
    };
    const simulator = async (url: string, scale: number) => {
      log(`Simulator: 25 requests per list at ${scale.toLocaleString('en-US')} …`);
      await attempt(`simulator.${scale}`, async () => {
        for (const list of LISTS)
          figures.push(simulatorFigure(list, scale, await measureSimulatorList(url, SIMULATOR_LISTS[list], 25, scale)));
      });
    };
    const lists = async (url: string, scale: number, withNaive: boolean) => {
      // At 100,000 rows the list's cost is judged over the console's own start, measured in the same preview
      // (decision 011): one main thread runs both, so first rows ÷ floor alone measures the framework too.
      let shell: Summary | undefined;
      if (scale > SCALE)
        await attempt(`lists.${scale}.shell`, async () => {
          shell = await measureShell(browser, url, runs);
          details[`lists.${scale}.shell`] = shell;
          log(`  the console's own start: ${shell.median.toFixed(0)} ms (median of ${runs})`);
        });
      for (const list of LISTS) {
        await attempt(`lists.${scale}.${list}`, async () => {
          const ours = await measureList(browser, url, list, 'console', runs, log);
          const floor = await measureFloor(browser, url, list, runs);
          log(`  ${list} floor: ${floor.median.toFixed(0)} ms (median of ${runs})`);
          const naive = withNaive ? await measureList(browser, url, list, 'naive', runs, log) : undefined;
          details[`lists.${scale}.${list}`] = { console: ours, floor, naive };
          figures.push(...listFigures(list, scale, ours, floor, naive, shell));
        });
      }
    };
    if (only.some((s) => s === 'simulator' || s === 'lists' || s === 'walk' || s === 'vitals')) {
      await atScale(SCALE, async (url) => {
        if (only.includes('simulator')) await simulator(url, SCALE);
        if (only.includes('lists')) {
          await lists(url, SCALE, true);
          await attempt('lists.shell', async () => {
            const shell = await measureShell(browser, url, runs);
            details['lists.shell'] = shell;
            figures.push(shellFigure(shell));
          });
        }
        if (only.includes('walk')) {
          await attempt('walk', async () => {
            const walk = await measureWalk(browser, url, runs, log);
            details.walk = walk.details;
            figures.push(...walk.figures);
          });
        }
        if (only.includes('vitals')) {
          for (const page of ['login', 'users'] as VitalsPage[]) {
            for (const condition of ['unthrottled', 'throttled'] as Condition[]) {
              await attempt(`vitals.${page}.${condition}`, async () => {
                const result = await measureVitals(browser, url, page, condition, runs, log);
                details[`vitals.${page}.${condition}`] = result;
                figures.push(...vitalsFigures(page, condition, result));
              });
            }
          }
        }
      });
    }
    // The access review (issue 24) in a database of its own (bench/access.ts), on a preview of its own.
    if (only.includes('access')) {
      await atScale(0, async (url) => {
        await attempt('access', async () => {
          const access = await measureAccess(browser, url, runs, log);
          details.access = access;
          figures.push(...accessFigures(access));
        });
      });
    }
    if (only.includes('large')) {
      await atScale(LARGE_SCALE, async (url) => {
        await simulator(url, LARGE_SCALE);
        // No naive page at this scale: 100,000 rows in the DOM take minutes a run; its ratios are the 10,000 ones.
        await lists(url, LARGE_SCALE, false);
      });
    }
  } finally {
    await browser.close();
  }

  const failed = figures.filter((f) => !f.pass);
  log(`\n${printTable(figures)}\n`);
  for (const f of figures.filter((x) => x.note)) log(`  ${f.label}: ${f.note ?? ''}`);
  const thin = figures.filter((f) => f.pass && f.unit === 'ms' && (margin(f) ?? 1) < WANTED_MARGIN);
  if (thin.length > 0)
    log(
      `\n${thin.length} timed budget(s) pass with less than ${WANTED_MARGIN * 100} % to spare: ${thin.map((f) => f.label).join('; ')}`,
    );
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
        scales: [SCALE, LARGE_SCALE],
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
