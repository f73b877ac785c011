/**
 * The 10,000-row walk of the pages bench/lists.ts does not cover (issue 25): the groups list, the service accounts
 * list, the Permissions tab of a group holding 10,000 grants, and the ACL list, each in a simulator database of its
 * own with 10,000 generated groups, service accounts and ACLs. Per page, at 4× CPU: first rows on page load (no
 * budget: fetch and parse included), first rows on returning to the page in the app, DOM nodes, and filter
 * keystroke → rows updated with the keystrokes of the users and secrets lists.
 */
import type { Browser } from '@playwright/test';
import { ACL_AUDITORS_GID } from '../src/mocks/db/generate.ts';
import { BUDGETS } from './budgets.ts';
import { createSimDb, deleteSimDb } from './browser.ts';
import { KEYSTROKES, measureKeystrokes, openList, returnToList, settle } from './lists.ts';
import { figure, type Figure } from './report.ts';
import { summarize, type Summary } from './stats.ts';

/** The walk's database: explicit zeros, or a new database would also get the preview's own SIM_USERS and SIM_SECRETS. */
export const WALK_SCALE = { users: 0, groups: 10_000, serviceAccounts: 10_000, secrets: 0, acls: 10_000 } as const;

export type WalkPageId = 'groups' | 'serviceAccounts' | 'groupPermissions' | 'acls';

interface WalkPage {
  id: WalkPageId;
  name: string;
  url: string;
  /** The search field's label, or null when the page has none. */
  search: string | null;
}

export const WALK_PAGES: readonly WalkPage[] = [
  { id: 'groups', name: 'Groups', url: '/organization/groups', search: 'Search groups' },
  {
    id: 'serviceAccounts',
    name: 'Service accounts',
    url: '/organization/service-accounts',
    search: 'Search service accounts',
  },
  {
    id: 'groupPermissions',
    name: `Permissions of group ${ACL_AUDITORS_GID}`,
    url: `/organization/groups/${ACL_AUDITORS_GID}/permissions`,
    search: 'Search permissions',
  },
  { id: 'acls', name: 'ACLs', url: '/permissions', search: 'Search resources' },
];

export interface WalkPageResult {
  firstRowsLoadMs: Summary;
  firstRowsReturnMs: Summary;
  keystrokeMs: Summary | null;
  domNodes: number;
  rows: number;
  unchangedKeystrokes: number;
}

/**
 * How many rows the page lists: a virtualized grid says so; the Permissions tab renders its first rows and says
 * "Showing 50 of 10000 permissions"; otherwise a plain table has them all in its body.
 */
const ROW_COUNT = `(() => {
  const grid = document.querySelector('[role="grid"]');
  if (grid) return Number(grid.getAttribute('aria-rowcount')) - 1;
  const showing = /Showing \\d+ of (\\d+) permissions/.exec(document.querySelector('main')?.textContent ?? '');
  if (showing) return Number(showing[1]);
  return document.querySelectorAll('table tbody tr').length;
})()`;

/** Each run in a fresh context: first rows on load, then on return; DOM nodes and keystrokes in the last run's page. */
async function measurePage(
  browser: Browser,
  baseURL: string,
  simDb: string,
  target: WalkPage,
  runs: number,
  log: (m: string) => void,
): Promise<WalkPageResult> {
  const onLoad: number[] = [];
  const onReturn: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const opened = await openList(browser, baseURL, target.url, simDb);
    try {
      onLoad.push(opened.firstRows);
      await settle(opened.page);
      onReturn.push(await returnToList(opened.page, 'console'));
      log(
        `  walk ${target.id}: run ${run}/${runs}: ${opened.firstRows.toFixed(0)} ms on load, ${onReturn.at(-1)?.toFixed(0) ?? '?'} ms on return`,
      );
      if (run < runs) continue;
      await settle(opened.page);
      const domNodes = await opened.page.evaluate<number>('window.__bench.domNodes()');
      const rows = await opened.page.evaluate<number>(ROW_COUNT);
      let keystrokeMs: Summary | null = null;
      let unchangedKeystrokes = 0;
      if (target.search !== null) {
        const keys = await measureKeystrokes(opened.page, target.search, KEYSTROKES, (done) => {
          if (done % 4 === 0) log(`  walk ${target.id}: keystrokes ${done}/${KEYSTROKES.length}`);
        });
        if (keys.times.length === 0) throw new Error(`walk ${target.id}: no keystroke changed the rows`);
        keystrokeMs = summarize(keys.times);
        unchangedKeystrokes = keys.unchanged;
      }
      return {
        firstRowsLoadMs: summarize(onLoad),
        firstRowsReturnMs: summarize(onReturn),
        keystrokeMs,
        domNodes,
        rows,
        unchangedKeystrokes,
      };
    } finally {
      await opened.close();
    }
  }
  throw new Error('runs must be at least 1');
}

function pageFigures(target: WalkPage, result: WalkPageResult): Figure[] {
  const id = `walk.${target.id}`;
  const name = `${target.name}, ${result.rows.toLocaleString('en-US')} rows`;
  const le = (value: number) => ({ op: '<=' as const, value });
  return [
    figure(
      `${id}.firstRows`,
      `${name}, 4× CPU: first rows on returning to the page`,
      'ms',
      result.firstRowsReturnMs,
      le(BUDGETS.firstRowsMs),
    ),
    figure(
      `${id}.firstRowsLoad`,
      `${name}, 4× CPU: first rows on page load (fetch + parse included)`,
      'ms',
      result.firstRowsLoadMs,
    ),
    ...(result.keystrokeMs
      ? [
          figure(
            `${id}.keystroke`,
            `${name}: filter keystroke → rows updated`,
            'ms',
            result.keystrokeMs,
            le(BUDGETS.keystrokeMs),
            result.unchangedKeystrokes > 0
              ? `${result.unchangedKeystrokes} of ${KEYSTROKES.length} keystrokes changed no row`
              : undefined,
          ),
        ]
      : []),
    figure(`${id}.domNodes`, `${name}: DOM nodes`, 'nodes', result.domNodes, le(BUDGETS.domNodes)),
  ];
}

/**
 * Walks the four pages in one database made for it (WALK_SCALE, through the control API; deleted afterwards). A page
 * that cannot be measured becomes a failed figure and the walk goes on.
 */
export async function measureWalk(
  browser: Browser,
  baseURL: string,
  runs: number,
  log: (m: string) => void,
): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = { scale: WALK_SCALE };
  const simDb = await createSimDb(baseURL, WALK_SCALE);
  try {
    for (const target of WALK_PAGES) {
      try {
        const result = await measurePage(browser, baseURL, simDb, target, runs, log);
        details[target.id] = result;
        figures.push(...pageFigures(target, result));
      } catch (error) {
        log(`  walk ${target.id} failed: ${String(error)}`);
        figures.push({
          id: `error.walk.${target.id}`,
          label: `${target.name}: could not be measured`,
          unit: '',
          value: Number.NaN,
          pass: false,
          note: String(error).split('\n')[0] ?? '',
        });
      }
    }
  } finally {
    await deleteSimDb(baseURL, simDb);
  }
  return { figures, details };
}
