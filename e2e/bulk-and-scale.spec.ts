import { chooseBulkGroup } from './bulk.ts';
import { clearFaults, expect, injectFault, signIn, test } from './fixtures.ts';

test.describe('Bulk actions', () => {
  test('adding several users to a group reports each result, and Retry failed finishes the job', async ({ page }) => {
    let failBob = true;
    await page.route('**/acs/api/v1/groups/developers/users/bob', async (route) => {
      if (failBob && route.request().method() === 'PUT') {
        failBob = false;
        await route.fulfill({ status: 503, contentType: 'text/plain', body: 'IAM datastore is read-only, try again' });
      } else {
        await route.continue();
      }
    });
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers%3Ffilter%3Dlocal');
    const grid = page.getByRole('grid', { name: 'Users' });
    await grid.getByRole('checkbox', { name: 'Select alice' }).click();
    await grid.getByRole('checkbox', { name: 'Select bootstrapuser' }).click({ modifiers: ['Shift'] });
    const selection = page.getByRole('region', { name: 'Selection' });
    await expect(selection).toContainText('3 selected');

    await chooseBulkGroup(page, 'Add to group…', 'Add 3 users to a group', 'developers');

    const panel = page.getByRole('region', { name: 'Bulk action progress' });
    await expect(panel.getByRole('status')).toHaveText('Finished: 2 succeeded, 1 failed.');
    await expect(panel.getByRole('listitem').filter({ hasText: 'bob' })).toContainText(
      'IAM datastore is read-only, try again',
    );
    await panel.getByRole('button', { name: 'Retry failed (1)' }).click();
    await expect(panel.getByRole('status')).toHaveText('Finished: 3 succeeded, 0 failed.');

    await page.goto('/organization/groups/developers/users');
    for (const uid of ['alice', 'bob', 'bootstrapuser'])
      await expect(page.getByRole('link', { name: uid, exact: true })).toBeVisible();
  });

  test('removing several users from a group reports each result, and the group no longer lists them', async ({
    page,
  }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers%3Ffilter%3Dexternal');
    const grid = page.getByRole('grid', { name: 'Users' });
    await grid.getByRole('checkbox', { name: 'Select carol' }).click();
    await grid.getByRole('checkbox', { name: 'Select erin.lopez@example.com' }).click();
    await chooseBulkGroup(page, 'Remove from group…', 'Remove 2 users from a group', 'developers');

    const panel = page.getByRole('region', { name: 'Bulk action progress' });
    await expect(panel.getByRole('heading')).toHaveText('Removing 2 users from developers');
    await expect(panel.getByRole('status')).toHaveText('Finished: 2 succeeded, 0 failed.');
    await expect(panel.getByRole('listitem')).toHaveText([/carol\s*Done/, /erin\.lopez@example\.com\s*Done/]);

    await page.goto('/organization/groups/developers/users');
    await expect(page.getByRole('heading', { name: '0 users' })).toBeVisible();
  });

  test('the bulk panel sits outside the search toolbar and keeps its results when the list then fails to reload', async ({
    page,
  }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers%3Ffilter%3Dlocal');
    const grid = page.getByRole('grid', { name: 'Users' });
    await grid.getByRole('checkbox', { name: 'Select alice' }).click();
    await grid.getByRole('checkbox', { name: 'Select bob' }).click();
    // The run refreshes the list when it ends; that reload fails.
    await injectFault(page, {
      path: '/acs/api/v1/users',
      method: 'GET',
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({
        title: 'Internal Server Error',
        description: 'The IAM failed (test).',
        code: 'ERR_INTERNAL',
      }),
    });
    await chooseBulkGroup(page, 'Add to group…', 'Add 2 users to a group', 'developers');

    await expect(page.getByRole('alert').filter({ hasText: 'Could not load the users' })).toContainText(
      'The IAM failed (test).',
    );
    await expect(page.getByRole('search')).toHaveCount(0);
    const panel = page.getByRole('region', { name: 'Bulk action progress' });
    await expect(panel.getByRole('status')).toHaveText('Finished: 2 succeeded, 0 failed.');
    await expect(panel.getByRole('listitem')).toHaveText([/alice\s*Done/, /bob\s*Done/]);

    await clearFaults(page);
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(grid).toBeVisible();
    await expect(page.getByRole('search').getByRole('region', { name: 'Bulk action progress' })).toHaveCount(0);
    await expect(panel.getByRole('status')).toHaveText('Finished: 2 succeeded, 0 failed.');
  });

  test('a running bulk action cannot be closed, and leaving the page asks first, in the app and in the browser', async ({
    page,
  }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers%3Ffilter%3Dlocal');
    // Held long enough for the whole test: the run stays in progress.
    await injectFault(page, { path: '/acs/api/v1/groups/developers/users/*', method: 'PUT', delayMs: 30_000 });
    const grid = page.getByRole('grid', { name: 'Users' });
    await grid.getByRole('checkbox', { name: 'Select alice' }).click();
    await grid.getByRole('checkbox', { name: 'Select bob' }).click();
    await chooseBulkGroup(page, 'Add to group…', 'Add 2 users to a group', 'developers');

    const panel = page.getByRole('region', { name: 'Bulk action progress' });
    await expect(panel.getByRole('status')).toHaveText('0 of 2 processed: 0 succeeded, 0 failed.');
    await expect(panel.getByRole('button', { name: 'Close' })).toBeDisabled();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave while the bulk action runs?' });
    await expect(leave).toContainText('the rest will not be processed');
    await leave.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(leave).toBeHidden();
    await expect(page).toHaveURL('/organization/users?filter=local');
    await expect(panel.getByRole('status')).toHaveText('0 of 2 processed: 0 succeeded, 0 failed.');

    // Closing the tab (or reloading) gets the browser's own question; staying keeps the page and its run.
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const question = await asked;
    expect(question.type()).toBe('beforeunload');
    await question.dismiss();
    await expect(panel.getByRole('button', { name: 'Cancel the rest' })).toBeVisible();
    expect(page.isClosed()).toBe(false);
  });
});

test.describe('At scale', () => {
  test.use({ simOptions: { users: 10_000 } });

  test('10,000 users render and filter while the DOM holds only the visible rows', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers');
    await expect(page.getByText(/^10,?0\d\d users/)).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Users' });
    const rows = grid.getByRole('row');
    expect(await rows.count()).toBeLessThan(60);
    expect(await grid.getAttribute('aria-rowcount')).toMatch(/^100\d\d$/);

    await grid.getByRole('row').nth(1).focus();
    await page.keyboard.press('End');
    await expect(grid.locator('[role=row]:focus')).toHaveAttribute(
      'aria-rowindex',
      (await grid.getAttribute('aria-rowcount')) ?? '',
    );
    expect(await rows.count()).toBeLessThan(60);

    await page.getByLabel('Search users').fill('garcia');
    await expect(page.getByText(/^\d+ of 10,?0\d\d users/)).toBeVisible();
    const shown = await rows.count();
    expect(shown).toBeLessThan(60);
    const bodyRows = (await rows.allTextContents()).slice(1);
    expect(bodyRows.length).toBeGreaterThan(0);
    for (const text of bodyRows) expect(text.toLowerCase()).toContain('garcia');
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    expect(domNodes).toBeLessThan(1500);
  });

  test('compact rows fit more of 10,000 users on screen, keyboard paging still reaches the end, and the choice is remembered', async ({
    page,
  }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers');
    const grid = page.getByRole('grid', { name: 'Users' });
    const rows = grid.getByRole('row');
    await expect(rows.nth(1)).toBeVisible();
    const comfortable = await rows.count();
    await expect(rows.nth(1)).toHaveCSS('height', '44px');

    await page.getByRole('button', { name: 'Options' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Compact rows' }).click();
    // A checkbox item leaves the menu open; Escape closes it.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(rows.nth(1)).toHaveCSS('height', '32px');
    await expect(rows.nth(2)).toHaveCSS('transform', 'matrix(1, 0, 0, 1, 0, 32)');
    expect(await rows.count()).toBeGreaterThan(comfortable);
    expect(await rows.count()).toBeLessThan(80);

    await rows.nth(1).focus();
    await page.keyboard.press('End');
    await expect(grid.locator('[role=row]:focus')).toHaveAttribute(
      'aria-rowindex',
      (await grid.getAttribute('aria-rowcount')) ?? '',
    );

    await page.reload();
    await expect(rows.nth(1)).toHaveCSS('height', '32px');
    await page.getByRole('button', { name: 'Options' }).click();
    await expect(page.getByRole('menuitemcheckbox', { name: 'Compact rows' })).toBeChecked();
  });
});
