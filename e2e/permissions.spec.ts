import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';

const goTo = (page: Page, path: string) =>
  signIn(page, 'bootstrapuser', 'deleteme', `/login?redirect=${encodeURIComponent(path)}`);
const permissionsTable = (page: Page, name: string) => page.getByRole('table', { name: `Permissions of ${name}` });

test.describe('Permissions', () => {
  test('grant a user a permission from the catalog, then revoke it', async ({ page }) => {
    await goTo(page, '/organization/users/bob/permissions');
    await expect(page.getByText('No permissions yet. Grant one to start.')).toBeVisible();
    await page.getByRole('button', { name: 'Grant permission' }).click();
    const dialog = page.getByRole('dialog', { name: 'Grant a permission to bob' });
    const grant = dialog.getByRole('button', { name: 'Grant' });
    await expect(grant).toBeDisabled();
    await expect(grant).toHaveAccessibleDescription('Choose a resource.');
    await dialog.getByLabel('Search resources').fill('IAM API');
    await dialog.getByRole('option', { name: /^dcos:adminrouter:acs/ }).click();
    await expect(dialog.getByRole('option', { name: /^dcos:adminrouter:acs/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(dialog.locator('output')).toHaveText('dcos:adminrouter:acs');
    // Admin Router rids support only `full`.
    await expect(dialog.getByRole('checkbox')).toHaveCount(1);
    await expect(grant).toHaveAccessibleDescription('Choose at least one action.');
    await dialog.getByRole('checkbox', { name: 'full' }).check();
    await expect(grant).toBeEnabled();
    await dialog.getByRole('button', { name: 'Grant' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').getByText('Granted full on dcos:adminrouter:acs to bob.')).toBeVisible();
    const row = permissionsTable(page, 'bob').getByRole('row', { name: /dcos:adminrouter:acs/ });
    await expect(row).toContainText('Directly');

    await row.getByRole('button', { name: 'Revoke full on dcos:adminrouter:acs' }).click();
    await page.getByRole('dialog', { name: 'Revoke “full”?' }).getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByText('No permissions yet. Grant one to start.')).toBeVisible();
  });

  test('a group gets a Marathon service group rid with “/”, which survives the round trip to its resource page', async ({
    page,
  }) => {
    const rid = 'dcos:service:marathon:marathon:services:/dev/payments';
    await goTo(page, '/organization/groups/data-science/permissions');
    await page.getByRole('button', { name: 'Grant permission' }).click();
    const dialog = page.getByRole('dialog', { name: 'Grant a permission to group data-science' });
    await dialog.getByLabel('Search resources').fill('marathon services');
    await dialog.getByRole('option', { name: /services:\/\[<service-group>\]/ }).click();
    await dialog.getByLabel('Service group (optional: empty means all)').fill('/dev/payments/');
    await expect(dialog.locator('output')).toHaveText(rid);
    await dialog.getByRole('checkbox', { name: 'read' }).check();
    await dialog.getByRole('checkbox', { name: 'update' }).check();
    await dialog.getByRole('button', { name: 'Grant' }).click();
    await expect(dialog).toBeHidden();
    const row = permissionsTable(page, 'group data-science').getByRole('row', { name: new RegExp(rid) });
    await expect(row.getByRole('list', { name: `Actions on ${rid}` }).getByRole('listitem')).toHaveText([
      'read×',
      'update×',
    ]);

    await row.getByRole('link', { name: rid }).click();
    await expect(page).toHaveURL(`/permissions/acls/${rid}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(rid);
    await page.reload();
    const holders = page.getByRole('table', { name: `Holders of ${rid}` });
    await expect(holders.getByRole('row', { name: /group data-science/ })).toContainText('read');
    await holders.getByRole('button', { name: 'Revoke all from group data-science' }).click();
    await page.getByRole('dialog', { name: 'Revoke every action?' }).getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByText('Nobody holds an action on this resource.')).toBeVisible();
    await page.getByRole('button', { name: 'Delete ACL' }).click();
    await page.getByRole('dialog', { name: 'Delete this ACL?' }).getByRole('button', { name: 'Delete ACL' }).click();
    await expect(page).toHaveURL('/permissions');
    await page.getByLabel('Search resources').fill('payments');
    await expect(page.getByText('No resource matches this search.')).toBeVisible();
  });

  test('an inherited permission is marked, read-only, and links to the group that grants it', async ({ page }) => {
    await goTo(page, '/organization/users/carol/permissions');
    const row = permissionsTable(page, 'carol').getByRole('row', { name: /services:\/dev/ });
    await expect(row).toContainText('Change it in the group');
    await expect(row.getByRole('button')).toHaveCount(0);
    await row.getByRole('link', { name: 'Inherited from group developers' }).click();
    await expect(page).toHaveURL('/organization/groups/developers/permissions');
    await expect(
      permissionsTable(page, 'group developers').getByRole('button', {
        name: /^Revoke full on dcos:service:marathon:marathon:services:\/dev$/,
      }),
    ).toBeVisible();
  });

  test('bulk lines: an invalid line is reported by number, the valid ones are applied with a result per line', async ({
    page,
  }) => {
    await goTo(page, '/organization/users/bob/permissions');
    await page.getByRole('button', { name: 'Add from text' }).click();
    await page
      .getByLabel('Permission lines')
      .fill(
        'dcos:adminrouter:ops:metadata full\ndcos:adminrouter:service:marathon read\n# a comment\ndcos:secrets:list:default:/group read',
      );
    await page.getByRole('button', { name: 'Check and apply' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'cannot be applied' });
    await expect(problems).toContainText('1 of 3 lines cannot be applied');
    await expect(problems).toContainText(
      'Line 2 (dcos:adminrouter:service:marathon read): dcos:adminrouter:service:marathon supports full, not “read”.',
    );
    await page.getByRole('button', { name: 'Apply only the 2 valid lines' }).click();
    const progress = page.getByRole('region', { name: 'Bulk action progress' });
    await expect(progress.getByRole('status')).toHaveText('Finished: 2 succeeded, 0 failed.');
    await expect(progress.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveText([
      'Line 1: dcos:adminrouter:ops:metadata full Done',
      'Line 4: dcos:secrets:list:default:/group read Done',
    ]);
    await progress.getByRole('button', { name: 'Close' }).click();
    await expect(permissionsTable(page, 'bob').getByRole('row')).toHaveCount(3);
  });

  test('the checker answers yes through a group, and a no becomes yes with “Grant this”', async ({ page }) => {
    await goTo(page, '/permissions/check');
    await page.getByLabel('Account (user or service account ID)').fill('carol');
    await page.getByLabel('Search resources').fill('marathon services');
    await page.getByRole('option', { name: /services:\/\[<service-group>\]/ }).click();
    await page.getByLabel('Service group (optional: empty means all)').fill('dev/app');
    await page.getByLabel('Action').selectOption('update');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page).toHaveURL(/\/permissions\/check\?uid=carol&rid=.*&action=update$/);
    const answer = page.getByRole('region', { name: /^Yes: carol may update/ });
    await expect(answer).toContainText(
      'Holds “full” on dcos:service:marathon:marathon:services:/dev through group developers.',
    );
    await expect(answer.getByRole('link', { name: 'Open group developers' })).toBeVisible();

    await page.getByLabel('Account (user or service account ID)').fill('bob');
    await page.getByRole('option', { name: 'Type a resource ID' }).click();
    await page.getByLabel('Resource ID', { exact: true }).fill('dcos:adminrouter:ops:metadata');
    await page.getByLabel('Action').selectOption('full');
    await page.getByRole('button', { name: 'Check' }).click();
    // `full` is not a verb: the answer says "full control", wherever it puts the action in a sentence.
    const no = page.getByRole('region', {
      name: 'No: bob does not have full control of dcos:adminrouter:ops:metadata',
    });
    await expect(no).toContainText('No grant covers it: no “full” on this resource or a broader one');
    await expect(no).toContainText("The IAM's own check (this exact resource): not allowed.");
    await no.getByRole('button', { name: 'Grant this' }).click();
    const confirm = page.getByRole('dialog', { name: 'Give bob full control of this resource?' });
    await expect(confirm).toContainText('bob gets “full” (every action) on dcos:adminrouter:ops:metadata directly');
    await confirm.getByRole('button', { name: 'Grant' }).click();
    const yes = page.getByRole('region', { name: 'Yes: bob has full control of dcos:adminrouter:ops:metadata' });
    await expect(yes).toContainText('Granted directly on this resource.');
    await expect(yes).toContainText("The IAM's own check (this exact resource): allowed.");
  });

  test('a dcos_ component account must be unlocked by typing its uid before its permissions change', async ({
    page,
  }) => {
    await goTo(page, '/organization/service-accounts/dcos_marathon/permissions');
    await expect(page.getByRole('button', { name: 'Grant permission' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Unlock editing' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the permissions of dcos_marathon?' });
    await expect(dialog.getByRole('button', { name: 'Unlock editing' })).toBeDisabled();
    await dialog.getByLabel('Type dcos_marathon to confirm').fill('dcos_marathon');
    await dialog.getByRole('button', { name: 'Unlock editing' }).click();
    await expect(page.getByRole('button', { name: 'Grant permission' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Revoke create on dcos:mesos:master:task:app_id' })).toBeVisible();
  });
});

test.describe('On a permissive cluster', () => {
  test.use({ simOptions: { securityMode: 'permissive' } });

  test('the checker notes a category the security mode does not enforce', async ({ page }) => {
    await goTo(page, '/permissions/check?uid=bob&rid=dcos%3Amesos%3Amaster%3Aflags&action=read');
    const answer = page.getByRole('region', { name: /^Yes: bob may read/ });
    await expect(answer).toContainText('In permissive mode the cluster does not enforce Mesos permissions');
  });
});
