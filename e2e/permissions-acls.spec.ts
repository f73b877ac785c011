import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';

const goTo = (page: Page, path: string) =>
  signIn(page, 'bootstrapuser', 'deleteme', `/login?redirect=${encodeURIComponent(path)}`);
const holdersOf = (page: Page, rid: string) => page.getByRole('table', { name: `Holders of ${rid}` });

test.describe('The page of one ACL', () => {
  test('revoking from a dcos_ component account asks for its uid to be typed', async ({ page }) => {
    const rid = 'dcos:mesos:master:framework:role:slave_public';
    await goTo(page, `/permissions/acls/${rid}`);
    await holdersOf(page, rid).getByRole('button', { name: 'Revoke all from dcos_marathon' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke every action?' });
    await expect(dialog).toContainText('dcos_marathon is a DC/OS component account');
    await expect(dialog.getByRole('button', { name: 'Revoke' })).toBeDisabled();
    await dialog.getByLabel('Type dcos_marathon to confirm').fill('dcos_marath');
    await expect(dialog.getByRole('button', { name: 'Revoke' })).toBeDisabled();
    await dialog.getByLabel('Type dcos_marathon to confirm').fill('dcos_marathon');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByText('Nobody holds an action on this resource.')).toBeVisible();
    // With no component account left among the holders, deleting the ACL needs no typing.
    await page.getByRole('button', { name: 'Delete ACL' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete this ACL?' });
    await expect(remove.getByRole('textbox')).toHaveCount(0);
    await remove.getByRole('button', { name: 'Delete ACL' }).click();
    await expect(page).toHaveURL('/permissions');
  });

  test('deleting an ACL a dcos_ account holds asks for the rid to be typed; a regular holder revokes without typing', async ({
    page,
  }) => {
    const rid = 'dcos:mesos:master:task:app_id';
    await goTo(page, `/permissions/acls/${rid}`);
    await page.getByRole('button', { name: 'Delete ACL' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this ACL?' });
    await expect(dialog).toContainText('dcos_marathon, dcos_metronome are DC/OS component accounts');
    await expect(dialog.getByRole('button', { name: 'Delete ACL' })).toBeDisabled();
    await dialog.getByLabel(`Type ${rid} to confirm`).fill(rid);
    await dialog.getByRole('button', { name: 'Delete ACL' }).click();
    await expect(page).toHaveURL('/permissions');
    await page.getByLabel('Search resources').fill('app_id');
    await expect(page.getByText('No resource matches this search.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page.getByLabel('Search resources')).toHaveValue('');
    await expect(page.getByRole('grid', { name: 'Resources' }).getByRole('row').nth(1)).toBeVisible();

    const jenkinsRid = 'dcos:secrets:default:/jenkins/*';
    await page.goto(`/permissions/acls/${jenkinsRid}`);
    await holdersOf(page, jenkinsRid).getByRole('button', { name: 'Revoke all from jenkins' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke every action?' });
    await expect(revoke.getByRole('textbox')).toHaveCount(0);
    await revoke.getByRole('button', { name: 'Cancel' }).click();
    await expect(revoke).toBeHidden();
  });

  test('a service account holder links to its service-account page, a user to its user page', async ({ page }) => {
    const rid = 'dcos:secrets:default:/jenkins/*';
    await goTo(page, `/permissions/acls/${rid}`);
    // jenkins has no dcos_ prefix: only the service-account list can tell it is not a user.
    await expect(holdersOf(page, rid).getByRole('link', { name: 'jenkins' })).toHaveAttribute(
      'href',
      '/organization/service-accounts/jenkins/permissions',
    );
    await holdersOf(page, rid).getByRole('link', { name: 'jenkins' }).click();
    await expect(page).toHaveURL('/organization/service-accounts/jenkins/permissions');
    await expect(page.getByRole('table', { name: 'Permissions of jenkins' })).toBeVisible();

    await page.goto('/permissions/acls/dcos:adminrouter:ops:metadata');
    await page
      .getByRole('table', { name: 'Holders of dcos:adminrouter:ops:metadata' })
      .getByRole('link', { name: 'group operators' })
      .click();
    await expect(page).toHaveURL('/organization/groups/operators/permissions');
  });

  test('the checker’s “Grant with more options” for a service account opens its service-account page', async ({
    page,
  }) => {
    await goTo(page, '/permissions/check?uid=jenkins&rid=dcos%3Aadminrouter%3Aops%3Ametadata&action=full');
    const no = page.getByRole('region', { name: /^No: jenkins does not have full control of/ });
    await no.getByRole('link', { name: 'Grant with more options' }).click();
    await expect(page).toHaveURL(
      '/organization/service-accounts/jenkins/permissions?grant=dcos%3Aadminrouter%3Aops%3Ametadata&action=full',
    );
    await expect(page.getByRole('dialog', { name: 'Grant a permission to jenkins' })).toBeVisible();
  });

  test('the IAM’s refusals to remove the superuser ACL or the superusers group show in the confirm dialog', async ({
    page,
  }) => {
    await goTo(page, '/permissions/acls/dcos:superuser');
    await page.getByRole('button', { name: 'Delete ACL' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete this ACL?' });
    await remove.getByRole('button', { name: 'Delete ACL' }).click();
    await expect(remove.getByRole('alert')).toHaveText('The `dcos:superuser` ACL cannot be deleted.');
    await remove.getByRole('button', { name: 'Cancel' }).click();

    await holdersOf(page, 'dcos:superuser').getByRole('button', { name: 'Revoke all from group superusers' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke every action?' });
    await revoke.getByRole('button', { name: 'Revoke' }).click();
    await expect(revoke.getByRole('alert')).toHaveText(
      'The `superusers` group must have `full` permission on the `dcos:superuser` resource.',
    );
    await revoke.getByRole('button', { name: 'Cancel' }).click();
    await expect(holdersOf(page, 'dcos:superuser').getByRole('row', { name: /group superusers/ })).toContainText(
      'full',
    );
  });

  test('a resource without an ACL says so and leads back to the list', async ({ page }) => {
    await goTo(page, '/permissions/acls/dcos:adminrouter:ops:nothing-here');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No ACL for “dcos:adminrouter:ops:nothing-here”');
    await page.getByRole('link', { name: 'Back to permissions' }).click();
    await expect(page).toHaveURL('/permissions');
    await expect(page.getByRole('grid', { name: 'Resources' })).toBeVisible();
  });
});
