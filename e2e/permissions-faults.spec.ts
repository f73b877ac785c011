import type { Page } from '@playwright/test';
import { clearFaults, expect, injectFault, signIn, test } from './fixtures.ts';

const goTo = (page: Page, path: string) =>
  signIn(page, 'bootstrapuser', 'deleteme', `/login?redirect=${encodeURIComponent(path)}`);
const FORBIDDEN = { status: 403, body: '{"title":"Forbidden","description":"Denied by the IAM."}' };
const HINT = 'Managing users, groups and permissions needs dcos:adminrouter:acs full (or dcos:superuser).';

test.describe('A refused permission call says which permission is missing', () => {
  test('on loading a tab, granting and revoking', async ({ page }) => {
    await injectFault(page, { path: '/acs/api/v1/users/alice/permissions', method: 'GET', ...FORBIDDEN });
    await goTo(page, '/organization/users/alice/permissions');
    // A page the account may not load is the access-denied page; it names what is missing.
    const load = page.getByRole('alert').filter({ hasText: 'Access denied' });
    await expect(load).toContainText('Denied by the IAM.');
    await expect(load).toContainText(HINT);
    await clearFaults(page);

    await page.goto('/organization/groups/operators/permissions');
    await injectFault(page, { path: '/acs/api/v1/acls/*', method: 'PUT', ...FORBIDDEN });
    await page.getByRole('button', { name: 'Grant permission' }).click();
    const dialog = page.getByRole('dialog', { name: 'Grant a permission to group operators' });
    await dialog.getByRole('option', { name: 'Type a resource ID' }).click();
    await dialog.getByLabel('Resource ID', { exact: true }).fill('dcos:adminrouter:ops:mesos');
    await dialog.getByRole('checkbox', { name: 'full' }).check();
    await dialog.getByRole('button', { name: 'Grant' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Denied by the IAM.');
    await expect(dialog.getByRole('alert')).toContainText(HINT);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await injectFault(page, { path: '/acs/api/v1/acls/*', method: 'DELETE', ...FORBIDDEN });
    await page.getByRole('button', { name: 'Revoke all on dcos:adminrouter:ops:metadata' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke every action?' });
    await revoke.getByRole('button', { name: 'Revoke' }).click();
    await expect(revoke.getByRole('alert')).toContainText(HINT);
  });

  test('on deleting an ACL, on each bulk line and in the checker', async ({ page }) => {
    await goTo(page, '/permissions/acls/dcos:adminrouter:ops:metadata');
    await injectFault(page, { path: '/acs/api/v1/acls/*', method: 'DELETE', ...FORBIDDEN });
    await page.getByRole('button', { name: 'Delete ACL' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete this ACL?' });
    await remove.getByRole('button', { name: 'Delete ACL' }).click();
    await expect(remove.getByRole('alert')).toContainText(HINT);
    await remove.getByRole('button', { name: 'Cancel' }).click();

    await page.goto('/organization/users/bob/permissions');
    await injectFault(page, { path: '/acs/api/v1/acls/*', method: 'PUT', ...FORBIDDEN });
    await page.getByRole('button', { name: 'Add from text' }).click();
    await page.getByLabel('Permission lines').fill('dcos:adminrouter:ops:mesos full');
    await page.getByRole('button', { name: 'Check and apply' }).click();
    const progress = page.getByRole('region', { name: 'Bulk action progress' });
    await expect(progress.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveText(
      `Line 1: dcos:adminrouter:ops:mesos full Failed: Denied by the IAM. ${HINT}`,
    );

    await injectFault(page, { path: '/acs/api/v1/users/bob/permissions', method: 'GET', ...FORBIDDEN });
    await page.goto('/permissions/check?uid=bob&rid=dcos%3Aadminrouter%3Aops%3Amesos&action=full');
    const answer = page.getByRole('alert').filter({ hasText: "Could not read the account's permissions" });
    await expect(answer).toContainText(HINT);
  });
});

test('a failed grant keeps the form, and the same form grants once the cluster recovers', async ({ page }) => {
  const rid = 'dcos:service:marathon:marathon:services:/dev/payments';
  await goTo(page, '/organization/users/bob/permissions');
  await injectFault(page, {
    path: '/acs/api/v1/acls/*/users/bob/*',
    method: 'PUT',
    status: 503,
    body: 'Datastore is read-only',
    contentType: 'text/plain',
  });
  await page.getByRole('button', { name: 'Grant permission' }).click();
  const dialog = page.getByRole('dialog', { name: 'Grant a permission to bob' });
  await dialog.getByLabel('Search resources').fill('marathon services');
  await dialog.getByRole('option', { name: /services:\/\[<service-group>\]/ }).click();
  await dialog.getByLabel('Service group (optional: empty means all)').fill('dev/payments');
  await dialog.getByRole('checkbox', { name: 'update' }).check();
  await dialog.getByRole('button', { name: 'Grant' }).click();

  await expect(dialog.getByRole('alert')).toContainText('Datastore is read-only');
  await expect(dialog.getByRole('option', { name: /services:\/\[<service-group>\]/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(dialog.getByLabel('Service group (optional: empty means all)')).toHaveValue('dev/payments');
  await expect(dialog.getByRole('checkbox', { name: 'update' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'read' })).not.toBeChecked();
  await expect(dialog.locator('output')).toHaveText(rid);

  await clearFaults(page);
  await dialog.getByRole('button', { name: 'Grant' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').getByText(`Granted update on ${rid} to bob.`)).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Permissions of bob' }).getByRole('row', { name: new RegExp(rid) }),
  ).toContainText('update');
});

test('without the permission catalog, the grant dialog and the bulk form say so and carry on with typed rids', async ({
  page,
}) => {
  // The catalog is a static file the simulator does not serve, so its faults cannot reach it: the browser refuses it.
  await page.route('**/permission-catalog.json', (route) =>
    route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service unavailable' }),
  );
  await goTo(page, '/organization/users/bob/permissions');
  await page.getByRole('button', { name: 'Grant permission' }).click();
  const dialog = page.getByRole('dialog', { name: 'Grant a permission to bob' });
  await expect(dialog).toContainText(
    'The permission catalog could not be loaded (Service unavailable); type the resource ID; every action is offered.',
  );
  await expect(dialog.getByRole('option', { name: 'Type a resource ID' })).toHaveAttribute('aria-selected', 'true');
  await dialog.getByLabel('Resource ID', { exact: true }).fill('dcos:adminrouter:ops:mesos');
  await dialog.getByRole('checkbox', { name: 'full' }).check();
  await dialog.getByRole('button', { name: 'Grant' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Add from text' }).click();
  const bulk = page.getByRole('form', { name: 'Add permissions from text' });
  await expect(bulk).toContainText(
    'The permission catalog could not be loaded (Service unavailable); lines are checked for their form only',
  );
});
