import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Browser, type Page } from '@playwright/test';
import {
  CPU_SLOWDOWN,
  SLOW_4G,
  createSimDb,
  deleteSimDb,
  signedInContext,
  throttle,
  type Throttle,
} from './browser.ts';
import { summarize, type Summary } from './stats.ts';

const require = createRequire(import.meta.url);
// web-vitals is a devDependency used only here (its IIFE build sits next to the main file; `exports` hides the path): injected into the page under test, never bundled into the console.
const VITALS_SCRIPT = `${readFileSync(join(dirname(require.resolve('web-vitals')), 'web-vitals.iife.js'), 'utf8')}\n${readFileSync(fileURLToPath(new URL('./page/vitals-init.js', import.meta.url)), 'utf8')}`;

export type VitalsPage = 'login' | 'users';
export type Condition = 'throttled' | 'unthrottled';

export const CONDITIONS: Record<Condition, Throttle> = {
  throttled: { cpu: CPU_SLOWDOWN, network: SLOW_4G },
  unthrottled: {},
};

interface Sample {
  lcp: number | null;
  cls: number | null;
  inp: number | null;
  lcpElement: string | null;
}

export interface VitalsResult {
  lcpMs: Summary;
  cls: Summary;
  /** Runs in which no interaction took 16 ms or more count as 0 here; `inpBelowThreshold` says how many. */
  inpMs: Summary;
  inpBelowThreshold: number;
  lcpElements: string[];
}

/** Real interactions for INP: typing, and a click that renders the form's field errors. */
async function interactWithLogin(page: Page) {
  await expect(page.getByRole('heading', { name: 'Sign in to DC/OS' })).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  await page.getByLabel('Username').click();
  await page.keyboard.type('bootstrapuser', { delay: 50 });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your password.')).toBeVisible();
}

/** Typing a search, sorting, and selecting a row. */
async function interactWithUsers(page: Page) {
  const grid = page.getByRole('grid', { name: 'Users' });
  await expect(grid.getByRole('row', { name: /alice/ })).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  await page.getByLabel('Search users').click();
  await page.keyboard.type('ali', { delay: 50 });
  await grid.getByRole('button', { name: 'ID' }).click();
  await grid.getByRole('checkbox', { name: 'Select alice' }).click();
  await expect(page.getByText('1 selected', { exact: false })).toBeVisible();
}

async function sample(browser: Browser, baseURL: string, which: VitalsPage, condition: Condition): Promise<Sample> {
  // The demo seed in a database of its own: Core Web Vitals are about the page, the 10,000-row lists are measured apart.
  // Explicit zeros: a new database otherwise gets the preview's SIM_USERS / SIM_SECRETS (10,000 each) too.
  const id = await createSimDb(baseURL, { users: 0, secrets: 0 });
  const context =
    which === 'login'
      ? await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } })
      : await signedInContext(browser, baseURL, { simDb: id });
  try {
    const page = await context.newPage();
    await throttle(page, CONDITIONS[condition]);
    await page.addInitScript({ content: VITALS_SCRIPT });
    await page.goto(which === 'login' ? '/login' : '/organization/users', { waitUntil: 'load', timeout: 120_000 });
    await (which === 'login' ? interactWithLogin(page) : interactWithUsers(page));
    await page.waitForTimeout(500);
    return await page.evaluate<Sample>('window.__hidePage()');
  } finally {
    await context.close();
    await deleteSimDb(baseURL, id);
  }
}

export async function measureVitals(
  browser: Browser,
  baseURL: string,
  which: VitalsPage,
  condition: Condition,
  runs: number,
  log: (message: string) => void,
): Promise<VitalsResult> {
  const samples: Sample[] = [];
  for (let run = 1; run <= runs; run++) {
    const s = await sample(browser, baseURL, which, condition);
    samples.push(s);
    log(
      `  ${which} ${condition} run ${run}/${runs}: LCP ${s.lcp?.toFixed(0) ?? '–'} ms, CLS ${s.cls?.toFixed(3) ?? '–'}, INP ${s.inp?.toFixed(0) ?? '<16'} ms`,
    );
  }
  const required = (key: 'lcp' | 'cls') =>
    samples.map((s) => {
      if (s[key] === null) throw new Error(`${which} ${condition}: web-vitals reported no ${key.toUpperCase()}`);
      return s[key];
    });
  return {
    lcpMs: summarize(required('lcp')),
    cls: summarize(required('cls')),
    inpMs: summarize(samples.map((s) => s.inp ?? 0)),
    inpBelowThreshold: samples.filter((s) => s.inp === null).length,
    lcpElements: [...new Set(samples.map((s) => s.lcpElement ?? '?'))],
  };
}
