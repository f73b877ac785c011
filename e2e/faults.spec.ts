import type { Locator, Page } from '@playwright/test';
import { clearFaults, expect, injectFault, signIn, test, type Fault } from './fixtures.ts';

/** How the user gets the page back once the cluster is well again. */
const retry = (_page: Page, alert: Locator) => alert.getByRole('button', { name: 'Retry' }).click();
/** A refusal offers no Retry (asking again cannot help); a reload once the permission is there shows the page. */
const reloadWithoutRetry = async (page: Page, alert: Locator) => {
  await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await page.reload();
};

/** Every kind of broken answer a page must survive, and what the user is told. */
const FAULTS: {
  name: string;
  fault: Omit<Fault, 'path'>;
  message: string | RegExp;
  recover?: (page: Page, alert: Locator) => Promise<void>;
}[] = [
  {
    name: '500 with an IAM body',
    fault: { status: 500, body: '{"title":"Internal Server Error","description":"The IAM failed."}' },
    message: 'The IAM failed.',
  },
  {
    name: '503 read-only (plain text)',
    fault: { status: 503, body: 'Datastore is read-only', contentType: 'text/plain' },
    message: 'Datastore is read-only',
  },
  {
    name: 'network failure',
    fault: { network: true },
    message: 'The cluster could not be reached. Check your connection and try again.',
  },
  {
    name: 'malformed JSON',
    fault: { status: 200, body: '{"array": [' },
    message: 'The cluster answered with something that is not JSON.',
  },
  {
    name: 'JSON of the wrong shape',
    fault: { status: 200, body: '{"unexpected": true}' },
    message: /unexpected shape/,
  },
  {
    name: '502 HTML page',
    fault: { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', contentType: 'text/html' },
    message: 'The cluster could not answer this request. Try again in a moment.',
  },
  // A refusal is not retried (asking again cannot help); the page says what is missing where it knows, and a reload
  // after the permission is granted shows the page.
  {
    name: '403 HTML page',
    fault: { status: 403, body: '<html><body><h1>403 Forbidden</h1></body></html>', contentType: 'text/html' },
    message: /Your account does not have permission for this\.|Your account may not list secrets/,
    recover: reloadWithoutRetry,
  },
  {
    name: '403 JSON',
    fault: { status: 403, body: '{"title":"Forbidden","description":"Denied by the IAM."}' },
    message: /Denied by the IAM\.|Your account may not list secrets/,
    recover: reloadWithoutRetry,
  },
];

// Groups and service accounts share the users page's list and error handling (AccountList, ErrorState).
const PAGES = [
  {
    path: '/organization/users',
    api: '/acs/api/v1/users',
    loaded: (page: Page) => page.getByRole('grid', { name: 'Users' }),
  },
  {
    path: '/organization/users/alice/permissions',
    api: '/acs/api/v1/users/alice/permissions',
    loaded: (page: Page) => page.getByRole('table', { name: 'Permissions of alice' }),
  },
  {
    path: '/permissions',
    api: '/acs/api/v1/acls',
    loaded: (page: Page) => page.getByRole('grid', { name: 'Resources' }),
  },
  {
    path: '/secrets',
    api: '/secrets/v1/secret/default/*',
    loaded: (page: Page) => page.getByRole('link', { name: 'db-password' }),
  },
];

test.describe('Every page survives a broken cluster', () => {
  for (const target of PAGES) {
    test(`${target.path} explains each fault of its main request and recovers with Retry`, async ({ page }) => {
      test.slow();
      await signIn(page);
      for (const { name, fault, message, recover = retry } of FAULTS) {
        await test.step(name, async () => {
          await injectFault(page, { path: target.api, method: 'GET', ...fault });
          await page.goto(target.path);
          const alert = page.getByRole('alert');
          await expect(alert, name).toContainText(message, { timeout: 15_000 });
          await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
          await clearFaults(page);
          await recover(page, alert);
          await expect(target.loaded(page)).toBeVisible();
        });
      }
    });
  }
});

test('a failed save keeps the form: the create-user dialog shows the error and succeeds once the cluster recovers', async ({
  page,
}) => {
  await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers');
  await injectFault(page, {
    path: '/acs/api/v1/users/*',
    method: 'PUT',
    status: 503,
    body: 'Datastore is read-only',
    contentType: 'text/plain',
  });
  await page.getByRole('button', { name: 'Create user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create user' });
  await dialog.getByLabel('User ID').fill('frank');
  await dialog.getByLabel('Description').fill('Frank from finance');
  await dialog.getByLabel('Password', { exact: true }).fill('frank-pass');
  await dialog.getByLabel('Confirm password').fill('frank-pass');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Datastore is read-only');
  await expect(dialog.getByLabel('User ID')).toHaveValue('frank');
  await expect(dialog.getByLabel('Description')).toHaveValue('Frank from finance');
  await clearFaults(page);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(page).toHaveURL('/organization/users/frank');
});

test('double-clicking a submit sends it once', async ({ page }) => {
  await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fgroups');
  // A slow server widens the window a second click could slip through.
  await injectFault(page, { path: '/acs/api/v1/groups/*', method: 'PUT', delayMs: 800 });
  const puts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().includes('/acs/api/v1/groups/')) puts.push(request.url());
  });
  await page.getByRole('button', { name: 'Create group' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create group' });
  await dialog.getByLabel('Group ID').fill('sre');
  await dialog.getByLabel('Description').fill('Site reliability');
  await dialog.getByRole('button', { name: 'Create group' }).dblclick();
  await expect(page).toHaveURL('/organization/groups/sre');
  expect(puts).toHaveLength(1);
});

test.describe('A bulk action against a flaky server', () => {
  test.use({ simOptions: { serviceAccounts: 500 } });

  test('deleting 500 accounts while every 7th call fails reports exact results, and Retry failed finishes the job', async ({
    page,
  }) => {
    test.slow();
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fservice-accounts%3Fq%3D-');
    await expect(page.getByText('500 of 503 service accounts')).toBeVisible();
    await injectFault(page, {
      path: '/acs/api/v1/users/*',
      method: 'DELETE',
      status: 500,
      body: '{"title":"Internal Server Error","description":"Flaky IAM."}',
      every: 7,
    });
    await page.getByRole('checkbox', { name: 'Select all 500 rows' }).check();
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page
      .getByRole('dialog', { name: 'Delete 500 service accounts?' })
      .getByRole('button', { name: 'Delete 500 service accounts' })
      .click();
    const progress = page.getByRole('region', { name: 'Bulk action progress' });
    await expect(progress.getByRole('status')).toHaveText('Finished: 429 succeeded, 71 failed.', { timeout: 60_000 });
    await expect(progress.getByRole('listitem').filter({ hasText: 'Flaky IAM.' })).toHaveCount(71);
    await clearFaults(page);
    await progress.getByRole('button', { name: 'Retry failed (71)' }).click();
    await expect(progress.getByRole('status')).toHaveText('Finished: 500 succeeded, 0 failed.', { timeout: 60_000 });
    await progress.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByText('0 of 3 service accounts')).toBeVisible();
  });
});
