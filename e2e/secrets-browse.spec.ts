import { expect, signIn, test } from './fixtures.ts';

const toSecrets = (path = '/secrets') => `/login?redirect=${encodeURIComponent(path)}`;

test.describe('Browsing secrets', () => {
  test('sorting by the Name header lives in the URL; descending keeps the folders first', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', toSecrets());
    const names = page.getByRole('grid', { name: 'Secrets' }).getByRole('link');
    await expect(names).toHaveText([/group\/$/, /hdfs\/$/, /jenkins\/$/, 'db-password']);

    await page.getByRole('button', { name: 'Name', exact: true }).click();
    await expect(page).toHaveURL('/secrets?sort=desc');
    await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
    await expect(names).toHaveText([/jenkins\/$/, /hdfs\/$/, /group\/$/, 'db-password']);
    await page.reload();
    await expect(names).toHaveText([/jenkins\/$/, /hdfs\/$/, /group\/$/, 'db-password']);

    await page.getByRole('button', { name: 'Name', exact: true }).click();
    await expect(page).toHaveURL('/secrets');
    await expect(names).toHaveText([/group\/$/, /hdfs\/$/, /jenkins\/$/, 'db-password']);

    // The flat view sorts whole paths.
    await page.goto('/secrets?view=flat&sort=desc');
    await expect(names).toHaveText([
      'jenkins/private-key',
      'hdfs/keytab',
      'group/spark/config/log-level',
      'group/spark/aws-secret-key',
      'db-password',
    ]);
  });

  test('Enter opens a folder and a secret from the grid, and Reveal and Hide work from the keyboard', async ({
    page,
  }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', toSecrets());
    const grid = page.getByRole('grid', { name: 'Secrets' });
    const row = (name: string) => grid.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await row('group/').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/secrets?path=group');
    await row('spark/').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/secrets?path=group%2Fspark');
    await row('config/').focus();
    await page.keyboard.press('ArrowDown');
    await expect(row('aws-secret-key')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/secrets/view/group/spark/aws-secret-key');

    await page.getByRole('button', { name: 'Reveal' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Secret value')).not.toBeEmpty();
    // The same button turns into Hide, so the keyboard user's focus stays on it.
    await expect(page.getByRole('button', { name: 'Hide' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByLabel('Secret value')).toHaveCount(0);
    await expect(page.getByLabel('Masked value')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reveal' })).toBeFocused();
  });

  test('folders and secrets carry drawn icons, not emoji; a selection shows its bar, and Clear selection hides it', async ({
    page,
  }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', toSecrets());
    const grid = page.getByRole('grid', { name: 'Secrets' });
    await expect(grid.getByRole('link', { name: 'group/' }).locator('svg.icon')).toHaveCount(1);
    await expect(grid.getByRole('link', { name: 'db-password' }).locator('svg.icon')).toHaveCount(1);
    await expect(grid).not.toContainText('📁');

    await expect(page.getByRole('button', { name: 'Delete selected…' })).toHaveCount(0);
    await grid.getByRole('checkbox', { name: 'Select db-password' }).click();
    const selection = page.getByRole('region', { name: 'Selection' });
    await expect(selection).toContainText('1 selected');
    await expect(selection.getByRole('button', { name: 'Delete selected…' })).toBeEnabled();
    await selection.getByRole('button', { name: 'Clear selection' }).click();
    await expect(selection).toHaveCount(0);
    await expect(grid.getByRole('checkbox', { name: 'Select db-password' })).not.toBeChecked();
  });

  test('a search with no match offers Clear search; an empty space offers Create secret there', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', toSecrets('/secrets?q=zzz-nothing'));
    await expect(page.getByText('No path matches this search.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page.getByLabel('Search all paths')).toHaveValue('');
    await expect(page.getByRole('grid', { name: 'Secrets' }).getByRole('link', { name: 'db-password' })).toBeVisible();

    await page.goto('/secrets?path=nowhere');
    const grid = page.getByRole('grid', { name: 'Secrets' });
    await expect(grid).toContainText('This space is empty.');
    await grid.getByRole('link', { name: 'Create secret' }).click();
    await expect(page).toHaveURL('/secrets/new?path=nowhere');
  });
});
