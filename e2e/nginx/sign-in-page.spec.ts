import { DEMO, expect, fillSignIn, test } from '../fixtures.ts';
import { mount } from './mount.ts';

// The console's own sign-in page at a mount a signed-out browser can reach (the root and /security/; at /service/
// Admin Router sends it to the stock UI's sign-in first: service-gate.spec.ts). Run by the nginx-root and
// nginx-security projects (playwright.config.ts).
test.describe('Signing in at the mount', () => {
  test('links, the sign-in redirect and the brand link stay under the mount', async ({ page }) => {
    await page.goto('organization/groups');
    await expect(page).toHaveURL(`${mount()}login?redirect=%2Forganization%2Fgroups`);
    await fillSignIn(page, DEMO.uid, DEMO.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
    await expect(page).toHaveURL(`${mount()}organization/groups`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await expect(page).toHaveURL(`${mount()}organization/users`);
    await page.getByRole('link', { name: 'DC/OS Security' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expect(page).toHaveURL(mount());
  });

  test('single sign-on comes back to the page it started from, under the mount', async ({ page }) => {
    await page.goto('login?redirect=%2Fsecrets');
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    await page.getByRole('radio', { name: /dave\.kim@example\.com/ }).check();
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Secrets' })).toBeVisible();
    await expect(page).toHaveURL(`${mount()}secrets`);
  });

  test('the DC/OS UI’s /#/login?redirect=… lands on the console’s sign-in and then on that page', async ({
    page,
    baseURL,
  }) => {
    await page.goto(`#/login?redirect=${encodeURIComponent(`${baseURL ?? ''}secrets/new`)}`);
    await expect(page).toHaveURL(`${mount()}login?redirect=%2Fsecrets%2Fnew`);
    await fillSignIn(page, DEMO.uid, DEMO.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Create secret' })).toBeVisible();
  });

  test('a single sign-on denied at the identity provider comes back to this mount’s sign-in page with the reason', async ({
    page,
  }) => {
    await page.goto('login');
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    await page.getByRole('button', { name: 'Deny' }).click();
    await expect(page.getByRole('alert')).toContainText('The identity provider did not approve the sign-in.');
    expect(new URL(page.url()).pathname).toBe(`${mount()}login`);
  });
});
