import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO, controlHeaders, expect, type SimDbInfo } from './fixtures.ts';

/**
 * On the simulated identity provider's page (/__sim/idp/…): pick a listed account or type another, then Approve or
 * Deny. For SAML the IdP's second page posts the response back when Continue is pressed (no script on those pages).
 */
export async function answerAtIdp(page: Page, choice: { account?: string; login?: string; deny?: boolean }) {
  await expect(page.getByRole('heading', { name: /^Sign in with / })).toBeVisible();
  if (choice.account)
    await page.getByRole('radio', { name: new RegExp(choice.account.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check();
  if (choice.login) await page.getByLabel('Or type another account (email address or username)').fill(choice.login);
  await page.getByRole('button', { name: choice.deny ? 'Deny' : 'Approve' }).click();
  const saml = page.getByRole('button', { name: 'Continue to DC/OS' });
  // OIDC redirects straight back; SAML shows the HTTP-POST binding's page first.
  if (page.url().includes('/__sim/idp/saml/')) await saml.click();
}

/** The IAM as bootstrapuser, from outside the browser: for test set-up (grants, lifetimes) in the test's database. */
export async function adminApi(request: APIRequestContext, db: SimDbInfo) {
  const cookie = `dcos-sim-db=${db.id}`;
  const login = await request.post('/acs/api/v1/auth/login', {
    data: { uid: DEMO.uid, password: DEMO.password },
    headers: { cookie },
  });
  expect(login.status()).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const headers = { cookie, authorization: `token=${token}` };
  return {
    put: async (path: string) => {
      const response = await request.put(path, { headers });
      expect(response.status(), `PUT ${path}: ${await response.text()}`).toBeLessThan(300);
    },
  };
}

/** The lifetime of sessions the test's database issues from now on (PATCH /__sim/dbs/{id}). */
export async function setTokenTtl(request: APIRequestContext, db: SimDbInfo, seconds: number) {
  const response = await request.patch(`/__sim/dbs/${db.id}`, {
    data: { tokenTtlSeconds: seconds },
    headers: controlHeaders(db.id),
  });
  expect(response.status()).toBe(200);
}

/** Waits until the browser's session has really ended: its cookies expired, so the IAM answers 401. */
export async function waitForSessionEnd(page: Page, uid: string) {
  await expect
    .poll(async () => (await page.request.get(`/acs/api/v1/users/${encodeURIComponent(uid)}/permissions`)).status(), {
      timeout: 15_000,
      intervals: [500],
    })
    .toBe(401);
}
