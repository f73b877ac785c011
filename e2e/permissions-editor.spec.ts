import type { Page } from '@playwright/test';
import { clearFaults, expect, injectFault, signIn, test } from './fixtures.ts';

const goTo = (page: Page, path: string) =>
  signIn(page, 'bootstrapuser', 'deleteme', `/login?redirect=${encodeURIComponent(path)}`);
const permissionsTable = (page: Page, name: string) => page.getByRole('table', { name: `Permissions of ${name}` });

test.describe('The Permissions tab', () => {
  test('calls out superuser access through a group at the top', async ({ page }) => {
    await goTo(page, '/organization/users/bootstrapuser/permissions');
    await expect(
      page.getByText('Superuser. Through group superusers, bootstrapuser holds dcos:superuser'),
    ).toBeVisible();
    await goTo(page, '/organization/users/bob/permissions');
    await expect(page.getByText(/^Superuser\./)).toHaveCount(0);
  });

  test('Revoke all on a user’s tab takes every action of the rid', async ({ page }) => {
    await goTo(page, '/organization/users/bob/permissions');
    await page.getByRole('button', { name: 'Add from text' }).click();
    await page.getByLabel('Permission lines').fill('dcos:service:marathon:marathon:services:/team read,update');
    await page.getByRole('button', { name: 'Check and apply' }).click();
    await page.getByRole('region', { name: 'Bulk action progress' }).getByRole('button', { name: 'Close' }).click();
    const row = permissionsTable(page, 'bob').getByRole('row', {
      name: /dcos:service:marathon:marathon:services:\/team/,
    });
    await expect(row.getByRole('listitem')).toHaveText(['read×', 'update×']);
    await row.getByRole('button', { name: 'Revoke all on dcos:service:marathon:marathon:services:/team' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke every action?' });
    await expect(dialog).toContainText('bob loses every action on dcos:service:marathon:marathon:services:/team.');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect(
      page
        .getByRole('status')
        .getByText('Revoked all actions on dcos:service:marathon:marathon:services:/team from bob.'),
    ).toBeVisible();
    await expect(page.getByText('No permissions yet. Grant one to start.')).toBeVisible();
  });

  test('a group revokes one action from its own tab, and its members no longer inherit it', async ({ page }) => {
    const rid = 'dcos:service:marathon:marathon:services:/data-science';
    await goTo(page, '/organization/groups/data-science/permissions');
    await permissionsTable(page, 'group data-science')
      .getByRole('button', { name: `Revoke full on ${rid}` })
      .click();
    await page.getByRole('dialog', { name: 'Revoke “full”?' }).getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByRole('status').getByText(`Revoked full on ${rid} from group data-science.`)).toBeVisible();
    await expect(permissionsTable(page, 'group data-science').getByRole('row', { name: new RegExp(rid) })).toHaveCount(
      0,
    );
    await page.goto('/organization/users/dave.kim@example.com/permissions');
    await expect(
      permissionsTable(page, 'dave.kim@example.com').getByRole('row', { name: /data-science/ }),
    ).not.toHaveCount(0);
    await expect(
      permissionsTable(page, 'dave.kim@example.com').getByRole('row', { name: new RegExp(rid) }),
    ).toHaveCount(0);
  });

  test('bulk lines: a duplicate is reported; a line that fails is retried with Retry failed', async ({ page }) => {
    await goTo(page, '/organization/users/bob/permissions');
    await page.getByRole('button', { name: 'Add from text' }).click();
    await page
      .getByLabel('Permission lines')
      .fill('dcos:adminrouter:ops:metadata full\ndcos:adminrouter:ops:mesos full\ndcos:adminrouter:ops:metadata full');
    await page.getByRole('button', { name: 'Check and apply' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'Line 3 (dcos:adminrouter:ops:metadata full): Duplicate: line 1 already grants “full” on dcos:adminrouter:ops:metadata.',
    );

    await injectFault(page, {
      path: '/acs/api/v1/acls/dcos:adminrouter:ops:mesos/users/bob/full',
      method: 'PUT',
      status: 503,
      body: 'Datastore is read-only',
      contentType: 'text/plain',
    });
    await page.getByRole('button', { name: 'Apply only the 2 valid lines' }).click();
    const progress = page.getByRole('region', { name: 'Bulk action progress' });
    await expect(progress.getByRole('status')).toHaveText('Finished: 1 succeeded, 1 failed.');
    await expect(progress.getByRole('listitem').filter({ hasText: 'Line 2' })).toHaveText(
      'Line 2: dcos:adminrouter:ops:mesos full Failed: Datastore is read-only',
    );
    await clearFaults(page);
    await progress.getByRole('button', { name: 'Retry failed (1)' }).click();
    await expect(progress.getByRole('status')).toHaveText('Finished: 2 succeeded, 0 failed.');
    await progress.getByRole('button', { name: 'Close' }).click();
    await expect(
      permissionsTable(page, 'bob').getByRole('row', { name: /dcos:adminrouter:ops:(metadata|mesos)/ }),
    ).toHaveCount(2);
  });
});

test.describe('The grant dialog’s layout', () => {
  const box = async (page: Page) => {
    const rect = await page.getByRole('dialog', { name: 'Grant a permission to bob' }).boundingBox();
    expect(rect).not.toBeNull();
    return { width: Math.round(rect?.width ?? 0), height: Math.round(rect?.height ?? 0) };
  };

  test('is wide, and its height does not change with what it shows', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await goTo(page, '/organization/users/bob/permissions?grant=');
    const dialog = page.getByRole('dialog', { name: 'Grant a permission to bob' });
    await expect(
      dialog.getByRole('listbox', { name: 'Resource catalog' }).getByRole('group', { name: 'Admin Router' }),
    ).toBeVisible();
    const first = await box(page);
    expect(first.width).toBeGreaterThan(900);
    // 40rem, or 90% of the viewport's height when that is less.
    expect(first.height).toBe(640);

    await dialog.getByLabel('Search resources').fill('zzz nothing');
    await expect(dialog.getByText('0 found')).toBeVisible();
    expect(await box(page)).toEqual(first);
    await dialog.getByLabel('Search resources').fill('marathon services');
    await dialog.getByRole('option', { name: /services:\/\[<service-group>\]/ }).click();
    await dialog.getByLabel('Service group (optional: empty means all)').fill('dev');
    expect(await box(page)).toEqual(first);
    await dialog.getByRole('option', { name: 'Type a resource ID' }).click();
    await dialog.getByLabel('Resource ID', { exact: true }).fill('not a rid');
    await expect(dialog.getByText('A DC/OS resource ID starts with “dcos:”.').first()).toBeVisible();
    expect(await box(page)).toEqual(first);
  });

  test('on a phone it is a full-height sheet with the panes stacked, nothing in it wider than the screen', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await goTo(page, '/organization/users/bob/permissions?grant=');
    const dialog = page.getByRole('dialog', { name: 'Grant a permission to bob' });
    await dialog.getByLabel('Search resources').fill('IAM API');
    await dialog.getByRole('option', { name: /^dcos:adminrouter:acs/ }).click();
    expect(await box(page)).toEqual({ width: 360, height: 740 });
    const catalog = await dialog.getByRole('listbox', { name: 'Resource catalog' }).boundingBox();
    const actions = await dialog.getByRole('group', { name: 'Actions' }).boundingBox();
    expect(actions?.y ?? 0, 'the chosen entry’s actions are below the catalog').toBeGreaterThanOrEqual(
      (catalog?.y ?? 0) + (catalog?.height ?? 0),
    );
    const wider = await dialog.evaluate((el) =>
      [...el.querySelectorAll('*')]
        .filter((child) => child.getBoundingClientRect().right > window.innerWidth + 1)
        .map((child) => child.outerHTML.slice(0, 80)),
    );
    expect(wider).toEqual([]);
    await dialog.getByRole('checkbox', { name: 'full' }).check();
    await dialog.getByRole('button', { name: 'Grant' }).click();
    await expect(dialog).toBeHidden();
  });
});
