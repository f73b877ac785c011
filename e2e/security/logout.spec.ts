import type { Page } from '@playwright/test';
import { DEMO, authToken, expect, fillSignIn, signInThroughForm, test } from '../fixtures.ts';
import { ROUTE_SAMPLES } from '../route-samples.ts';

// Ending a session: sign-out (ASVS V7.4, V14.3) and expiry (V9.2). DC/OS tokens are self-contained JWTs that the IAM
// cannot revoke: logout expires the cookie, and a copied token stays valid until its `exp` (DOCS security/ent). What
// is tested here is what the cluster does: the browser forgets the session, and the token dies at its `exp`.

async function signOut(page: Page) {
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/login');
}

test.describe('Signing out', () => {
  test('[ASVS 14.3.1] expires both session cookies, so this browser holds no token and is refused from then on', async ({
    page,
  }) => {
    await signInThroughForm(page);
    await signOut(page);
    const names = (await page.context().cookies()).map((cookie) => cookie.name);
    expect(names).not.toContain('dcos-acs-auth-cookie');
    expect(names).not.toContain('dcos-acs-info-cookie');
    expect((await page.request.get('/acs/api/v1/users')).status()).toBe(401);
    await page.goto('/organization/users');
    await expect(page).toHaveURL('/login?redirect=%2Forganization%2Fusers');
  });

  test('[ASVS 14.3.1] drops every cached answer: the next account sees nothing the previous one loaded', async ({
    page,
  }) => {
    await signInThroughForm(page, DEMO.uid, DEMO.password, '/login?redirect=%2Forganization%2Fusers');
    await expect(page.getByRole('grid', { name: 'Users' }).getByRole('link', { name: 'alice' })).toBeVisible();
    await signOut(page);
    // Same tab, no reload: only a cleared query cache keeps bob from seeing the list bootstrapuser loaded.
    await fillSignIn(page, 'bob', 'bob-pass');
    await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
    // bob's menu has no Users link; a client-side navigation is what a bookmark or Back would do in this tab.
    await page.evaluate(() => {
      window.history.pushState(null, '', '/organization/users');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'alice' })).toHaveCount(0);
    await expect(page.getByText('Alice')).toHaveCount(0);
  });

  test('[ASVS 14.3.1] Back shows nothing of the pages seen before sign-out', async ({ page }) => {
    await signInThroughForm(page, DEMO.uid, DEMO.password, '/login?redirect=%2Forganization%2Fusers%2Falice');
    await expect(page.getByRole('heading', { level: 1, name: 'alice' })).toBeVisible();
    await page.goto('/secrets/view/group/spark/aws-secret-key');
    await page.getByRole('button', { name: 'Reveal' }).click();
    const value = (await page.getByLabel('Secret value').textContent()) ?? '';
    await signOut(page);
    for (let step = 0; step < 3; step += 1) {
      await page.goBack();
      await expect(page.getByRole('heading', { name: 'Sign in to DC/OS' })).toBeVisible();
      await expect(page.getByText(value)).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'alice' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: /^Account:/ })).toHaveCount(0);
    }
  });

  test('[ASVS 14.3.1] signs out the other open tabs, which drop what they showed', async ({ page, context }) => {
    await signInThroughForm(page);
    const second = await context.newPage();
    await second.goto('/organization/users/alice');
    await expect(second.getByRole('heading', { level: 1, name: 'alice' })).toBeVisible();
    await signOut(page);
    await expect(second).toHaveURL(/\/login/);
    await expect(second.getByRole('heading', { name: 'alice' })).toHaveCount(0);
    await expect(second.getByRole('button', { name: /^Account:/ })).toHaveCount(0);
  });

  test('[ASVS 7.4.4] is offered on every signed-in page', async ({ page }) => {
    // Every route's sample (e2e/route-samples.ts), so a new page is checked by default.
    const urls = Object.values(ROUTE_SAMPLES)
      .flat()
      .filter((sample) => sample.account === undefined || sample.account === 'bootstrapuser')
      .map((sample) => sample.url);
    test.setTimeout(30_000 + urls.length * 4_000);
    await signInThroughForm(page);
    for (const url of [...urls, '/no/such/page']) {
      await page.goto(url);
      await page.getByRole('button', { name: /^Account:/ }).click();
      await expect(page.getByRole('menuitem', { name: 'Sign out' }), url).toBeVisible();
      await page.keyboard.press('Escape');
    }
  });
});

test.describe('An expired session', () => {
  test.use({ simOptions: { tokenTtlSeconds: 8 } });

  test('[ASVS 9.2.1] its token is refused after exp, even when replayed by hand', async ({ page }) => {
    await signInThroughForm(page, DEMO.uid, DEMO.password, '/login?redirect=%2Forganization%2Fusers');
    const token = (await authToken(page)) ?? '';
    expect(token).toMatch(/^eyJ/);
    expect(
      (await page.request.get('/acs/api/v1/users', { headers: { Authorization: `token=${token}` } })).status(),
    ).toBe(200);
    await expect
      .poll(
        async () =>
          (await page.request.get('/acs/api/v1/users', { headers: { Authorization: `token=${token}` } })).status(),
        { timeout: 20_000 },
      )
      .toBe(401);
    // The browser has let the cookie go (Max-Age); a copy of the token is refused by the cluster all the same.
    await expect.poll(async () => (await authToken(page)) ?? null).toBeNull();
    for (const headers of [
      { Authorization: `token=${token}` },
      { Authorization: `Bearer ${token}` },
      { Cookie: `dcos-acs-auth-cookie=${token}` },
    ]) {
      const response = await page.request.get('/acs/api/v1/users', { headers });
      expect(response.status(), JSON.stringify(Object.keys(headers))).toBe(401);
    }
  });
});
