/**
 * `npx tsx bench/waterfall.ts [login|users|secrets|floor-users|floor-secrets] [--throttled] [--scale=N] [--profile]`:
 * where a page load's time goes, from a trace rather than a guess (`floor-*`: the fetch-and-parse floor page). Serves the bench build (run `npm run bench` once, or `--build`), loads the
 * page in Debian Chromium (Slow 4G + 4× CPU with --throttled, else 4× CPU), and prints every request on a timeline
 * (start, first byte, end, encoded bytes), the LCP and first-row marks and, with --profile, the functions and
 * scripts that took the main thread's time.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { CPU_SLOWDOWN, SLOW_4G, launchChromium, signedInContext, throttle } from './browser.ts';
import { startPreview } from './preview.ts';

const OUT_DIR = join('node_modules', '.cache', 'dcos-bench', 'dist');
const MARKS_SCRIPT = fileURLToPath(new URL('./page/list-marks.js', import.meta.url));
const args = process.argv.slice(2);
const which = (args.find((a) => !a.startsWith('--')) ?? 'users') as keyof typeof PATHS;
const throttled = args.includes('--throttled');
/** --cpu=1 for an unthrottled CPU (default 4, the bench's slowdown). */
const cpu = Number(args.find((a) => a.startsWith('--cpu='))?.slice(6) ?? CPU_SLOWDOWN);
const profile = args.includes('--profile');
const scale = Number(args.find((a) => a.startsWith('--scale='))?.slice(8) ?? (which === 'login' ? 0 : 10_000));
const PATHS = {
  login: '/login',
  users: '/organization/users',
  secrets: '/secrets?view=flat',
  'floor-users': '/__bench/naive/floor.html?list=users',
  'floor-secrets': '/__bench/naive/floor.html?list=secrets',
} as const;

interface Row {
  url: string;
  start: number;
  response?: number;
  end?: number;
  bytes?: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** Self time per function and script; with `from`/`to` (s, the Network domain's clock), only samples in between. */
function summarizeProfile(profile: Profile, from = -Infinity, to = Infinity) {
  const byNode = new Map<number, number>();
  let at = profile.startTime / 1e6;
  profile.samples.forEach((id, i) => {
    at += (profile.timeDeltas[i] ?? 0) / 1e6;
    if (at >= from && at <= to) byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = byNode.get(node.id) ?? 0;
    const script = node.callFrame.url.replace(/^.*\//, '') || `(${node.callFrame.functionName || 'native'})`;
    const name = `${node.callFrame.functionName || '(anonymous)'} ${script}:${node.callFrame.lineNumber}:${node.callFrame.columnNumber}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`);
  return ['Self time by script:', ...top(byScript, 12), 'Self time by function:', ...top(byFunction, 30)].join('\n');
}

/** Main-thread time (ms) spent on anything but idling between `from` and `to` (s, the Network domain's clock). */
function busyMs(profile: Profile, from: number, to: number): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let at = profile.startTime / 1e6;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1e6;
    at += delta;
    if (at >= from && at <= to && !idle.has(id)) busy += delta * 1000;
  });
  return busy;
}

async function main() {
  if (args.includes('--build')) {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', OUT_DIR, '--emptyOutDir'], {
      stdio: 'inherit',
    });
    // The floor pages live in the same output, as `npm run bench` builds them.
    execFileSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--config', 'bench/vite.naive.config.ts'],
      {
        stdio: 'inherit',
        env: { ...process.env, BENCH_NAIVE_OUT_DIR: join(process.cwd(), OUT_DIR, '__bench', 'naive') },
      },
    );
  }
  const preview = await startPreview(OUT_DIR, {
    SIM_USERS: String(scale),
    SIM_SECRETS: String(scale),
    SECURITY_MODE: 'strict',
  });
  const browser = await launchChromium();
  try {
    // One load first, as the bench's runs after its first: the server has encoded its answers and compiled its code.
    const warm =
      which === 'login'
        ? await browser.newContext({ baseURL: preview.url })
        : await signedInContext(browser, preview.url);
    await (await warm.newPage()).goto(PATHS[which], { waitUntil: 'load', timeout: 120_000 });
    await warm.close();
    const context =
      which === 'login'
        ? await browser.newContext({ baseURL: preview.url, viewport: { width: 1280, height: 800 } })
        : await signedInContext(browser, preview.url);
    const page: Page = await context.newPage();
    await throttle(page, throttled ? { cpu, network: SLOW_4G } : { cpu });
    await page.addInitScript({ path: MARKS_SCRIPT });
    await page.addInitScript({
      content: `new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = { t: e.startTime, el: e.element && (e.element.tagName + ' ' + (e.element.textContent || '').slice(0, 40)) }; }).observe({ type: 'largest-contentful-paint', buffered: true });`,
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const rows = new Map<string, Row>();
    let origin = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!origin) origin = e.timestamp;
      rows.set(e.requestId, { url: e.request.url.replace(preview.url, ''), start: (e.timestamp - origin) * 1000 });
    });
    cdp.on('Network.responseReceived', (e) => {
      const row = rows.get(e.requestId);
      if (row) row.response = (e.timestamp - origin) * 1000;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const row = rows.get(e.requestId);
      if (row) {
        row.end = (e.timestamp - origin) * 1000;
        row.bytes = e.encodedDataLength;
      }
    });
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(PATHS[which], { waitUntil: 'load', timeout: 120_000 });
    await page.waitForTimeout(throttled ? 6000 : 3000);
    const marks = await page.evaluate<{ lcp: unknown; firstRows: number | null; nav: unknown }>(
      `({ lcp: window.__lcp, firstRows: window.__bench && window.__bench.firstRows, nav: (() => { const n = performance.getEntriesByType('navigation')[0]; return { responseEnd: n.responseEnd, domInteractive: n.domInteractive, domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd }; })() })`,
    );
    console.log(`${which}, ${throttled ? 'Slow 4G, ' : ''}${cpu}× CPU, scale ${scale}`);
    console.log(JSON.stringify(marks));
    for (const row of [...rows.values()].sort((a, b) => a.start - b.start))
      console.log(
        `${row.start.toFixed(0).padStart(6)} ${(row.response ?? NaN).toFixed(0).padStart(6)} ${(row.end ?? NaN).toFixed(0).padStart(6)} ${String(row.bytes ?? '').padStart(8)}  ${row.url.slice(0, 90)}`,
      );
    if (profile) {
      const { profile: result } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      console.log(summarizeProfile(result));
      // How much of the time to the first rows (or the floor's parse) the main thread was busy: a page whose main
      // thread is busy nearly all along cannot get faster by doing its work in another order, only by doing less.
      if (typeof marks.firstRows === 'number')
        console.log(
          `\nMain thread busy from navigation to the first rows: ${busyMs(result, origin, origin + marks.firstRows / 1000).toFixed(0)} of ${marks.firstRows.toFixed(0)} ms`,
        );
      // The main thread between the page's list arriving and its first rows.
      const list = [...rows.values()].find((r) => /^\/acs\/api\/v1\/users$|list=true$/.test(r.url));
      if (list?.end !== undefined && typeof marks.firstRows === 'number') {
        console.log(
          `\nBetween the list's last byte (${list.end.toFixed(0)} ms) and the first rows (${marks.firstRows.toFixed(0)} ms):`,
        );
        console.log(summarizeProfile(result, origin + list.end / 1000, origin + marks.firstRows / 1000));
      }
    }
    await context.close();
  } finally {
    await browser.close();
    await preview.stop();
  }
}

void main();
