import { expect, fillSignIn, signIn, test } from './fixtures.ts';

test.describe('Users', () => {
  test('create, edit and delete a user', async ({ page }) => {
    await signIn(page);
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Create user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create user' });
    await dialog.getByLabel('User ID').fill('new user');
    await dialog.getByLabel('Password', { exact: true }).fill('abc');
    await dialog.getByLabel('Confirm password').fill('abd');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog.getByText('Use only letters, digits and - _ @ .')).toBeVisible();
    await expect(dialog.getByText('At least 5 characters.', { exact: true }).last()).toBeVisible();
    await expect(dialog.getByText('The passwords do not match.')).toBeVisible();

    await dialog.getByLabel('User ID').fill('frank');
    await dialog.getByLabel('Description').fill('Frank <b>Ops</b>');
    await dialog.getByLabel('Password', { exact: true }).fill('frank-pass');
    await dialog.getByLabel('Confirm password').fill('frank-pass');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(page).toHaveURL('/organization/users/frank');
    await expect(page.getByRole('heading', { name: 'frank' })).toBeVisible();
    await expect(page.getByRole('status').getByText('Created user frank.')).toBeVisible();
    // Descriptions are text, never HTML.
    await expect(page.getByText('Frank <b>Ops</b>').first()).toBeVisible();

    await page.getByLabel('Description').fill('Frank from Ops');
    await page.getByRole('button', { name: 'Save description' }).click();
    await expect(page.getByRole('status').getByText('Saved the description of frank.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Description')).toHaveValue('Frank from Ops');

    await page.getByRole('button', { name: 'Delete user' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete user frank?' });
    await confirm.getByRole('button', { name: 'Delete user' }).click();
    await expect(page).toHaveURL('/organization/users');
    await expect(page.getByRole('grid', { name: 'Users' }).getByText('frank', { exact: true })).toHaveCount(0);
  });

  test('an existing uid is refused at the field and the form keeps its values', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers');
    await page.getByRole('button', { name: 'Create user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create user' });
    await dialog.getByLabel('User ID').fill('alice');
    await dialog.getByLabel('Description').fill('Second Alice');
    await dialog.getByLabel('Password', { exact: true }).fill('secret-1');
    await dialog.getByLabel('Confirm password').fill('secret-1');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog.getByLabel('User ID')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('User ID')).toHaveAccessibleDescription(/already exists|exists/i);
    await expect(dialog.getByLabel('Description')).toHaveValue('Second Alice');
  });

  test('after a password change the user signs in with the new password only', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers%2Fbob');
    await page.getByLabel('New password', { exact: true }).fill('bob-new-pass');
    await page.getByLabel('Confirm new password').fill('bob-new-pass');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('status').getByText('Changed the password of bob.')).toBeVisible();

    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await fillSignIn(page, 'bob', 'bob-pass');
    await expect(page.getByRole('alert')).toContainText('Wrong username or password.');
    await page.getByLabel('Password').fill('bob-new-pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
  });

  test('an external user shows where it signs in, with no password field', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers%2Fcarol');
    await expect(page.getByText(/signs in through LDAP/)).toBeVisible();
    await expect(page.getByLabel('New password')).toHaveCount(0);
  });

  test('the last superuser cannot be deleted, and the server says why', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers%2Fbootstrapuser');
    await page.getByRole('button', { name: 'Delete user' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete user bootstrapuser?' });
    await confirm.getByRole('button', { name: 'Delete user' }).click();
    await expect(confirm.getByRole('alert')).toContainText(/superuser/i);
    await expect(page).toHaveURL('/organization/users/bootstrapuser');
  });

  test('search, filter, sort and the open tab live in the URL and survive a reload', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers');
    await page.getByLabel('Search users').fill('example.com');
    await page.getByLabel('Origin').selectOption('external');
    await page.getByRole('button', { name: /^Description/ }).click();
    await expect(page).toHaveURL(/q=example.com/);
    await expect(page).toHaveURL(/filter=external/);
    await expect(page).toHaveURL(/sort=description%3Aasc/);
    const grid = page.getByRole('grid', { name: 'Users' });
    const before = await grid.getByRole('row').allTextContents();
    await page.reload();
    await expect(page.getByLabel('Search users')).toHaveValue('example.com');
    await expect(page.getByLabel('Origin')).toHaveValue('external');
    await expect(grid.getByRole('row')).toHaveText(before);

    await grid.getByRole('row').nth(1).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/organization\/users\/[^/]+$/);
    await page
      .getByRole('navigation', { name: / sections$/ })
      .getByRole('link', { name: 'Groups' })
      .click();
    await expect(page).toHaveURL(/\/groups$/);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Add to a group' })).toBeVisible();
  });

  test('the list shows no Groups column the IAM cannot fill; the toolbar holds search, filter, count and Options on one row', async ({
    page,
  }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers');
    const grid = page.getByRole('grid', { name: 'Users' });
    for (const name of ['ID', 'Description', 'Origin'])
      await expect(grid.getByRole('columnheader', { name: new RegExp(`^${name}`) })).toBeVisible();
    await expect(grid.getByRole('columnheader', { name: /^Groups/ })).toHaveCount(0);
    const toolbar = page.getByRole('search');
    const tops = await Promise.all(
      [
        toolbar.getByLabel('Search users'),
        toolbar.getByLabel('Origin'),
        toolbar.getByText(/^\d+ users$/),
        toolbar.getByRole('button', { name: 'Options' }),
      ].map(async (part) => (await part.boundingBox())?.y ?? -1),
    );
    // Bottom-aligned controls of different heights: one row means their boxes overlap vertically.
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(40);
    // Nothing acts on a selection until there is one.
    await expect(page.getByRole('button', { name: 'Delete…' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Selection' })).toHaveCount(0);
  });

  test('a search that matches nobody says so and Clear search brings everyone back', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers%3Fq%3Dzzz-nobody');
    await expect(page.getByText('No users match this search.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page.getByLabel('Search users')).toHaveValue('');
    await expect(page.getByLabel('Search users')).toBeFocused();
    await expect(page.getByRole('grid', { name: 'Users' }).getByRole('row', { name: /alice/ })).toBeVisible();
    await expect(page).toHaveURL('/organization/users');
  });

  test('at 360 px wide the page fits the screen and the grid scrolls sideways, keeping the ID column in view', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers');
    const grid = page.getByRole('grid', { name: 'Users' });
    const alice = grid.getByRole('row', { name: /alice/ });
    await expect(alice).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const id = alice.getByRole('gridcell').nth(1);
    const before = await id.boundingBox();
    await grid.locator('[role=rowgroup]').evaluate((body) => body.scrollBy({ left: 400 }));
    await expect(grid.getByRole('columnheader', { name: /^Origin/ })).toBeInViewport();
    // The ID cell stays where it was while the rest moved under it; the header moved with the body.
    expect((await id.boundingBox())?.x).toBe(before?.x);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test('arrow keys move between rows and Enter opens the user', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers');
    const grid = page.getByRole('grid', { name: 'Users' });
    await grid.getByRole('row').nth(1).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(grid.getByRole('row').nth(3)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/organization/users/bootstrapuser');
  });

  test('exports the filtered list as CSV', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers%3Ffilter%3Dlocal');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Options' }).click();
    await page.getByRole('menu', { name: 'Options' }).getByRole('menuitem', { name: 'Export CSV (3 rows)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('dcos-users.csv');
    const text = await (await import('node:fs/promises')).readFile(await file.path(), 'utf8');
    expect(text).toContain('uid,description,origin,provider_id');
    expect(text).toContain('bootstrapuser');
    expect(text).not.toContain('carol');
  });
});
