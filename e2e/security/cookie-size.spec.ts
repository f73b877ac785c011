import type { APIRequestContext } from '@playwright/test';
import { DEMO, expect, fillSignIn, test, type SimDbInfo } from '../fixtures.ts';

// Issue 19, finding 3: DC/OS writes the account's description into the readable info cookie, and a long one takes that
// cookie past 4 KB, which Chromium drops, so the sign-in seemed to fail and the account was locked out of the console.
// The console now reads the account from the IAM when the cookie did not arrive, and writes a copy that fits.

const LONG = 'Zoë 日本語 ✓ 🚀 '.repeat(1_000); // 10,000 characters, most of them multi-byte

async function setDescription(request: APIRequestContext, db: SimDbInfo, uid: string, description: string) {
  const cookie = `dcos-sim-db=${db.id}`;
  const login = await request.post('/acs/api/v1/auth/login', {
    data: { uid: DEMO.uid, password: DEMO.password },
    headers: { cookie },
  });
  const { token } = (await login.json()) as { token: string };
  const patched = await request.patch(`/acs/api/v1/users/${uid}`, {
    data: { description },
    headers: { cookie, authorization: `token=${token}` },
  });
  expect(patched.status(), await patched.text()).toBe(204);
}

test.describe('An account with a 10,000-character description', () => {
  test('[ASVS 3.3.5] signs in, stays signed in across a reload, and every cookie the browser holds is under 4 KB', async ({
    page,
    request,
    simDb,
    context,
  }) => {
    await setDescription(request, simDb, DEMO.uid, LONG);
    await page.goto('/login?redirect=%2Forganization%2Fusers');
    await fillSignIn(page, DEMO.uid, DEMO.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    const account = page.getByRole('button', { name: /^Account: Zoë 日本語/ });
    await expect(account).toBeVisible();
    // The label is cut; the page is not 10,000 characters wide.
    expect(((await account.getAttribute('aria-label')) ?? '').length).toBeLessThan(80);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    for (const cookie of await context.cookies())
      expect(new TextEncoder().encode(`${cookie.name}=${cookie.value}`).length, cookie.name).toBeLessThan(4096);
    expect((await context.cookies()).map((c) => c.name)).toEqual(
      expect.arrayContaining(['dcos-acs-auth-cookie', 'dcos-acs-info-cookie']),
    );
  });

  test('[ASVS 3.3.5] an account that may not read its own record signs in under its uid', async ({
    page,
    request,
    simDb,
  }) => {
    await setDescription(request, simDb, 'alice', LONG);
    await page.goto('/login');
    await fillSignIn(page, 'alice', 'alice-pass');
    await expect(page.getByRole('button', { name: 'Account: alice' })).toBeVisible();
    // Signing out ends it as for anyone: the console's copy of the info cookie goes too.
    await page.getByRole('button', { name: 'Account: alice' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to DC/OS' })).toBeVisible();
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('dcos-acs-info-cookie');
  });
});
