import type { Page } from '@playwright/test';
import { DEMO, expect, fillSignIn, test } from '../fixtures.ts';
import { ROUTE_SAMPLES } from '../route-samples.ts';

// The console as an admin installs it (issue 21), run by three projects (playwright.config.ts): deploy/nginx.conf under
// real nginx behind an Admin-Router-like nginx (scripts/nginx-e2e.ts), mounted at the cluster's root, under /security/
// beside the stock UI, and as a Marathon app at /service/security-console/. Every path here is relative to the mount
// (the project's baseURL); the API stays at the cluster's root.

const isMarathon = () => test.info().project.name === 'nginx-marathon';

/** The mount's path, from the project's baseURL ("/", "/security/", "/service/security-console/"). */
const mount = () => new URL(test.info().project.use.baseURL ?? '/').pathname;

/**
 * Signs in as the demo superuser. Admin Router lets no signed-out browser reach /service/<name>/, so there the session
 * starts as it does on a cluster, outside the console (the stock UI's sign-in; here, the IAM's login API).
 */
async function signIn(page: Page) {
  if (isMarathon()) {
    const login = await page.request.post('/acs/api/v1/auth/login', { data: { uid: DEMO.uid, password: DEMO.password } });
    expect(login.status()).toBe(200);
    await page.goto('');
  } else {
    await page.goto('login');
    await fillSignIn(page, DEMO.uid, DEMO.password);
  }
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
}

/** Every signed-in page family the route table has, as the superuser sees it: a deep link to each. */
const DEEP_LINKS = Object.values(ROUTE_SAMPLES)
  .flat()
  .filter((sample) => sample.account === undefined)
  .map((sample) => ({ path: sample.url.slice(1), heading: sample.heading }));

test.describe('The console behind nginx and Admin Router', () => {
  test('every page family loads from a deep link (a reload or a bookmark), at the mount', async ({ page }) => {
    test.slow();
    await signIn(page);
    expect(DEEP_LINKS.map((link) => link.path)).toEqual(expect.arrayContaining(['secrets/new', 'secrets/view/group/spark/aws-secret-key', 'settings/directory']));
    for (const { path, heading } of DEEP_LINKS) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: heading }).first(), path).toBeVisible();
      expect(new URL(page.url()).pathname.startsWith(mount()), path).toBe(true);
    }
  });

  test('links, the sign-in redirect and the brand link stay under the mount', async ({ page }) => {
    test.skip(isMarathon(), 'Admin Router answers a signed-out browser at /service/ with its 401 page: covered below.');
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
    test.skip(isMarathon(), 'The sign-in page is not reachable signed out at /service/ (Admin Router); the session starts in the stock UI.');
    await page.goto('login?redirect=%2Fsecrets');
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    await page.getByRole('radio', { name: /dave\.kim@example\.com/ }).check();
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Secrets' })).toBeVisible();
    await expect(page).toHaveURL(`${mount()}secrets`);
  });

  test('the DC/OS UI’s /#/login?redirect=… lands on the console’s sign-in and then on that page', async ({ page, baseURL }) => {
    test.skip(isMarathon(), 'At /service/ Admin Router sends a signed-out browser to the stock UI’s own sign-in.');
    await page.goto(`#/login?redirect=${encodeURIComponent(`${baseURL ?? ''}secrets/new`)}`);
    await expect(page).toHaveURL(`${mount()}login?redirect=%2Fsecrets%2Fnew`);
    await fillSignIn(page, DEMO.uid, DEMO.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Create secret' })).toBeVisible();
  });

  test('a secret is revealed, and sign-out ends the session', async ({ page }) => {
    await signIn(page);
    await page.goto('secrets/view/db-password');
    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect(page.getByLabel('Secret value')).toBeVisible();
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to DC/OS' })).toBeVisible();
    await expect(page).toHaveURL(`${mount()}login`);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('dcos-acs-info-cookie');
    if (isMarathon()) {
      // The page's code is loaded, so its sign-in form shows; a reload asks Admin Router again, whose 401 page sends
      // the signed-out browser to the stock UI's sign-in.
      await page.reload();
      await expect(page.getByRole('heading', { name: 'The stock DC/OS UI' })).toBeVisible();
      expect(new URL(page.url()).hash).toMatch(/^#\/login\?redirect=/);
    }
  });

  test('built files: a missing one is a 404; brotli where Admin Router passes Accept-Encoding on', async ({ page }) => {
    await signIn(page);
    const missing = await page.request.get('assets/missing-0000.js');
    expect(missing.status()).toBe(404);
    const entry = /src="([^"]*assets\/[^"]+\.js)"/.exec(await (await page.request.get('')).text())?.[1] ?? '';
    expect(entry.startsWith(`${mount()}assets/`)).toBe(true);
    const script = await page.request.get(entry, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(script.status()).toBe(200);
    expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    // Admin Router drops Accept-Encoding on /service/: the precompressed files go unused there.
    expect(script.headers()['content-encoding']).toBe(isMarathon() ? undefined : 'br');
    const version = await page.request.get('version.json');
    expect(await version.json()).toMatchObject({ name: 'dcos-security-console', version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown as string });
  });

  test('as a Marathon app, Admin Router refuses a signed-out browser and an account without the service permission', async ({ page }) => {
    test.skip(!isMarathon(), 'Only /service/ has Admin Router check the session before the console loads.');
    await page.goto('organization/users');
    await expect(page.getByRole('heading', { name: 'The stock DC/OS UI' })).toBeVisible();
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain(`${mount()}organization/users`);
    const login = await page.request.post('/acs/api/v1/auth/login', { data: { uid: 'bob', password: 'bob-pass' } });
    expect(login.status()).toBe(200);
    const refused = await page.goto('');
    expect(refused?.status()).toBe(403);
  });
});
