import { expect, signIn, test } from './fixtures.ts';
import { ROUTE_SAMPLES } from './route-samples.ts';

// A path with a malformed escape names no page (issue 19): whatever route family it falls in, the console shows its
// "Page not found" inside the shell, on a reload as well as after a click, and nothing blank or half-loaded.
const SIGNED_IN = Object.values(ROUTE_SAMPLES)
  .flat()
  .filter((sample) => sample.account !== null)
  .map((sample) => new URL(sample.url, 'http://x').pathname);
const MALFORMED = [
  ...new Set(SIGNED_IN.map((path) => `${path.replace(/\/$/, '')}/%`)),
  '/settings/oidc/%',
  '/organization/groups/%E0%A4%A',
  '/%zz',
];

test('every route family answers a malformed escape with the not-found page', async ({ page }) => {
  test.slow();
  await signIn(page);
  for (const path of MALFORMED) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }), path).toBeVisible();
    await expect(page.getByRole('navigation').first(), path).toBeVisible();
  }
});

test('a link inside the console to a malformed path shows the not-found page too, and the next page works', async ({
  page,
}) => {
  await signIn(page);
  await page.evaluate(() => {
    window.history.pushState(null, '', '/secrets/view/%');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the overview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
});

test('a missing built script or stylesheet is a 404, never the console’s HTML', async ({ request }) => {
  for (const path of ['/assets/missing-0000.js', '/assets/missing-0000.css', '/assets/nested/missing.js']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()['content-type'], path).not.toContain('text/html');
  }
});
