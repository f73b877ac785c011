import type { Page } from '@playwright/test';
import { clearFaults, expect, injectFault, signIn, test } from './fixtures.ts';

const goTo = (page: Page, path: string) => signIn(page, 'bootstrapuser', 'deleteme', `/login?redirect=${encodeURIComponent(path)}`);
const permissionsTable = (page: Page, name: string) => page.getByRole('table', { name: `Permissions of ${name}` });

test.describe('The Permissions tab', () => {
  test('calls out superuser access through a group at the top', async ({ page }) => {
    await goTo(page, '/organization/users/bootstrapuser/permissions');
    await expect(page.getByText('Superuser. Through group superusers, bootstrapuser holds dcos:superuser')).toBeVisible();
    await goTo(page, '/organization/users/bob/permissions');
    await expect(page.getByText(/^Superuser\./)).toHaveCount(0);
  });

  test('Revoke all on a user’s tab takes every action of the rid', async ({ page }) => {
    await goTo(page, '/organization/users/bob/permissions');
    await page.getByRole('button', { name: 'Add from text' }).click();
    await page.getByLabel('Permission lines').fill('dcos:service:marathon:marathon:services:/team read,update');
    await page.getByRole('button', { name: 'Check and apply' }).click();
    await page.getByRole('region', { name: 'Bulk action progress' }).getByRole('button', { name: 'Close' }).click();
    const row = permissionsTable(page, 'bob').getByRole('row', { name: /dcos:service:marathon:marathon:services:\/team/ });
    await expect(row.getByRole('listitem')).toHaveText(['read×', 'update×']);
    await row.getByRole('button', { name: 'Revoke all on dcos:service:marathon:marathon:services:/team' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke every action?' });
    await expect(dialog).toContainText('bob loses every action on dcos:service:marathon:marathon:services:/team.');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByRole('status').getByText('Revoked all actions on dcos:service:marathon:marathon:services:/team from bob.')).toBeVisible();
    await expect(page.getByText('No permissions yet. Grant one to start.')).toBeVisible();
  });

  test('a group revokes one action from its own tab, and its members no longer inherit it', async ({ page }) => {
    const rid = 'dcos:service:marathon:marathon:services:/data-science';
    await goTo(page, '/organization/groups/data-science/permissions');
    await permissionsTable(page, 'group data-science').getByRole('button', { name: `Revoke full on ${rid}` }).click();
    await page.getByRole('dialog', { name: 'Revoke “full”?' }).getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByRole('status').getByText(`Revoked full on ${rid} from group data-science.`)).toBeVisible();
    await expect(permissionsTable(page, 'group data-science').getByRole('row', { name: new RegExp(rid) })).toHaveCount(0);
    await page.goto('/organization/users/dave.kim@example.com/permissions');
    await expect(permissionsTable(page, 'dave.kim@example.com').getByRole('row', { name: /data-science/ })).not.toHaveCount(0);
    await expect(permissionsTable(page, 'dave.kim@example.com').getByRole('row', { name: new RegExp(rid) })).toHaveCount(0);
  });

  test('bulk lines: a duplicate is reported; a line that fails is retried with Retry failed', async ({ page }) => {
    await goTo(page, '/organization/users/bob/permissions');
    await page.getByRole('button', { name: 'Add from text' }).click();
    await page.getByLabel('Permission lines').fill('dcos:adminrouter:ops:metadata full\ndcos:adminrouter:ops:mesos full\ndcos:adminrouter:ops:metadata full');
    await page.getByRole('button', { name: 'Check and apply' }).click();
    await expect(page.getByRole('alert')).toContainText('Line 3 (dcos:adminrouter:ops:metadata full): Duplicate: line 1 already grants “full” on dcos:adminrouter:ops:metadata.');

    await injectFault(page, { path: '/acs/api/v1/acls/dcos:adminrouter:ops:mesos/users/bob/full', method: 'PUT', status: 503, body: 'Datastore is read-only', contentType: 'text/plain' });
    await page.getByRole('button', { name: 'Apply only the 2 valid lines' }).click();
    const progress = page.getByRole('region', { name: 'Bulk action progress' });
    await expect(progress.getByRole('status')).toHaveText('Finished: 1 succeeded, 1 failed.');
    await expect(progress.getByRole('listitem').filter({ hasText: 'Line 2' })).toHaveText('Line 2: dcos:adminrouter:ops:mesos full Failed: Datastore is read-only');
    await clearFaults(page);
    await progress.getByRole('button', { name: 'Retry failed (1)' }).click();
    await expect(progress.getByRole('status')).toHaveText('Finished: 2 succeeded, 0 failed.');
    await progress.getByRole('button', { name: 'Close' }).click();
    await expect(permissionsTable(page, 'bob').getByRole('row', { name: /dcos:adminrouter:ops:(metadata|mesos)/ })).toHaveCount(2);
  });
});
