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
    await page.getByLabel('Search groups').fill('sre');
    await expect(page.getByText('No groups match this search.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page.getByRole('grid', { name: 'Groups' }).getByRole('link', { name: 'developers' })).toBeVisible();
  });

  test('a user joins a group from the user page and leaves it from the group page', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers%2Fbob%2Fgroups');
    await page.getByLabel('Find a group').fill('develop');
    await page.getByRole('button', { name: 'Add to developers' }).click();
    await expect(page.getByRole('status').getByText('Added bob to developers.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'developers' })).toBeVisible();

    await page.getByRole('link', { name: 'developers' }).click();
    await page
      .getByRole('navigation', { name: / sections$/ })
      .getByRole('link', { name: 'Users' })
      .click();
    await expect(page).toHaveURL('/organization/groups/developers/users');
    await page.getByRole('button', { name: 'Remove bob' }).click();
    await page
      .getByRole('dialog', { name: 'Remove bob from developers?' })
      .getByRole('button', { name: 'Remove from group' })
      .click();
    await expect(page.getByRole('button', { name: 'Remove bob' })).toHaveCount(0);

    await page.goto('/organization/users/bob/groups');
    await expect(page.getByText('Not a member of any group.')).toBeVisible();
  });

  test('a user leaves a group from its own Groups tab, and the group no longer lists it', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers%2Falice%2Fgroups');
    await expect(page.getByRole('heading', { name: 'Member of 1 group' })).toBeVisible();
    await page.getByRole('button', { name: 'Remove from operators' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove alice from operators?' });
    await expect(confirm).toContainText('alice loses the permissions it has through operators.');
    await confirm.getByRole('button', { name: 'Remove from group' }).click();
    await expect(page.getByRole('status').getByText('Removed alice from operators.')).toBeVisible();
    await expect(page.getByText('Not a member of any group.')).toBeVisible();

    await page.goto('/organization/groups/operators/users');
    await expect(page.getByText('No users in this group.')).toBeVisible();
  });

  test('groups sort by a column header, and an existing group ID is refused at the field', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fgroups');
    const grid = page.getByRole('grid', { name: 'Groups' });
    await expect(grid.getByRole('link')).toHaveText(['data-science', 'developers', 'operators', 'superusers']);
    await grid.getByRole('button', { name: /^ID/ }).click();
    await expect(page).toHaveURL(/sort=gid%3Adesc/);
    await expect(grid.getByRole('columnheader', { name: /^ID/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(grid.getByRole('link')).toHaveText(['superusers', 'operators', 'developers', 'data-science']);
    await grid.getByRole('button', { name: /^Description/ }).click();
    await expect(page).toHaveURL(/sort=description%3Aasc/);
    await expect(grid.getByRole('columnheader', { name: /^Description/ })).toHaveAttribute('aria-sort', 'ascending');
    await expect(grid.getByRole('link')).toHaveText(['developers', 'operators', 'data-science', 'superusers']);

    await page.getByRole('button', { name: 'Create group' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create group' });
    await dialog.getByLabel('Group ID').fill('developers');
    await dialog.getByLabel('Description').fill('Another developers group');
    await dialog.getByRole('button', { name: 'Create group' }).click();
    const gid = dialog.getByLabel('Group ID');
    await expect(gid).toHaveAttribute('aria-invalid', 'true');
    await expect(gid).toHaveAccessibleDescription(/already exists/i);
    // The form keeps what was typed.
    await expect(dialog.getByLabel('Description')).toHaveValue('Another developers group');
  });

  test('a group adds a member through the picker and the user page shows it', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fgroups%2Fdata-science%2Fusers');
    await page.getByLabel('Find a user').fill('alice');
    await page.getByRole('button', { name: 'Add alice' }).click();
    await expect(page.getByRole('link', { name: 'alice' })).toBeVisible();
    await page.getByRole('link', { name: 'alice' }).click();
    await page
      .getByRole('navigation', { name: / sections$/ })
      .getByRole('link', { name: 'Groups' })
      .click();
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
