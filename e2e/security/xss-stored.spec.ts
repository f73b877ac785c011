import { generateKeyPairSync } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from '../fixtures.ts';
import { adminApi, watchForXss } from './helpers.ts';
import { XSS_PAYLOADS, labelled } from './xss-payloads.ts';

// Stored XSS: every payload goes into a user-controlled field through the simulator's API, then every page that shows
// the field is visited. The CSP is bypassed here on purpose, so only the console's own output encoding stands between
// a payload and the canary (the CSP has its own tests in e2e/csp.spec.ts and runs under every other spec).
test.use({ bypassCSP: true, viewport: { width: 1280, height: 3200 } });
// Forty payloads, each on its own page: minutes, not seconds, on a busy machine.
test.describe.configure({ timeout: 240_000 });

const N = XSS_PAYLOADS.length;
const id = (n: number) => `xss-${String(n).padStart(2, '0')}`;

/** Client-side navigation, as a click on a link would do, without reloading the console for every payload. */
async function go(page: Page, path: string) {
  await page.evaluate((url) => {
    window.history.pushState(null, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** A list page shows every payload: searched ten at a time, since the grid renders only the rows in view. */
async function expectListShowsAll(page: Page, listPath: string) {
  for (let tens = 0; tens * 10 < N; tens += 1) {
    await go(page, `${listPath}?q=xss-${tens}`);
    await expectAllShownAsText(
      page,
      Array.from({ length: Math.min(10, N - tens * 10) }, (_, i) => tens * 10 + i),
    );
  }
}

/** A permissions tab shows its rows 25 at a time: press "Show … more" until every one is there. */
async function showAllPermissions(page: Page) {
  const more = page.getByRole('button', { name: /^Show \d+ more$/ });
  while (await more.isVisible()) await more.click();
}

/** Every payload appears as text on the page, exactly as stored. */
async function expectAllShownAsText(page: Page, ns: number[] = Array.from({ length: N }, (_, n) => n)) {
  // Exact text, not Playwright's whitespace-normalised matching: the unicode payloads must arrive unchanged.
  const text = async () => (await page.locator('body').textContent()) ?? '';
  for (const n of ns) await expect.poll(text, { message: labelled(n) }).toContain(labelled(n));
}

test.describe('Stored payloads are shown as text, never run', () => {
  test('[ASVS 3.2.2] user descriptions, in the users list and on each user page', async ({ page }) => {
    const xss = watchForXss(page);
    const api = await adminApi(page);
    for (let n = 0; n < N; n += 1)
      await api.put(`/acs/api/v1/users/${id(n)}`, { description: labelled(n), password: 'xss-password' });
    await signIn(page);
    await expectListShowsAll(page, '/organization/users');
    for (let n = 0; n < N; n += 1) {
      await go(page, `/organization/users/${id(n)}`);
      await expect(page.getByRole('heading', { level: 1, name: id(n) })).toBeVisible();
      await expectAllShownAsText(page, [n]);
    }
    await xss.expectNoXss();
  });

  test('[ASVS 3.2.2] group descriptions, in the groups list, on each group page and on a member’s groups tab', async ({
    page,
  }) => {
    const xss = watchForXss(page);
    const api = await adminApi(page);
    for (let n = 0; n < N; n += 1) {
      await api.put(`/acs/api/v1/groups/${id(n)}`, { description: labelled(n) });
      await api.put(`/acs/api/v1/groups/${id(n)}/users/bob`);
    }
    await signIn(page);
    await expectListShowsAll(page, '/organization/groups');
    await go(page, '/organization/users/bob/groups');
    await expect(page.getByRole('heading', { level: 1, name: 'bob' })).toBeVisible();
    await expectAllShownAsText(page);
    for (let n = 0; n < N; n += 1) {
      await go(page, `/organization/groups/${id(n)}`);
      await expect(page.getByRole('heading', { level: 1, name: id(n) })).toBeVisible();
      await expectAllShownAsText(page, [n]);
    }
    await xss.expectNoXss();
  });

  test('[ASVS 3.2.2] service account descriptions, in the list and on each account page', async ({ page }) => {
    const xss = watchForXss(page);
    const api = await adminApi(page);
    const { publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    for (let n = 0; n < N; n += 1)
      await api.put(`/acs/api/v1/users/${id(n)}`, { description: labelled(n), public_key: publicKey });
    await signIn(page);
    await expectListShowsAll(page, '/organization/service-accounts');
    for (let n = 0; n < N; n += 1) {
      await go(page, `/organization/service-accounts/${id(n)}`);
      await expect(page.getByRole('heading', { level: 1, name: id(n) })).toBeVisible();
      await expectAllShownAsText(page, [n]);
    }
    await xss.expectNoXss();
  });

  test('[ASVS 3.2.2] ACL descriptions, in the resources list, on each resource page and on a grantee’s permissions tab', async ({
    page,
  }) => {
    const xss = watchForXss(page);
    const api = await adminApi(page);
    for (let n = 0; n < N; n += 1) {
      await api.put(`/acs/api/v1/acls/dcos:xss:${id(n)}`, { description: labelled(n) });
      await api.put(`/acs/api/v1/acls/dcos:xss:${id(n)}/users/bob/read`);
    }
    await signIn(page);
    await expectListShowsAll(page, '/permissions');
    await go(page, '/organization/users/bob/permissions');
    await expect(page.getByRole('heading', { level: 1, name: 'bob' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Permissions of bob' })).toBeVisible();
    await showAllPermissions(page);
    await expectAllShownAsText(page);
    for (let n = 0; n < N; n += 1) {
      await go(page, `/permissions/acls/dcos:xss:${id(n)}`);
      await expect(page.getByRole('heading', { level: 1, name: `dcos:xss:${id(n)}` })).toBeVisible();
      await expectAllShownAsText(page, [n]);
    }
    await xss.expectNoXss();
  });

  test('[ASVS 3.2.2] secret values, descriptions and labels, once revealed', async ({ page }) => {
    const xss = watchForXss(page);
    const api = await adminApi(page);
    for (let n = 0; n < N; n += 1)
      await api.put(`/secrets/v1/secret/default/xss/${id(n)}`, {
        value: labelled(n),
        description: labelled(n),
        labels: [labelled(n)],
      });
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Fsecrets%3Fpath%3Dxss');
    await expect(page.getByRole('grid', { name: 'Secrets' }).getByRole('link', { name: id(0) })).toBeVisible();
    for (let n = 0; n < N; n += 1) {
      await go(page, `/secrets/view/xss/${id(n)}`);
      await page.getByRole('button', { name: 'Reveal' }).click();
      await expect(page.getByLabel('Secret value')).toHaveText(labelled(n));
      const text = (await page.locator('body').textContent()) ?? '';
      expect(text.split(labelled(n)).length - 1, labelled(n)).toBe(3);
    }
    await xss.expectNoXss();
  });
});
