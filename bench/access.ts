/**
 * The access review at the scale of issue 24: a simulator database of its own with 10,000 users, 300 groups and 2,000
 * ACLs. Per run, in a fresh signed-in context, unthrottled: the review opened with a question in the URL → the
 * complete answer shown (the read for that question), → the whole model read ("as of" shown), and then later
 * questions (another rid typed, Review pressed → its answer shown), answered from the kept model. Timings are taken in
 * the page (performance.now()) by a MutationObserver, so Playwright's polling adds nothing; requests are counted.
 */
import type { Browser, Page } from '@playwright/test';
import { createDb } from '../src/mocks/db/create-db.ts';
import { broaderRids } from '../src/lib/rid.ts';
import { BUDGETS } from './budgets.ts';
import { createSimDb, deleteSimDb, signedInContext } from './browser.ts';
import { figure, type Figure } from './report.ts';
import { summarize, type Summary } from './stats.ts';

export const ACCESS_SCALE = { users: 10_000, groups: 300, serviceAccounts: 0, secrets: 0, acls: 2000 } as const;
const SERVICES = 'dcos:service:marathon:marathon:services:/';

/**
 * Questions a reviewer would ask at this scale: generated Marathon service groups that a broader generated group
 * covers and that groups with members hold, so each answer has reasons of several kinds and hundreds of accounts.
 */
function pickQuestions(count: number): string[] {
  const db = createDb('bench-access', { securityMode: 'strict', tokenTtlSeconds: 60, ...ACCESS_SCALE });
  const members = (rid: string) =>
    [...(db.acls.get(rid)?.groups.keys() ?? [])].reduce((n, gid) => n + (db.memberships.get(gid)?.size ?? 0), 0);
  const rids = [...db.acls.keys()].filter(
    (rid) =>
      rid.startsWith(SERVICES) &&
      broaderRids(rid).some((b) => db.acls.has(b.rid) && b.rid !== SERVICES) &&
      members(rid) > 0,
  );
  if (rids.length < count) throw new Error(`only ${rids.length} generated service groups fit the bench's questions`);
  return rids.slice(0, count);
}

const caption = (rid: string) => `Accounts that can read ${rid}`;
const url = (rid: string) => `/permissions/who?${new URLSearchParams({ rid, action: 'read' }).toString()}`;

/** Records, from the navigation's start, when the answer's table and the "as of" line first show. */
const MARKS = (want: string) => `(() => {
  window.__access = {};
  const check = () => {
    if (window.__access.answer === undefined &&
        [...document.querySelectorAll('caption')].some((c) => c.textContent === ${JSON.stringify(want)}))
      window.__access.answer = performance.now();
    if (window.__access.whole === undefined && /Permissions read from/.test(document.body?.textContent ?? ''))
      window.__access.whole = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})()`;

/** Types the next question's service group, presses Review, and resolves with the ms until its answer shows. */
const ASK = (want: string) => `new Promise((resolve) => {
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if ([...document.querySelectorAll('caption')].some((c) => c.textContent === ${JSON.stringify(want)})) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  document.querySelector('form[aria-label="Access review question"] button[type=submit]').click();
})`;

export interface AccessResult {
  firstAnswerMs: Summary;
  wholeModelMs: Summary;
  laterAnswerMs: Summary;
  firstAnswerRequests: number;
  wholeModelRequests: number;
  laterRequests: number;
  accounts: number;
  questions: string[];
}

async function marks(page: Page, key: 'answer' | 'whole'): Promise<number> {
  // Polled from here: the page's CSP forbids the eval that waitForFunction would need; the time is the page's own.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const at = await page.evaluate<number | null>(`window.__access?.${key} ?? null`);
    if (at !== null) return at;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`access: no ${key} within 60 s`);
}

export async function measureAccess(
  browser: Browser,
  baseURL: string,
  runs: number,
  log: (m: string) => void,
): Promise<AccessResult> {
  const questions = pickQuestions(4);
  const [first, ...later] = questions;
  if (first === undefined) throw new Error('no question');
  const simDb = await createSimDb(baseURL, ACCESS_SCALE);
  const firsts: number[] = [];
  const wholes: number[] = [];
  const laters: number[] = [];
  let requests = { first: 0, whole: 0, later: 0 };
  let accounts = 0;
  try {
    for (let run = 1; run <= runs; run++) {
      const context = await signedInContext(browser, baseURL, { simDb });
      try {
        const page = await context.newPage();
        let count = 0;
        page.on('request', (request) => {
          if (request.url().includes('/acs/api/v1/')) count += 1;
        });
        await page.addInitScript(MARKS(caption(first)));
        await page.goto(url(first));
        firsts.push(await marks(page, 'answer'));
        const atAnswer = count;
        wholes.push(await marks(page, 'whole'));
        const atWhole = count;
        accounts = await page
          .getByRole('table', { name: caption(first) })
          .getByRole('row')
          .count();
        for (const rid of later) {
          await page.getByLabel('Service group').fill(rid.slice(SERVICES.length));
          laters.push(await page.evaluate<number>(ASK(caption(rid))));
        }
        requests = { first: atAnswer, whole: atWhole - atAnswer, later: count - atWhole };
        log(
          `  access: run ${run}/${runs}: first answer ${firsts.at(-1)?.toFixed(0) ?? '?'} ms, whole model ${wholes.at(-1)?.toFixed(0) ?? '?'} ms, later ${laters
            .slice(-later.length)
            .map((t) => t.toFixed(0))
            .join(' / ')} ms`,
        );
      } finally {
        await context.close();
      }
    }
  } finally {
    await deleteSimDb(baseURL, simDb);
  }
  return {
    firstAnswerMs: summarize(firsts),
    wholeModelMs: summarize(wholes),
    laterAnswerMs: summarize(laters),
    firstAnswerRequests: requests.first,
    wholeModelRequests: requests.whole,
    laterRequests: requests.later,
    accounts: Math.max(0, accounts - 1),
    questions,
  };
}

export function accessFigures(result: AccessResult): Figure[] {
  const scale = '10,000 users, 300 groups, 2,000 ACLs';
  const le = (value: number) => ({ op: '<=' as const, value });
  return [
    figure(
      'access.firstAnswer',
      `Access review, ${scale}: deep link → complete answer (${result.firstAnswerRequests} requests)`,
      'ms',
      result.firstAnswerMs,
      le(BUDGETS.accessFirstAnswerMs),
    ),
    figure(
      'access.wholeModel',
      `Access review, ${scale}: deep link → whole model read (${result.wholeModelRequests} more requests)`,
      'ms',
      result.wholeModelMs,
    ),
    figure(
      'access.laterAnswer',
      `Access review, ${scale}: later question → answer (${result.laterRequests} requests)`,
      'ms',
      result.laterAnswerMs,
      le(BUDGETS.accessLaterAnswerMs),
    ),
  ];
}
