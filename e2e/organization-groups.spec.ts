import { expect, signIn, test } from './fixtures.ts';

test.describe('Groups and memberships', () => {
  test('create a group, edit it and delete it', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fgroups');
    await page.getByRole('button', { name: 'Create group' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create group' });
    await dialog.getByLabel('Group ID').fill('sre');
    await dialog.getByRole('button', { name: 'Create group' }).click();
    await expect(dialog.getByText('Enter a description.')).toBeVisible();
    await dialog.getByLabel('Description').fill('Site reliability');
    await dialog.getByRole('button', { name: 'Create group' }).click();
    await expect(page).toHaveURL('/organization/groups/sre');
    await page.getByLabel('Description').fill('Site reliability engineering');
    await page.getByRole('button', { name: 'Save description' }).click();
    await expect(page.getByRole('status').getByText('Saved the description of sre.')).toBeVisible();
    await page.getByRole('button', { name: 'Delete group' }).click();
    await page.getByRole('dialog', { name: 'Delete group sre?' }).getByRole('button', { name: 'Delete group' }).click();
    await expect(page).toHaveURL('/organization/groups');
    await expect(page.getByRole('grid', { name: 'Groups' }).getByText('sre', { exact: true })).toHaveCount(0);
  });

  test('a user joins a group from the user page and leaves it from the group page', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers%2Fbob%2Fgroups');
    await page.getByLabel('Find a group').fill('develop');
    await page.getByRole('button', { name: 'Add to developers' }).click();
    await expect(page.getByRole('status').getByText('Added bob to developers.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'developers' })).toBeVisible();

    await page.getByRole('link', { name: 'developers' }).click();
    await page.getByRole('navigation', { name: / sections$/ }).getByRole('link', { name: 'Users' }).click();
    await expect(page).toHaveURL('/organization/groups/developers/users');
    await page.getByRole('button', { name: 'Remove bob' }).click();
    await page.getByRole('dialog', { name: 'Remove bob from developers?' }).getByRole('button', { name: 'Remove from group' }).click();
    await expect(page.getByRole('button', { name: 'Remove bob' })).toHaveCount(0);

    await page.goto('/organization/users/bob/groups');
    await expect(page.getByText('Not a member of any group.')).toBeVisible();
  });

  test('a group adds a member through the picker and the user page shows it', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fgroups%2Fdata-science%2Fusers');
    await page.getByLabel('Find a user').fill('alice');
    await page.getByRole('button', { name: 'Add alice' }).click();
    await expect(page.getByRole('link', { name: 'alice' })).toBeVisible();
    await page.getByRole('link', { name: 'alice' }).click();
    await page.getByRole('navigation', { name: / sections$/ }).getByRole('link', { name: 'Groups' }).click();
    await expect(page.getByRole('link', { name: 'data-science' })).toBeVisible();
  });

  test('the last member of superusers cannot be removed, and the reason is shown', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fgroups%2Fsuperusers%2Fusers');
    await expect(page.getByText('The last member cannot be removed.')).toBeVisible();
    await page.getByRole('button', { name: 'Remove bootstrapuser' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove bootstrapuser from superusers?' });
    await confirm.getByRole('button', { name: 'Remove from group' }).click();
    await expect(confirm.getByRole('alert')).toContainText('Last member from `superusers` group cannot be removed');
  });

  test('an account without IAM access sees no Organization entries and an access-denied page', async ({ page }) => {
    await signIn(page, 'bob', 'bob-pass');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Overview', 'Secrets']);
    await page.goto('/organization/users');
    await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL('/login');
  });
});
