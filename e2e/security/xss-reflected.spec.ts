import type { Page } from '@playwright/test';
import { expect, fillSignIn, injectFault, signIn, test } from '../fixtures.ts';
import { adminApi, watchForXss } from './helpers.ts';
import { XSS_PAYLOADS, labelled } from './xss-payloads.ts';

// Reflected XSS: payloads in the URL (path segments and query parameters the console shows back) and in the text of
// server errors, including the readable info cookie. As in xss-stored.spec.ts the CSP is bypassed, so only the
// console's output encoding is under test.
test.use({ bypassCSP: true });
test.describe.configure({ timeout: 240_000 });

const N = XSS_PAYLOADS.length;
const all = Array.from({ length: N }, (_, n) => n);
const enc = encodeURIComponent;

/** Mostly 4xx, which the console shows at once; every eighth a 503, which it retries twice before showing. */
function faultStatus(n: number): number {
  return n % 8 === 0 ? 503 : (([400, 403, 409, 422] as const)[n % 4] ?? 400);
}

async function go(page: Page, path: string) {
  await page.evaluate((url) => {
    window.history.pushState(null, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Visits `pathFor(payload)` for every payload, waiting each time until the page has settled on its answer. */
async function visitAll(page: Page, pathFor: (payload: string, n: number) => string) {
  for (const n of all) {
    await go(page, pathFor(labelled(n), n));
    await expect(page.getByRole('heading', { level: 1 }).or(page.getByRole('alert')).first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Loading|^Fetching/ })).toHaveCount(0);
  }
}

test.describe('Payloads in the URL are shown as text, never run', () => {
  test('[ASVS 3.2.2] as a user, group or service account id in the path', async ({ page }) => {
    const xss = watchForXss(page);
    await signIn(page);
    for (const base of ['/organization/users/', '/organization/groups/', '/organization/service-accounts/']) {
      await visitAll(page, (p) => base + enc(p));
      await expect(page.locator('body')).toContainText(labelled(N - 1));
    }
    await xss.expectNoXss();
  });

  test('[ASVS 3.2.2] as a secret path or resource id in the path', async ({ page }) => {
    const xss = watchForXss(page);
    await signIn(page);
    await visitAll(page, (p) => `/secrets/view/${enc(p)}`);
    await expect(page.locator('body')).toContainText(labelled(N - 1));
    await visitAll(page, (p) => `/permissions/acls/dcos:${enc(p)}`);
    await expect(page.locator('body')).toContainText(labelled(N - 1));
    await xss.expectNoXss();
  });

  test('[ASVS 3.2.2] as search, folder and checker parameters', async ({ page }) => {
    const xss = watchForXss(page);
    await signIn(page);
    await visitAll(page, (p) => `/organization/users?q=${enc(p)}`);
    await expect(page.getByLabel('Search users')).toHaveValue(labelled(N - 1));
    await visitAll(page, (p) => `/secrets?path=${enc(p)}&q=${enc(p)}`);
    await visitAll(page, (p) => `/permissions?q=${enc(p)}`);
    await visitAll(page, (p) => `/permissions/check?uid=${enc(p)}&rid=${enc(`dcos:${p}`)}&action=read`);
    await xss.expectNoXss();
  });

  // Since issue 19 the sign-in page shows none of the URL's text (content spoofing): a payload, alone or inside a
  // reason the console knows, gives the console's own words, and nothing of it reaches the page or runs.
  test('[ASVS 3.2.2] as the identity provider error the sign-in page shows (iam-error)', async ({ page }) => {
    const xss = watchForXss(page);
    await page.goto('/login');
    for (const n of all) {
      await go(page, `/login?iam-error=${enc(labelled(n))}`);
      await expect(page.getByRole('alert')).toContainText('refused the sign-in');
      await expect(page.getByRole('alert')).not.toContainText(labelled(n).slice(0, 6));
      await go(page, `/login?iam-error=${enc(`The login provider with ID '${labelled(n)}' is not known`)}`);
      await expect(page.getByRole('alert')).toContainText('not set up on this cluster');
      await expect(page.getByRole('alert')).not.toContainText(labelled(n).slice(0, 6));
    }
    await xss.expectNoXss();
  });
});

test.describe('Server error text is shown as text, never run', () => {
  test('[ASVS 3.2.2] IAM JSON errors, HTML error pages and plain-text errors on a detail page', async ({ page }) => {
    const xss = watchForXss(page);
    await signIn(page);
    for (const n of all) {
      const payload = labelled(n);
      const [contentType, body] = [
        ['application/json', JSON.stringify({ title: payload, description: payload, code: payload })],
        [
          'text/html; charset=utf-8',
          `<!DOCTYPE html><html><body><h1>${payload}</h1><script>window.__xss=1</script></body></html>`,
        ],
        ['text/plain', payload],
      ][n % 3] as [string, string];
      await injectFault(page, {
        path: `/acs/api/v1/users/xss-${String(n).padStart(2, '0')}`,
        method: 'GET',
        status: faultStatus(n),
        body,
        contentType,
      });
    }
    await visitAll(page, (_p, n) => `/organization/users/xss-${String(n).padStart(2, '0')}`);
    await expect(page.getByRole('alert')).toBeVisible();
    await xss.expectNoXss();
  });

  test('[ASVS 3.2.2] errors of the sign-in request', async ({ page }) => {
    const xss = watchForXss(page);
    await page.goto('/login');
    for (const n of all) {
      const payload = labelled(n);
      await injectFault(page, {
        path: '/acs/api/v1/auth/login',
        method: 'POST',
        status: 400,
        count: 1,
        contentType: 'application/json',
        body: JSON.stringify({ title: payload, description: payload }),
      });
      await fillSignIn(page, 'bootstrapuser', 'deleteme');
      await expect(page.getByRole('alert')).toContainText(payload.slice(0, 6));
    }
    await xss.expectNoXss();
  });

  test('[ASVS 3.2.2] the description in the info cookie, in the account menu and on the overview', async ({ page }) => {
    const xss = watchForXss(page);
    const api = await adminApi(page);
    for (const n of all)
      await api.put(`/acs/api/v1/users/xss-${String(n).padStart(2, '0')}`, {
        description: labelled(n),
        password: 'xss-password',
      });
    for (const n of all) {
      await adminApi(page, `xss-${String(n).padStart(2, '0')}`, 'xss-password');
      await page.goto('/');
      await expect(page.getByRole('button', { name: /^Account:/ })).toContainText(labelled(n).slice(0, 6));
      await page.getByRole('button', { name: /^Account:/ }).click();
      await expect(page.getByRole('menu', { name: 'Account' })).toBeVisible();
      await page.keyboard.press('Escape');
    }
    await xss.expectNoXss();
  });
});
