import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';

// The access review ("who can do this?") from each of its entry points and from a deep link, in the built console.

const DEV = 'dcos:service:marathon:marathon:services:/dev';
const goTo = (page: Page, path: string) =>
  signIn(page, 'bootstrapuser', 'deleteme', `/login?redirect=${encodeURIComponent(path)}`);
const answer = (page: Page, action: string, rid: string) =>
  page.getByRole('table', { name: `Accounts that can ${action} ${rid}` });

test.describe('Access review', () => {
  test('from an ACL page: who can read this resource', async ({ page }) => {
    await goTo(page, `/permissions/acls/${DEV}`);
    await page.getByRole('link', { name: 'Who can read this resource?' }).click();
    await expect(page).toHaveURL(
      /\/permissions\/who\?rid=dcos%3Aservice%3Amarathon%3Amarathon%3Aservices%3A%2Fdev&action=read$/,
    );
    const table = answer(page, 'read', DEV);
    await expect(table.getByRole('link', { name: 'carol', exact: true })).toBeVisible();
    await expect(table.getByRole('row', { name: /^jenkins Service account/ })).toContainText(
      'Holds “full” on this resource through group developers',
    );
    await expect(table.getByRole('row', { name: /^bootstrapuser User/ })).toContainText('Superuser');
    await expect(page.getByText(/^Permissions read from \d\d:\d\d:\d\d to \d\d:\d\d:\d\d\./)).toBeVisible();
  });

  test("from a secret's page: who can read this secret", async ({ page }) => {
    const path = 'group/spark/aws-secret-key';
    await goTo(page, `/secrets/view/${path}`);
    await page.getByRole('link', { name: 'Who can read this secret?' }).click();
    const table = answer(page, 'read', `dcos:secrets:default:/${path}`);
    await expect(table.getByRole('row', { name: /^alice User/ })).toContainText('Granted directly on this resource.');
    await expect(table.getByRole('link', { name: 'bob', exact: true })).toHaveCount(0);
    await table.getByRole('link', { name: 'alice', exact: true }).click();
    await expect(page).toHaveURL('/organization/users/alice/permissions');
  });

  test("from a group's page: what membership gives, then who can per grant", async ({ page }) => {
    const lists: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/acs/api/v1/acls')) lists.push(path);
    });
    await goTo(page, '/organization/groups/developers');
    await page.getByRole('link', { name: 'What does membership give?' }).click();
    const gives = page.getByRole('table', { name: 'Permissions membership of developers gives' });
    await expect(gives.getByRole('link', { name: `Who can full ${DEV}?` })).toBeVisible();
    // The group's own reads answer it: the whole model (the list of every ACL) is not read for it.
    expect(lists).not.toContain('/acs/api/v1/acls');
    await gives.getByRole('link', { name: `Who can full ${DEV}?` }).click();
    const table = answer(page, 'have full control of', DEV);
    await expect(table.getByRole('link', { name: 'jenkins', exact: true })).toBeVisible();
    // A question reads the whole model after its answer; the next question is answered from it without a request.
    await expect(page.getByText(/^Permissions read from/)).toBeVisible();
    const asOf = await page.getByText(/^Permissions read from/).textContent();
    await page.goBack();
    const before = lists.length;
    await gives.getByRole('link', { name: 'Who can full dcos:adminrouter:service:marathon?' }).click();
    await expect(
      answer(page, 'have full control of', 'dcos:adminrouter:service:marathon').getByRole('row').first(),
    ).toBeVisible();
    await expect(page.getByText(/^Permissions read from/)).toHaveText(asOf ?? '');
    expect(lists.slice(before)).toEqual([]);
  });

  test('from a deep link: the answer, a filter, a CSV and a later question by keyboard', async ({ page }) => {
    const app = `${DEV}/app`;
    await goTo(page, `/permissions/who?${new URLSearchParams({ rid: app, action: 'update' }).toString()}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Who can?' })).toBeVisible();
    const table = answer(page, 'update', app);
    await expect(table.getByRole('row')).toHaveCount(5);
    await expect(page.getByText('4 accounts')).toBeVisible();
    await page.getByLabel('Reason').selectOption('superuser');
    await expect(page.getByText('1 of 4 accounts')).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^who-can-update-${app.replace(/[^A-Za-z0-9._-]+/g, '_')}-\\d{4}-\\d\\d-\\d\\dT\\d{6}Z\\.csv$`),
    );
    await expect(page.getByText(/^Permissions read from/)).toBeVisible();
    // The next question by keyboard only: from the Export CSV button back to the action, an arrow, then Enter.
    const exportButton = page.getByRole('button', { name: 'Export CSV' });
    await exportButton.focus();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByLabel('Reason')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('button', { name: 'Review' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByLabel('Action')).toBeFocused();
    await expect(page.getByLabel('Action')).toHaveValue('update');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('Action')).toHaveValue('delete');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/action=delete$/);
    await expect(answer(page, 'delete', app).getByRole('row')).toHaveCount(5);
  });
});
