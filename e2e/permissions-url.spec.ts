import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';

const goTo = (page: Page, path: string) =>
  signIn(page, 'bootstrapuser', 'deleteme', `/login?redirect=${encodeURIComponent(path)}`);
const historyLength = (page: Page) => page.evaluate(() => window.history.length);

test.describe('Permissions state lives in the URL', () => {
  test('the rid being edited in the grant dialog survives a reload, without a history entry per keystroke', async ({
    page,
  }) => {
    const rid = 'dcos:service:marathon:marathon:services:/dev/payments';
    await goTo(page, '/organization/users/bob/permissions');
    await page.getByRole('button', { name: 'Grant permission' }).click();
    const dialog = page.getByRole('dialog', { name: 'Grant a permission to bob' });
    const entries = await historyLength(page);
    await dialog.getByLabel('Search resources').fill('marathon services');
    await dialog.getByRole('option', { name: /services:\/\[<service-group>\]/ }).click();
    await dialog.getByLabel('Service group (optional: empty means all)').fill('dev/payments');
    await expect(page).toHaveURL(`/organization/users/bob/permissions?grant=${encodeURIComponent(rid)}`);
    expect(await historyLength(page)).toBe(entries);

    await page.reload();
    await expect(dialog.getByRole('option', { name: /services:\/\[<service-group>\]/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(dialog.getByLabel('Service group (optional: empty means all)')).toHaveValue('dev/payments');
    await expect(dialog.locator('output')).toHaveText(rid);

    await dialog.getByRole('option', { name: 'Type a resource ID' }).click();
    await dialog.getByLabel('Resource ID', { exact: true }).fill('dcos:adminrouter:ops:networking');
    await expect(page).toHaveURL('/organization/users/bob/permissions?grant=dcos%3Aadminrouter%3Aops%3Anetworking');
    await page.reload();
    await expect(dialog.locator('output')).toHaveText('dcos:adminrouter:ops:networking');
    await dialog.getByRole('checkbox', { name: 'full' }).check();
    await dialog.getByRole('button', { name: 'Grant' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL('/organization/users/bob/permissions');
    await expect(
      page
        .getByRole('table', { name: 'Permissions of bob' })
        .getByRole('row', { name: /dcos:adminrouter:ops:networking/ }),
    ).toBeVisible();
  });

  test('Back in the checker shows the earlier question in the form, not only its answer', async ({ page }) => {
    await goTo(page, '/permissions/check');
    const account = page.getByLabel('Account (user or service account ID)');
    await account.fill('carol');
    await page.getByLabel('Search resources').fill('marathon services');
    await page.getByRole('option', { name: /services:\/\[<service-group>\]/ }).click();
    await page.getByLabel('Service group (optional: empty means all)').fill('dev/app');
    await page.getByRole('combobox', { name: 'Action' }).selectOption('update');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByRole('region', { name: /^Yes: carol may update/ })).toBeVisible();

    await account.fill('bob');
    await page.getByRole('option', { name: 'Type a resource ID' }).click();
    await page.getByLabel('Resource ID', { exact: true }).fill('dcos:adminrouter:ops:metadata');
    await page.getByRole('combobox', { name: 'Action' }).selectOption('full');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByRole('region', { name: /^No: bob does not have full control of/ })).toBeVisible();
    // The form's own Check keeps the focus where it was.
    await expect(page.getByRole('button', { name: 'Check' })).toBeFocused();

    await page.goBack();
    await expect(page.getByRole('region', { name: /^Yes: carol may update/ })).toBeVisible();
    await expect(account).toHaveValue('carol');
    await expect(page.getByRole('option', { name: /services:\/\[<service-group>\]/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByLabel('Service group (optional: empty means all)')).toHaveValue('dev/app');
    await expect(page.getByRole('combobox', { name: 'Action' })).toHaveValue('update');

    await page.goForward();
    await expect(account).toHaveValue('bob');
    await expect(page.getByRole('combobox', { name: 'Action' })).toHaveValue('full');
  });

  test('the search on a Permissions tab survives a reload', async ({ page }) => {
    await goTo(page, '/organization/users/carol/permissions');
    const table = page.getByRole('table', { name: 'Permissions of carol' });
    await expect(table.getByRole('row', { name: /dcos:adminrouter:service:marathon/ })).not.toHaveCount(0);
    await page.getByLabel('Search permissions').fill('services:/dev');
    await expect(page).toHaveURL('/organization/users/carol/permissions?q=services%3A%2Fdev');
    await page.reload();
    await expect(page.getByLabel('Search permissions')).toHaveValue('services:/dev');
    await expect(table.getByRole('row', { name: /services:\/dev/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /dcos:adminrouter:service:marathon/ })).toHaveCount(0);
  });
});
