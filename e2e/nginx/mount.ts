import { test, type Page } from '@playwright/test';
import { DEMO, expect, fillSignIn } from '../fixtures.ts';

// What the specs in e2e/nginx/ share: which mount the project runs at (playwright.config.ts, scripts/nginx-e2e.ts).

export const isMarathon = () => test.info().project.name === 'nginx-marathon';

/** The mount's path, from the project's baseURL ("/", "/security/", "/service/security-console/"). */
export const mount = () => new URL(test.info().project.use.baseURL ?? '/').pathname;

/**
 * Signs in as the demo superuser. Admin Router lets no signed-out browser reach /service/<name>/, so there the session
 * starts as it does on a cluster, outside the console (the stock UI's sign-in; here, the IAM's login API).
 */
export async function signIn(page: Page) {
  if (isMarathon()) {
    const login = await page.request.post('/acs/api/v1/auth/login', {
      data: { uid: DEMO.uid, password: DEMO.password },
    });
    expect(login.status()).toBe(200);
    await page.goto('');
  } else {
    await page.goto('login');
    await fillSignIn(page, DEMO.uid, DEMO.password);
  }
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
}
