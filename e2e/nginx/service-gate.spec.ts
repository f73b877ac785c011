import { expect, test } from '../fixtures.ts';
import { mount, signIn } from './mount.ts';

// Admin Router in front of a Marathon app (/service/<name>/): it checks the session and
// dcos:adminrouter:service:<name> before the console loads, and answers with its own 401 and 403 pages. Run by the
// nginx-marathon project only (playwright.config.ts).
test.describe('The console as a Marathon app', () => {
  test('as a Marathon app, Admin Router refuses a signed-out browser and an account without the service permission', async ({
    page,
  }) => {
    await page.goto('organization/users');
    await expect(page.getByRole('heading', { name: 'The stock DC/OS UI' })).toBeVisible();
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain(`${mount()}organization/users`);
    const login = await page.request.post('/acs/api/v1/auth/login', { data: { uid: 'bob', password: 'bob-pass' } });
    expect(login.status()).toBe(200);
    const refused = await page.goto('');
    expect(refused?.status()).toBe(403);
  });

  test('after sign-out, a reload meets Admin Router, whose 401 page sends the browser to the stock UI’s sign-in', async ({
    page,
  }) => {
    await signIn(page);
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to DC/OS' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'The stock DC/OS UI' })).toBeVisible();
    expect(new URL(page.url()).hash).toMatch(/^#\/login\?redirect=/);
  });
});
