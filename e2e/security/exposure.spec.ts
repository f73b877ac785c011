import type { Page } from '@playwright/test';
import { DEMO, authToken, expect, signInThroughForm, test } from '../fixtures.ts';
import { expectNothingExposed } from './helpers.ts';

// After each main flow, nothing secret is where a script, the address bar or the console could show it: no session
// token, no password, no secret value, no private key in localStorage, sessionStorage, IndexedDB, readable cookies,
// the URL or console output, and none in any request URL either.

/** Every request URL the page makes, to prove no credential or secret travels in one. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

test.describe('The session cookie in the browser', () => {
  test('[ASVS 3.3.4] the auth cookie is HttpOnly: the browser holds it, scripts never see it', async ({ page }) => {
    await signInThroughForm(page);
    const auth = (await page.context().cookies()).find((cookie) => cookie.name === 'dcos-acs-auth-cookie');
    expect(auth).toMatchObject({ httpOnly: true, path: '/' });
    expect(auth?.value).toMatch(/^eyJ/);
    const readable = await page.evaluate(() => document.cookie);
    expect(readable).not.toContain('dcos-acs-auth-cookie');
    expect(readable).not.toContain(auth?.value ?? '-');
  });

  test('[ASVS 3.3.2] both session cookies are SameSite=Strict', async ({ page }) => {
    await signInThroughForm(page);
    const cookies = (await page.context().cookies()).filter((cookie) => cookie.name.startsWith('dcos-acs-'));
    expect(cookies.map((cookie) => [cookie.name, cookie.sameSite]).sort()).toEqual([
      ['dcos-acs-auth-cookie', 'Strict'],
      ['dcos-acs-info-cookie', 'Strict'],
    ]);
  });
});

test.describe('Nothing secret is left readable after', () => {
  test('[ASVS 14.3.3] signing in and reloading', async ({ page, consoleErrors }) => {
    const urls = recordUrls(page);
    await signInThroughForm(page);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expectNothingExposed(page, [DEMO.password], consoleErrors);
    const token = (await authToken(page)) ?? '-';
    expect(urls.filter((url) => url.includes(token) || url.includes(DEMO.password))).toEqual([]);
  });

  test('[ASVS 14.3.3] creating a user with a password', async ({ page, consoleErrors }) => {
    const urls = recordUrls(page);
    const password = 'Fresh-Passw0rd-7731';
    await signInThroughForm(page, DEMO.uid, DEMO.password, '/login?redirect=%2Forganization%2Fusers');
    await page.getByRole('button', { name: 'Create user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create user' });
    await dialog.getByLabel('User ID').fill('frank');
    await dialog.getByLabel('Password', { exact: true }).fill(password);
    await dialog.getByLabel('Confirm password').fill(password);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'frank' })).toBeVisible();
    await expectNothingExposed(page, [password, DEMO.password], consoleErrors);
    expect(urls.filter((url) => url.includes(password))).toEqual([]);
  });

  test('[ASVS 14.3.3] revealing a secret', async ({ page, consoleErrors }) => {
    const urls = recordUrls(page);
    await signInThroughForm(
      page,
      DEMO.uid,
      DEMO.password,
      '/login?redirect=%2Fsecrets%2Fview%2Fgroup%2Fspark%2Faws-secret-key',
    );
    await page.getByRole('button', { name: 'Reveal' }).click();
    const value = (await page.getByLabel('Secret value').textContent()) ?? '';
    expect(value.length).toBeGreaterThan(8);
    await expectNothingExposed(page, [value], consoleErrors);
    await page.getByRole('button', { name: 'Hide' }).click();
    await expect(page.getByText(value)).toHaveCount(0);
    await expectNothingExposed(page, [value], consoleErrors);
    expect(urls.filter((url) => url.includes(encodeURIComponent(value)) || url.includes(value))).toEqual([]);
  });

  test('[ASVS 14.3.3] creating a service account with a key pair generated in the browser', async ({
    page,
    consoleErrors,
  }) => {
    test.setTimeout(60_000);
    const urls = recordUrls(page);
    await signInThroughForm(page, DEMO.uid, DEMO.password, '/login?redirect=%2Forganization%2Fservice-accounts');
    await page.getByRole('button', { name: 'Create service account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create service account' });
    await dialog.getByLabel('Service account ID').fill('ci-runner');
    await dialog.getByRole('button', { name: 'Create service account' }).click();
    const keyDialog = page.getByRole('dialog', { name: 'Private key of ci-runner' });
    const privateKey = await keyDialog.getByLabel('Private key', { exact: true }).inputValue();
    expect(privateKey).toContain('PRIVATE KEY');
    const body = privateKey.split('\n').slice(1, -2).join('');
    await keyDialog.getByRole('button', { name: 'I have saved it' }).click();
    await expect(page).toHaveURL('/organization/service-accounts/ci-runner');
    await expectNothingExposed(page, ['PRIVATE KEY', body.slice(0, 64)], consoleErrors);
    await expect(page.getByText('PRIVATE KEY')).toHaveCount(0);
    expect(urls.filter((url) => url.includes(body.slice(0, 32)))).toEqual([]);
  });
});
