import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { CPU_SLOWDOWN, createSimDb, deleteSimDb, signedInContext, throttle } from './browser.ts';
import { summarize, type Summary } from './stats.ts';

export const MARKS_SCRIPT = fileURLToPath(new URL('./page/list-marks.js', import.meta.url));

export type ListName = 'users' | 'secrets';
export type Variant = 'console' | 'naive' | 'floor';

interface Target {
  url: string;
  search: string;
}

const TARGETS: Record<ListName, Record<Variant, Target>> = {
  users: {
    console: { url: '/organization/users', search: 'Search users' },
    naive: { url: '/__bench/naive/?list=users', search: 'Search users' },
    floor: { url: '/__bench/naive/floor.html?list=users', search: '' },
  },
  secrets: {
    // The flat view: all 10,000 paths in one list, like the users.
    console: { url: '/secrets?view=flat', search: 'Search all paths' },
    naive: { url: '/__bench/naive/?list=secrets', search: 'Search secrets' },
    floor: { url: '/__bench/naive/floor.html?list=secrets', search: '' },
  },
};

/**
 * Twenty keystrokes that each change the rows: a rare letter typed into the empty search (10,000 rows → a few
 * hundred) and erased again (→ 10,000). Both directions are common while searching, and each must re-render.
 */
const LETTERS = ['q', 'x', 'z', 'j', 'k', 'v', 'w', 'y', 'f', 'b'];
export const KEYSTROKES = LETTERS.flatMap((letter) => [letter, 'Backspace']);
/** The naive page takes seconds per keystroke: three pairs (six samples, the same mix) are enough for its median. */
const NAIVE_KEYSTROKES = KEYSTROKES.slice(0, 6);

export interface VariantResult {
  /** Page load: navigation start → first row painted (fetch, parse and render of all 10,000 items included). */
  firstRowsLoadMs: Summary;
  /** Coming back to the list in the app, its data in memory: the list's own rendering cost. */
  firstRowsReturnMs: Summary;
  keystrokeMs: Summary;
  domNodes: number;
  rows: number;
  /** Keystrokes whose rows did not change (should be none; counted so a bad sequence cannot hide). */
  unchangedKeystrokes: number;
  /** JS heap in use after load and a garbage collection, in MiB (the page as it sits with the list shown). */
  heapMiB: number;
  /** The longest task on the main thread while typing (0 when none reached 50 ms, the long-task threshold). */
  longestTaskWhileTypingMs: number;
}

/** A fresh signed-in context (in database `simDb` if given) at 4× CPU with the marks script, opened at `url`. */
export async function openList(
  browser: Browser,
  baseURL: string,
  url: string,
  simDb?: string,
): Promise<{ page: Page; firstRows: number; close: () => Promise<void> }> {
  const context = await signedInContext(browser, baseURL, simDb === undefined ? {} : { simDb });
  const page = await context.newPage();
  await throttle(page, { cpu: CPU_SLOWDOWN });
  await page.addInitScript({ path: MARKS_SCRIPT });
  await page.goto(url, { waitUntil: 'commit' });
  const firstRows = await pollFirstRows(page, 180_000);
  return { page, firstRows, close: () => context.close() };
}

/**
 * Leaves the list and comes back without a page load: the console through its navigation and history (the query
 * cache keeps the data, as it does for a user moving around), the naive page by hiding and showing its list.
 */
export async function returnToList(page: Page, variant: Variant): Promise<number> {
  if (variant === 'console') {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
  } else {
    await page.getByRole('button', { name: 'Hide list' }).click();
    await page.getByRole('button', { name: 'Show list' }).waitFor();
  }
  await settle(page);
  const trigger = variant === 'console' ? 'history.back()' : "document.querySelector('main button').click()";
  await page.evaluate(`window.__bench.armFirstRows(), ${trigger}, true`);
  return pollFirstRows(page, 180_000);
}

export async function measureKeystrokes(
  page: Page,
  search: string,
  keys: readonly string[],
  onProgress: (done: number) => void,
): Promise<{ times: number[]; unchanged: number }> {
  await page.getByLabel(search).focus();
  await page.evaluate('window.__bench.longTasks.length = 0');
  const times: number[] = [];
  let unchanged = 0;
  for (const key of keys) {
    // Arm the observer first, then type: the keydown it waits for must not come before it listens.
    await page.evaluate('window.__bench.pending = window.__bench.measureNextKeystroke(750), true');
    await page.keyboard.press(key);
    const ms = await page.evaluate<number | null>('window.__bench.pending');
    if (ms === null) unchanged++;
    else times.push(ms);
    onProgress(times.length + unchanged);
  }
  return { times, unchanged };
}

async function rowCount(page: Page, variant: Variant): Promise<number> {
  if (variant === 'naive') return page.locator('table tbody tr').count();
  return Number(await page.getByRole('grid').getAttribute('aria-rowcount')) - 1;
}

/**
 * Each run in a fresh context: first rows on page load, then on returning to the list; DOM nodes and 20 keystrokes
 * in the last run's page. All at 4× CPU.
 */
export async function measureList(
  browser: Browser,
  baseURL: string,
  list: ListName,
  variant: Variant,
  runs: number,
  log: (message: string) => void,
): Promise<VariantResult> {
  const target = TARGETS[list][variant];
  const onLoad: number[] = [];
  const onReturn: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const opened = await openList(browser, baseURL, target.url);
    onLoad.push(opened.firstRows);
    await settle(opened.page);
    onReturn.push(await returnToList(opened.page, variant));
    log(
      `  ${list} ${variant}: first rows run ${run}/${runs}: ${opened.firstRows.toFixed(0)} ms on load, ${onReturn.at(-1)?.toFixed(0) ?? '?'} ms on return`,
    );
    if (run < runs) {
      await opened.close();
      continue;
    }
    await settle(opened.page);
    const domNodes = await opened.page.evaluate<number>('window.__bench.domNodes()');
    const heapMiB = await usedHeapMiB(opened.page);
    const rows = await rowCount(opened.page, variant);
    const sequence = variant === 'naive' ? NAIVE_KEYSTROKES : KEYSTROKES;
    const keys = await measureKeystrokes(opened.page, target.search, sequence, (done) => {
      if (done % 2 === 0) log(`  ${list} ${variant}: keystrokes ${done}/${sequence.length}`);
    });
    const longestTaskWhileTypingMs = await opened.page.evaluate<number>('Math.max(0, ...window.__bench.longTasks)');
    await opened.close();
    if (keys.times.length === 0) throw new Error(`${list} ${variant}: no keystroke changed the rows`);
    return {
      firstRowsLoadMs: summarize(onLoad),
      firstRowsReturnMs: summarize(onReturn),
      keystrokeMs: summarize(keys.times),
      domNodes,
      rows,
      unchangedKeystrokes: keys.unchanged,
      heapMiB,
      longestTaskWhileTypingMs,
    };
  }
  throw new Error('runs must be at least 1');
}

/**
 * The floor no page can beat: navigation start → the list fetched and `JSON.parse`d by a page that does nothing
 * else (bench/naive/floor.ts), same session, same request, same 4× CPU; a fresh context per run, as for the console.
 */
export async function measureFloor(browser: Browser, baseURL: string, list: ListName, runs: number): Promise<Summary> {
  const times: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const opened = await openList(browser, baseURL, TARGETS[list].floor.url);
    times.push(opened.firstRows);
    await opened.close();
  }
  return summarize(times);
}

/**
 * The console's own start: navigation start → first rows of the users page on a database with only the demo's few
 * accounts, at the same 4× CPU. No list page of this console can paint its rows sooner, whatever the list's size:
 * where this is longer than the fetch-and-parse floor, the floor ratio measures the framework, not the list (decision
 * 011).
 */
export async function measureShell(browser: Browser, baseURL: string, runs: number): Promise<Summary> {
  const times: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const id = await createSimDb(baseURL, { users: 0, secrets: 0 });
    try {
      const opened = await openList(browser, baseURL, TARGETS.users.console.url, id);
      times.push(opened.firstRows);
      await opened.close();
    } finally {
      await deleteSimDb(baseURL, id);
    }
  }
  return summarize(times);
}

/** Heap in use after a full garbage collection, through DevTools (performance.memory is coarse and delayed). */
async function usedHeapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / (1024 * 1024);
}

/**
 * Waits for the mark. Not page.waitForFunction: its string predicates are eval'd in the page, which the console's
 * CSP (no 'unsafe-eval') rightly refuses; page.evaluate of an expression goes through DevTools instead.
 */
export async function pollFirstRows(page: Page, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const mark = await page.evaluate<number | null>('window.__bench ? window.__bench.firstRows : null');
    if (mark !== null && mark > 0) return mark;
    await page.waitForTimeout(100);
  }
  throw new Error(`no list row was painted within ${timeoutMs / 1000} s`);
}

/** Lets late work (virtualizer measuring, idle effects) finish before counting nodes or typing. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(1000);
}
