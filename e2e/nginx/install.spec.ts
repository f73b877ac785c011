import { expect, test } from '../fixtures.ts';
import { ROUTE_SAMPLES } from '../route-samples.ts';
import { isMarathon, mount, signIn } from './mount.ts';

// The console as an admin installs it (issue 21), run by three projects (playwright.config.ts): deploy/nginx.conf under
// real nginx behind an Admin-Router-like nginx (scripts/nginx-e2e.ts), mounted at the cluster's root, under /security/
// beside the stock UI, and as a Marathon app at /service/security-console/. Every path here is relative to the mount
// (the project's baseURL); the API stays at the cluster's root.

/** Every signed-in page family the route table has, as the superuser sees it: a deep link to each. */
const DEEP_LINKS = Object.values(ROUTE_SAMPLES)
  .flat()
  .filter((sample) => sample.account === undefined)
  .map((sample) => ({ path: sample.url.slice(1), heading: sample.heading }));

test.describe('The console behind nginx and Admin Router', () => {
  test('every page family loads from a deep link (a reload or a bookmark), at the mount', async ({ page }) => {
    test.slow();
    await signIn(page);
    expect(DEEP_LINKS.map((link) => link.path)).toEqual(
      expect.arrayContaining(['secrets/new', 'secrets/view/group/spark/aws-secret-key', 'settings/directory']),
    );
    for (const { path, heading } of DEEP_LINKS) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: heading }).first(), path).toBeVisible();
      expect(new URL(page.url()).pathname.startsWith(mount()), path).toBe(true);
    }
  });

  test('a secret is revealed, and sign-out ends the session', async ({ page }) => {
    await signIn(page);
    await page.goto('secrets/view/db-password');
    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect(page.getByLabel('Secret value')).toBeVisible();
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    // Under /service/ too: the page's code is loaded, so its sign-in form shows (service-gate.spec.ts: a reload).
    await expect(page.getByRole('heading', { name: 'Sign in to DC/OS' })).toBeVisible();
    await expect(page).toHaveURL(`${mount()}login`);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('dcos-acs-info-cookie');
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
    expect(await version.json()).toMatchObject({
      name: 'dcos-security-console',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown as string,
    });
  });
});
