import { expect, fillSignIn, signIn, test } from './fixtures.ts';

test.describe('Directory (LDAP)', () => {
  test('configure from scratch, with template checks, then test with a good and a bad password', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Fsettings%2Fdirectory');
    await expect(page.getByRole('heading', { level: 1, name: 'Directory (LDAP)' })).toBeVisible();

    // Start from nothing: delete the preset configuration (after confirming).
    await page.getByRole('button', { name: 'Delete configuration' }).click();
    await page
      .getByRole('dialog', { name: 'Delete the LDAP configuration?' })
      .getByRole('button', { name: 'Delete configuration' })
      .click();
    await expect(page.getByRole('heading', { name: 'New configuration' })).toBeVisible();

    const form = page.getByRole('form', { name: 'LDAP configuration' });
    await form.getByLabel('Host').fill('ldap.example.com');
    await expect(form.getByRole('radio', { name: /^StartTLS/ })).toBeChecked();
    await form.getByLabel('Lookup DN').fill('cn=dcos-lookup,ou=services,dc=example,dc=com');
    await form.getByLabel('Lookup password').fill('lookup-pass');
    await form.getByLabel('User search base').fill('ou=people,dc=example,dc=com');
    await form.getByLabel('User search filter template').fill('uid=%(username)s');
    await form.getByLabel('Group search base').fill('ou=groups,dc=example,dc=com');
    await form.getByRole('button', { name: 'Save configuration' }).click();
    await expect(form.getByLabel('User search filter template')).toHaveAccessibleDescription(
      /Write an LDAP filter in parentheses/,
    );
    await form.getByLabel('User search filter template').fill('(uid=%(username)s)');
    await form.getByRole('button', { name: 'Save configuration' }).click();
    await expect(page.getByRole('status').getByText(/Saved the LDAP configuration/)).toBeVisible();
    await expect(form.getByLabel('Lookup password')).toHaveValue('');

    const tester = page.getByRole('form', { name: 'Test connection' });
    await tester.getByLabel('Directory username').fill('carol');
    await tester.getByLabel('Password').fill('not-her-password');
    await tester.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Test failed' })).toContainText(
      'AUTHENTICATION_FAILED: The directory refused the password',
    );
    await tester.getByLabel('Password').fill('carol-pass');
    await tester.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Test passed' })).toContainText(
      'TEST_PASSED: Directory back-end reached and all tests passed.',
    );
  });

  test('import a user from the Users page and a group from the Groups page', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers');
    await page.getByRole('button', { name: 'Import from LDAP' }).click();
    const importUser = page.getByRole('dialog', { name: 'Import a user from LDAP' });
    await importUser.getByLabel('Directory username').fill('nobody-here');
    await importUser.getByRole('button', { name: 'Import' }).click();
    await expect(importUser.getByLabel('Directory username')).toHaveAccessibleDescription(
      /The directory has no user “nobody-here”\./,
    );
    await importUser.getByLabel('Directory username').fill('grace');
    await importUser.getByRole('button', { name: 'Import' }).click();
    await expect(page).toHaveURL('/organization/users/grace');
    await expect(page.getByRole('heading', { level: 1, name: 'grace' })).toBeVisible();
    await expect(page.getByText('Grace Hopper').first()).toBeVisible();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('button', { name: 'Import from LDAP' }).click();
    const importGroup = page.getByRole('dialog', { name: 'Import a group from LDAP' });
    await importGroup.getByLabel('Directory group name').fill('auditors');
    await importGroup.getByRole('button', { name: 'Import' }).click();
    await expect(importGroup.getByRole('status')).toContainText('Imported the group auditors with 1 member');
    await importGroup.getByLabel('Directory group name').fill('engineering');
    await importGroup.getByRole('button', { name: 'Import' }).click();
    await expect(page).toHaveURL('/organization/groups/engineering/users');
    for (const uid of ['carol', 'grace', 'heidi'])
      await expect(page.getByRole('link', { name: uid, exact: true })).toBeVisible();
  });

  test('directory users sign in with the local form, imported on first sign-in; a wrong password is refused', async ({
    page,
  }) => {
    await page.goto('/login');
    await fillSignIn(page, 'carol', 'wrong-password');
    await expect(page.getByRole('alert')).toContainText('Wrong username or password.');
    await fillSignIn(page, 'ivan', 'ivan-pass');
    await expect(page.getByRole('button', { name: 'Account: ivan' })).toBeVisible();
    await expect(page.getByText('External (single sign-on or directory)')).toBeVisible();
  });
});
