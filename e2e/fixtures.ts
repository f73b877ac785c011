import { test as base, expect, type Page } from '@playwright/test';
import { watchContract, type ContractWatch } from './contract/collect.ts';

export interface SimOptions {
  securityMode?: 'disabled' | 'permissive' | 'strict';
  tokenTtlSeconds?: number;
  /** Extra generated entities, on top of the demo seed. */
  users?: number;
  groups?: number;
  serviceAccounts?: number;
  secrets?: number;
  acls?: number;
  sealThreshold?: number;
  sealShares?: number;
  /** The Secret Store starts sealed. */
  sealed?: boolean;
}

/** What the simulator said about the test's database (its id, options, and the store's unseal key shares). */
export interface SimDbInfo {
  id: string;
  unsealKeys?: string[];
}

/** A JWT (the session token's shape). */
const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;
/**
 * What the console must never log: the demo accounts' passwords (src/mocks/db/create-db.ts, the LDAP directory's
 * lookup account) and the demo secrets' values (src/mocks/db/secrets.ts; `INFO` is too common a word to look for).
 */
const LOGGED_NEVER = [
  'deleteme',
  'alice-pass',
  'bob-pass',
  'carol-pass',
  'lookup-pass',
  'Pg-8r!ck-Lantern-42',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'PRIVATE KEY-----',
];

/**
 * Every test runs against its own simulator database: the fixture creates one through the simulator's control API
 * and pins the browser context to it with the `dcos-sim-db` cookie (docs/decisions/001-e2e-isolation.md).
 */
export const test = base.extend<{
  simOptions: SimOptions;
  simDb: SimDbInfo;
  consoleErrors: string[];
  cspViolations: string[];
  apiContract: ContractWatch;
}>({
  simOptions: [{}, { option: true }],
  simDb: [
    async ({ context, request, baseURL, simOptions }, use) => {
      const created = await request.post('/__sim/dbs', { data: simOptions });
      expect(created.status()).toBe(201);
      const info = (await created.json()) as SimDbInfo;
      // For the whole origin: under a mount (e2e/nginx/) the API still sits at the root.
      await context.addCookies([
        { name: 'dcos-sim-db', value: info.id, url: new URL('/', baseURL).href, httpOnly: true, sameSite: 'Strict' },
      ]);
      await use(info);
      // Clean-up only: a kept-alive socket the server closed as it was reused (ECONNRESET, seen once in CI) is tried
      // again on a new one; a second failure still fails the test.
      const drop = () => request.delete(`/__sim/dbs/${info.id}`, { headers: controlHeaders(info.id) });
      await drop().catch(drop);
    },
    { auto: true },
  ],
  // The console output of every page of the test's context (popups and second tabs too), so tests can prove no token
  // or secret was logged; after every test it must hold no JWT, demo password or demo secret value (ASVS 16.2.5), so
  // every spec is checked by default.
  consoleErrors: [
    async ({ context, page }, use) => {
      const messages: string[] = [];
      const listen = (tab: Page) => tab.on('console', (message) => messages.push(message.text()));
      listen(page);
      context.on('page', (tab) => {
        if (tab !== page) listen(tab);
      });
      await use(messages);
      const leaks = messages.filter(
        (message) => JWT.test(message) || LOGGED_NEVER.some((value) => message.includes(value)),
      );
      expect(leaks, 'console messages with a token, a password or a secret value').toEqual([]);
    },
    { auto: true },
  ],
  // Every test runs under the built console's Content-Security-Policy (the preview server sends it) and fails after it
  // if the browser reported a single violation in any of its pages, so new specs are checked by default. Installed on
  // the context, before any page script runs, so second tabs and popups count too.
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding('__reportCspViolation', ({ page }, report: string) => {
        violations.push(`${page.url()}: ${report}`);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __reportCspViolation?: (text: string) => Promise<void> })
            .__reportCspViolation;
          void report?.(
            `${event.effectiveDirective} refused ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
          );
        });
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  // Every answer the console gets from the API is checked against the OpenAPI file's schema, where it has one
  // (e2e/contract/): a test fails on a violation, so new pages are checked by default (issue 20).
  apiContract: [
    async ({ context }, use, testInfo) => {
      const watch = watchContract(context);
      await use(watch);
      expect(await watch.finish(testInfo.testId), 'answers that break the OpenAPI schema').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** What the simulator's control API asks of a request (issue 19): JSON, and the test database's own cookie. */
export function controlHeaders(dbId: string): Record<string, string> {
  return { 'Content-Type': 'application/json', Cookie: `dcos-sim-db=${dbId}` };
}

export const DEMO = { uid: 'bootstrapuser', password: 'deleteme' } as const;

export async function fillSignIn(page: Page, uid: string, password: string) {
  await page.getByLabel('Username').fill(uid);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs in through the sign-in page, as a person does, and waits for the signed-in shell. Only the specs about signing
 * in and the session use it (sign-in, session, session expiry, re-authentication, sign-out, open redirects); every
 * other spec starts from `signIn`.
 */
export async function signInThroughForm(
  page: Page,
  uid: string = DEMO.uid,
  password: string = DEMO.password,
  path = '/login',
) {
  await page.goto(path);
  await fillSignIn(page, uid, password);
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
}

/** Where the sign-in page at `path` would lead once signed in: its `redirect`, or the overview; any other page itself. */
function pageAfterSignIn(path: string): string {
  const url = new URL(path, 'http://console.invalid');
  return url.pathname === '/login' ? (url.searchParams.get('redirect') ?? '/') : path;
}

/**
 * Starts a test signed in: a session made through the IAM's login API (its `Set-Cookie` lands in the browser context,
 * HttpOnly as always), then the page the sign-in at `path` would lead to, and the signed-in shell. The form itself is
 * tested by the sign-in and session specs (`signInThroughForm`); the other specs need only a session (issue 23).
 */
/** A session through the IAM's login API: its HttpOnly `Set-Cookie` lands in the page's browser context. */
async function loginThroughApi(page: Page, uid: string, password: string) {
  const login = await page.request.post('/acs/api/v1/auth/login', { data: { uid, password } });
  expect(login.status(), await login.text()).toBe(200);
}

/** The demo accounts the route samples look through (src/mocks/db/create-db.ts), with their passwords. */
export const DEMO_PASSWORDS = { bootstrapuser: DEMO.password, alice: 'alice-pass', bob: 'bob-pass' } as const;
export type DemoAccount = keyof typeof DEMO_PASSWORDS;

/** A session for a demo account, or none for `null` (the page then opens signed out). */
export async function startSession(page: Page, account: DemoAccount | null) {
  if (account !== null) await loginThroughApi(page, account, DEMO_PASSWORDS[account]);
}

export async function signIn(page: Page, uid: string = DEMO.uid, password: string = DEMO.password, path = '/login') {
  await loginThroughApi(page, uid, password);
  await page.goto(pageAfterSignIn(path));
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
}

export async function authToken(page: Page): Promise<string | undefined> {
  return (await page.context().cookies()).find((cookie) => cookie.name === 'dcos-acs-auth-cookie')?.value;
}

/** Nothing a script can read holds the session token, or any JWT at all. */
export async function expectNoTokenExposed(page: Page, token?: string) {
  const exposed = await page.evaluate(() => {
    const dump = (storage: Storage) =>
      Array.from(
        { length: storage.length },
        (_, i) => `${storage.key(i) ?? ''}=${storage.getItem(storage.key(i) ?? '') ?? ''}`,
      );
    return [...dump(window.localStorage), ...dump(window.sessionStorage), document.cookie, window.location.href].join(
      '\n',
    );
  });
  expect(exposed).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
  if (token) expect(exposed).not.toContain(token);
}

/** A fault the simulator injects for this test's database (src/mocks/handlers/faults.ts). */
export interface Fault {
  path: string;
  method?: string;
  status?: number;
  body?: string;
  contentType?: string;
  delayMs?: number;
  network?: boolean;
  count?: number;
  every?: number;
}

/** Injects a fault through the page's context, so it applies to the test's own database. */
export async function injectFault(page: Page, fault: Fault): Promise<void> {
  const response = await page.request.post('/__sim/faults', { data: fault });
  expect(response.status(), await response.text()).toBe(201);
}

export async function clearFaults(page: Page): Promise<void> {
  expect(
    (await page.request.delete('/__sim/faults', { headers: { 'Content-Type': 'application/json' } })).status(),
  ).toBe(204);
}
