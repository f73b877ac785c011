import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signInThroughForm, test } from './fixtures.ts';
import { adminApi, answerAtIdp, setTokenTtl, waitForSessionEnd } from './identity-helpers.ts';

// Sessions of a few seconds (long enough to open a page and type), which the test lets expire mid-edit; the renewed
// session gets a long lifetime (PATCH /__sim/dbs/{id}) so what follows does not race the next expiry.
test.use({ simOptions: { tokenTtlSeconds: 6 } });

const ALICE = '/organization/users/alice';

/** A session this short is in its last minute from the start, so the warning shows at once: put it aside (Escape). */
async function putWarningAside(page: Page) {
  const warning = page.getByRole('alertdialog', { name: /^Your session (is about to end|has ended)$/ });
  await expect(warning).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(warning).toBeHidden();
}

test.describe('When the session ends mid-edit', () => {
  test('signing in again with the password saves the half-typed change, and the page keeps its state', async ({
    page,
    request,
    simDb,
  }) => {
    await signInThroughForm(page, 'bootstrapuser', 'deleteme', `/login?redirect=${encodeURIComponent(ALICE)}`);
    await putWarningAside(page);
    await page.getByLabel('Description').fill('Alice, on the night shift');
    await waitForSessionEnd(page, 'bootstrapuser');
    await setTokenTtl(request, simDb, 3600);

    await page.getByRole('button', { name: 'Save description' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in again' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Username')).toHaveValue('bootstrapuser');
    await expect(dialog.getByLabel('Username')).not.toBeEditable();
    await expect(dialog.getByLabel('Password')).toBeFocused();
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await dialog.getByLabel('Password').fill('wrong');
    await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Wrong username or password.');
    await dialog.getByLabel('Password').fill('deleteme');
    await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').getByText('Saved the description of alice.')).toBeVisible();
    await expect(page).toHaveURL(ALICE);
    await expect(page.getByLabel('Description')).toHaveValue('Alice, on the night shift');
    await page.reload();
    await expect(page.getByLabel('Description')).toHaveValue('Alice, on the night shift');
  });

  test('renewing with single sign-on in a popup keeps the half-filled form and then saves it', async ({
    page,
    request,
    simDb,
  }) => {
    // dave signs in with Google; make him a superuser so he may edit alice.
    await (await adminApi(request, simDb)).put('/acs/api/v1/groups/superusers/users/dave.kim@example.com');
    await page.goto(ALICE);
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    await answerAtIdp(page, { account: 'dave.kim@example.com' });
    await expect(page).toHaveURL(ALICE);
    await page.getByLabel('Description').fill('Alice, renewed by popup');
    await waitForSessionEnd(page, 'dave.kim@example.com');
    await setTokenTtl(request, simDb, 3600);

    await page.getByRole('button', { name: 'Save description' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in again' });
    await expect(dialog.getByLabel('Username')).toHaveValue('dave.kim@example.com');
    const popupOpens = page.waitForEvent('popup');
    await dialog.getByRole('button', { name: 'Sign in with Google' }).click();
    const popup = await popupOpens;
    await expect(dialog.getByRole('status')).toHaveText('Waiting for the Google sign-in window…');
    await answerAtIdp(popup, { account: 'dave.kim@example.com' });
    // The popup ends on the console's /sso-done page, tells this page (same origin only) and closes itself.
    await popup.waitForEvent('close');

    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').getByText('Saved the description of alice.')).toBeVisible();
    await expect(page.getByLabel('Description')).toHaveValue('Alice, renewed by popup');
  });

  test('signing in as another account clears what this one saw and goes home', async ({ page, request, simDb }) => {
    await signInThroughForm(page, 'bootstrapuser', 'deleteme', `/login?redirect=${encodeURIComponent(ALICE)}`);
    await putWarningAside(page);
    await expect(page.getByRole('heading', { level: 1, name: 'alice' })).toBeVisible();
    await waitForSessionEnd(page, 'bootstrapuser');
    await setTokenTtl(request, simDb, 3600);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in again' });
    await dialog.getByRole('button', { name: 'Use another account' }).click();
    await dialog.getByLabel('Username').fill('alice');
    await dialog.getByLabel('Password').fill('alice-pass');
    await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();

    await expect(page).toHaveURL('/');
    await expect(page.getByRole('button', { name: 'Account: Alice Operator' })).toBeVisible();
    // alice may not use the IAM: nothing bootstrapuser could reach is offered.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' })).toHaveCount(0);
    await page.goto(ALICE);
    await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  });

  test('Cancel signs out', async ({ page }) => {
    await signInThroughForm(page, 'bootstrapuser', 'deleteme', `/login?redirect=${encodeURIComponent(ALICE)}`);
    await putWarningAside(page);
    await page.getByLabel('Description').fill('never saved');
    await waitForSessionEnd(page, 'bootstrapuser');
    await page.getByRole('button', { name: 'Save description' }).click();
    await page
      .getByRole('dialog', { name: 'Sign in again' })
      .getByRole('button', { name: 'Cancel and sign out' })
      .click();
    await expect(page).toHaveURL('/login');
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('dcos-acs-info-cookie');
  });
});
