import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO, expect, signInThroughForm, test } from './fixtures.ts';
import { setTokenTtl } from './identity-helpers.ts';

/**
 * What the browser does when the session's Max-Age runs out: both cookies are gone (the test's database cookie
 * stays). Deterministic, unlike waiting for a short lifetime while the form is being filled.
 */
async function endSession(page: Page) {
  await page.context().clearCookies({ name: 'dcos-acs-auth-cookie' });
  await page.context().clearCookies({ name: 'dcos-acs-info-cookie' });
}

async function signInAgain(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await expect(dialog.getByLabel('Username')).toHaveValue(DEMO.uid);
  await dialog.getByLabel('Password').fill(DEMO.password);
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(dialog).toBeHidden();
}

interface FormCase {
  form: string;
  path: string;
  /** Half-fills the form and leaves it ready to submit. */
  edit: (page: Page) => Promise<void>;
  submit: (page: Page) => Promise<void>;
  saved: string | RegExp;
  /** After a reload: the change reached the server. */
  kept: (page: Page) => Promise<void>;
}

const description = (path: string, text: string, saved: string): FormCase => ({
  form: `the description on ${path}`,
  path,
  edit: (page) => page.getByLabel('Description').fill(text),
  submit: (page) => page.getByRole('button', { name: 'Save description' }).click(),
  saved,
  kept: (page) => expect(page.getByLabel('Description')).toHaveValue(text),
});

const FORMS: FormCase[] = [
  description('/organization/users/bob', 'Bob, on call', 'Saved the description of bob.'),
  description('/organization/groups/developers', 'Everyone who ships code', 'Saved the description of developers.'),
  description('/organization/service-accounts/jenkins', 'Jenkins, the CI server', 'Saved the description of jenkins.'),
  {
    form: 'the grant-permission dialog',
    path: '/organization/users/bob/permissions',
    edit: async (page) => {
      await page.getByRole('button', { name: 'Grant permission' }).click();
      const dialog = page.getByRole('dialog', { name: 'Grant a permission to bob' });
      await dialog.getByLabel('Search resources').fill('IAM API');
      await dialog.getByRole('option', { name: /^dcos:adminrouter:acs/ }).click();
      await dialog.getByRole('checkbox', { name: 'full' }).check();
    },
    submit: (page) =>
      page.getByRole('dialog', { name: 'Grant a permission to bob' }).getByRole('button', { name: 'Grant' }).click(),
    saved: 'Granted full on dcos:adminrouter:acs to bob.',
    kept: (page) =>
      expect(
        page.getByRole('table', { name: 'Permissions of bob' }).getByRole('row', { name: /dcos:adminrouter:acs/ }),
      ).toBeVisible(),
  },
  {
    form: 'a secret’s new value',
    path: '/secrets/view/db-password',
    edit: (page) => page.getByRole('textbox', { name: 'Value', exact: true }).fill('rotated-after-renewal'),
    submit: (page) => page.getByRole('button', { name: 'Save new value' }).click(),
    saved: 'Saved a new value for db-password.',
    kept: async (page) => {
      await page.getByRole('button', { name: 'Reveal' }).click();
      await expect(page.getByLabel('Secret value')).toHaveText('rotated-after-renewal');
    },
  },
  {
    form: 'an OIDC provider',
    path: '/settings/oidc/google-idp',
    edit: (page) => page.getByLabel('Description').fill('Google Workspace'),
    submit: (page) => page.getByRole('button', { name: 'Save changes' }).click(),
    saved: 'Saved the OIDC provider google-idp.',
    kept: (page) => expect(page.getByLabel('Description')).toHaveValue('Google Workspace'),
  },
  {
    form: 'the LDAP configuration',
    path: '/settings/directory',
    edit: (page) => page.getByRole('form', { name: 'LDAP configuration' }).getByLabel('Host').fill('ldap2.example.com'),
    submit: (page) =>
      page
        .getByRole('form', { name: 'LDAP configuration' })
        .getByRole('button', { name: 'Save configuration' })
        .click(),
    saved: /Saved the LDAP configuration/,
    kept: (page) =>
      expect(page.getByRole('form', { name: 'LDAP configuration' }).getByLabel('Host')).toHaveValue(
        'ldap2.example.com',
      ),
  },
];

test.describe('A session that ends mid-edit is renewed in place, and the change is saved', () => {
  for (const form of FORMS) {
    test(form.form, async ({ page }) => {
      await signInThroughForm(page, DEMO.uid, DEMO.password, `/login?redirect=${encodeURIComponent(form.path)}`);
      await form.edit(page);
      await endSession(page);
      await form.submit(page);
      await signInAgain(page);
      await expect(page.getByRole('status').getByText(form.saved)).toBeVisible();
      await expect(page).toHaveURL(form.path);
      await page.reload();
      await form.kept(page);
    });
  }
});

test.describe('The warning a minute before the session ends', () => {
  // Sessions of 65 s: the warning is due 5 s after signing in.
  test.use({ simOptions: { tokenTtlSeconds: 65 } });

  test('counts down, and "Stay signed in" renews the session without touching the draft', async ({
    page,
    request,
    simDb,
  }) => {
    await signInThroughForm(
      page,
      DEMO.uid,
      DEMO.password,
      `/login?redirect=${encodeURIComponent('/organization/users/alice')}`,
    );
    await page.getByLabel('Description').fill('Alice, half-typed');
    const warning = page.getByRole('alertdialog', { name: 'Your session is about to end' });
    await expect(warning).toBeVisible({ timeout: 20_000 });
    await expect(warning).toContainText(/Your session ends in 0:[0-5]\d\./);
    await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await setTokenTtl(request, simDb, 3600);
    await page.keyboard.press('Enter');
    await signInAgain(page);
    await expect(warning).toBeHidden();
    await expect(page.getByLabel('Description')).toHaveValue('Alice, half-typed');
    await page.getByRole('button', { name: 'Save description' }).click();
    await expect(page.getByRole('status').getByText('Saved the description of alice.')).toBeVisible();
  });

  test('"Sign out" ends the session there and then', async ({ page }) => {
    await signInThroughForm(page);
    const warning = page.getByRole('alertdialog', { name: 'Your session is about to end' });
    await warning.getByRole('button', { name: 'Sign out' }).click({ timeout: 20_000 });
    await expect(page).toHaveURL('/login');
    const names = (await page.context().cookies()).map((cookie) => cookie.name);
    expect(names).not.toContain('dcos-acs-auth-cookie');
    expect(names).not.toContain('dcos-acs-info-cookie');
    expect(await page.evaluate(() => Object.keys(localStorage))).not.toContain('dcos-console-session-expires-at');
  });
});
