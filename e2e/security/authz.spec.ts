import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { ROUTE_SAMPLES, type RouteSample } from '../route-samples.ts';

// Every page of the route table as the two limited demo accounts (ASVS V8.2): it either works or says clearly that
// access is refused, and never shows data the account may not read. The walk takes its URLs from
// e2e/route-samples.ts, which src/app/route-coverage.test.ts keeps complete, so a new page joins by default.
// bob holds no permission; alice may read the cluster metadata, list the secrets under `group` and read one of them.

type Account = 'alice' | 'bob';
const PASSWORDS: Record<Account, string> = { alice: 'alice-pass', bob: 'bob-pass' };

/**
 * Seeded data that only the IAM, the Secret Store or the settings would show, and that neither account may read:
 * other accounts' and groups' descriptions, ACL descriptions, identity provider and directory settings, secret values.
 * An account's own description is in its own info cookie and shown in its menu, so it is left out for that account.
 */
const NOT_READABLE = [
  'Bootstrap superuser',
  'Alice Operator',
  'Bob (no permissions)',
  'Cluster operators',
  'Marathon apps under /dev',
  'Superuser ACL',
  'Launch Mesos tasks',
  'Jenkins secrets',
  '1234567890-dcos.apps.googleusercontent.com',
  'cn=dcos-lookup',
  'ldap.example.com',
  'Pg-8r!ck-Lantern-42',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
];
const OWN_DESCRIPTION: Record<Account, string> = { alice: 'Alice Operator', bob: 'Bob (no permissions)' };
/** What a clear refusal says: access denied, a missing permission, or that the account may not do it. */
const REFUSAL = /access denied|permission|not allowed|may not|cannot (?:list|read|see)/i;

/** Every sample of a signed-in page (the sign-in page and the popup's end page have no account). */
function signedInSamples(): [string, RouteSample][] {
  return Object.entries(ROUTE_SAMPLES).flatMap(([pattern, samples]) =>
    samples.filter((sample) => sample.account !== null).map((sample) => [pattern, sample] as [string, RouteSample]),
  );
}

const loading = (page: Page) => page.getByRole('status').filter({ hasText: /…$/ });

/** Opens every signed-in page as `account`; returns what each showed, and fails on data it may not read. */
async function walk(page: Page, account: Account) {
  const login = await page.request.post('/acs/api/v1/auth/login', {
    data: { uid: account, password: PASSWORDS[account] },
  });
  expect(login.ok()).toBe(true);
  const forbidden = NOT_READABLE.filter((text) => text !== OWN_DESCRIPTION[account]);
  const seen: string[] = [];
  for (const [pattern, sample] of signedInSamples()) {
    await page.goto(sample.url);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1.first(), `${sample.url}: a page`).toBeVisible();
    await expect(loading(page), `${sample.url}: nothing still loading`).toHaveCount(0, { timeout: 15_000 });
    const heading = (await h1.first().innerText()).trim();
    const alerts = (await page.getByRole('alert').allInnerTexts())
      .map((text) => text.trim())
      .filter((text) => text !== '');
    const body = await page.locator('body').innerText();
    // It works (its own heading) or says access is denied; nothing in between such as a crash or a blank page.
    const works = typeof sample.heading === 'string' ? heading === sample.heading : sample.heading.test(heading);
    expect(works || heading === 'Access denied', `${sample.url} (${pattern}): heading "${heading}"`).toBe(true);
    // Any error it shows is a refusal that says so, not a generic failure.
    for (const alert of alerts) expect(alert, `${sample.url}: an alert`).toMatch(REFUSAL);
    for (const text of forbidden) expect(body, `${sample.url} shows data ${account} may not read`).not.toContain(text);
    seen.push(`${sample.url}: ${works ? 'works' : 'refused'}${alerts.length > 0 ? ' (with a refusal)' : ''}`);
  }
  return seen;
}

test.describe('As an account with limited permissions', () => {
  test.describe.configure({ timeout: 180_000 });

  test('[ASVS 8.2.1] [ASVS 8.2.2] bob (no permissions): every page works or is refused clearly, and shows nothing he may not read', async ({
    page,
  }) => {
    const seen = await walk(page, 'bob');
    // bob may read nothing of the IAM: its pages are refused.
    expect(seen).toContain('/organization/users: refused (with a refusal)');
    expect(seen).toHaveLength(signedInSamples().length);
  });

  test('[ASVS 8.2.1] [ASVS 8.2.2] alice (metadata, one secrets folder): every page works or is refused clearly, and shows nothing she may not read', async ({
    page,
  }) => {
    const seen = await walk(page, 'alice');
    expect(seen).toContain('/organization/users: refused (with a refusal)');
    expect(seen).toContain('/secrets?path=group: works');
    expect(seen).toHaveLength(signedInSamples().length);
  });
});

test.describe('Actions as an account that may not take them', () => {
  test('[ASVS 8.2.2] alice revealing a secret she may not read is refused clearly, and its value never reaches the page', async ({
    page,
  }) => {
    await page.request.post('/acs/api/v1/auth/login', { data: { uid: 'alice', password: PASSWORDS.alice } });
    await page.goto('/secrets/view/db-password');
    await expect(page.getByRole('heading', { level: 1, name: 'db-password' })).toBeVisible();
    // Either the console already knows and offers no Reveal, or the Secret Store's refusal is shown.
    for (const reveal of await page.getByRole('button', { name: 'Reveal', disabled: false }).all())
      await reveal.click();
    await expect(page.getByText(REFUSAL).first()).toBeVisible({ timeout: 10_000 });
    expect(await page.locator('body').innerText()).not.toContain('Pg-8r!ck-Lantern-42');
  });

  test('[ASVS 8.2.1] bob creating a secret is refused clearly, and no secret is made', async ({ page }) => {
    await page.request.post('/acs/api/v1/auth/login', { data: { uid: 'bob', password: PASSWORDS.bob } });
    await page.goto('/secrets/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Create secret' })).toBeVisible();
    // Either the console already knows and offers no Create, or the Secret Store's refusal is shown.
    for (const create of await page.getByRole('button', { name: 'Create secret', disabled: false }).all()) {
      await page.getByLabel('Path', { exact: true }).fill('bob/was-here');
      await page.getByLabel('Value', { exact: true }).fill('x');
      await create.click();
    }
    await expect(page.getByText(REFUSAL).first()).toBeVisible({ timeout: 10_000 });
    await page.request.post('/acs/api/v1/auth/login', { data: { uid: 'bootstrapuser', password: 'deleteme' } });
    expect((await page.request.get('/secrets/v1/secret/default/bob/was-here')).status()).toBe(404);
  });
});
