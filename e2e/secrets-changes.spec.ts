import { readFile } from 'node:fs/promises';
import { expect, injectFault, signIn, test } from './fixtures.ts';

const toSecrets = (path = '/secrets') => `/login?redirect=${encodeURIComponent(path)}`;

test.describe('Changing secrets', () => {
  test('a text secret replaced by a file downloads byte for byte', async ({ page }) => {
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 101 + 7) % 256));
    await signIn(page, 'bootstrapuser', 'deleteme', toSecrets('/secrets/view/db-password'));
    const edit = page.getByRole('form', { name: 'Replace the value' });
    await edit.getByLabel('File (any bytes)').check();
    await edit
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'cert.der', mimeType: 'application/octet-stream', buffer: bytes });
    await edit.getByRole('button', { name: 'Save new value' }).click();
    await expect(page.getByRole('status').getByText('Saved a new value for db-password.')).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('db-password');
    expect(Buffer.compare(await readFile(await file.path()), bytes)).toBe(0);
    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect(page.getByText('File secret, 2.9 KiB: download it to see its bytes.')).toBeVisible();
  });

  test('a text value over the limit is refused before upload, counted in UTF-8 bytes', async ({ page }) => {
    const writes: string[] = [];
    page.on('request', (r) => {
      if (['PUT', 'PATCH'].includes(r.method()) && r.url().includes('/secrets/v1/secret/')) writes.push(r.url());
    });
    await signIn(page, 'bootstrapuser', 'deleteme', toSecrets('/secrets/view/db-password'));
    // 523,777 characters, but 1,047,553 bytes: one over the limit.
    await page.getByRole('textbox', { name: 'Value', exact: true }).fill(`${'é'.repeat(523_776)}x`);
    await page.getByRole('button', { name: 'Save new value' }).click();
    await expect(page.getByRole('form', { name: 'Replace the value' }).getByRole('alert')).toHaveText(
      'This secret is 1,047,553 bytes (1023.0 KiB); the secret store takes at most 1,047,552 bytes (1 MiB less 1 KiB of metadata).',
    );
    expect(writes).toEqual([]);
    await expect(page.getByRole('textbox', { name: 'Value', exact: true })).toHaveAttribute('aria-invalid', 'true');
  });

  test('bulk delete reports the one that failed, and Retry failed deletes it', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', toSecrets('/secrets?view=flat'));
    await injectFault(page, {
      path: '/secrets/v1/secret/default/jenkins/private-key',
      method: 'DELETE',
      status: 500,
      body: '{"message":"The store failed (test)."}',
      contentType: 'application/json',
      count: 1,
    });
    const grid = page.getByRole('grid', { name: 'Secrets' });
    await grid.getByRole('checkbox', { name: 'Select db-password' }).click();
    await grid.getByRole('checkbox', { name: 'Select jenkins/private-key' }).click();
    await page.getByRole('button', { name: 'Delete selected…' }).click();
    await page
      .getByRole('dialog', { name: 'Delete 2 secrets?' })
      .getByRole('button', { name: 'Delete 2 secrets' })
      .click();

    const panel = page.getByRole('region', { name: 'Bulk action progress' });
    await expect(panel.getByRole('status')).toHaveText('Finished: 1 succeeded, 1 failed.');
    await expect(panel.getByRole('listitem').filter({ hasText: 'jenkins/private-key' })).toContainText(
      'Failed: The store failed (test).',
    );
    await expect(grid.getByRole('link', { name: 'db-password' })).toHaveCount(0);
    await expect(grid.getByRole('link', { name: 'jenkins/private-key' })).toBeVisible();

    await panel.getByRole('button', { name: 'Retry failed (1)' }).click();
    await expect(panel.getByRole('status')).toHaveText('Finished: 2 succeeded, 0 failed.');
    await expect(grid.getByRole('link', { name: 'jenkins/private-key' })).toHaveCount(0);
  });
});

test('when storing a new service account key as a secret fails, it says so and the key stays downloadable', async ({
  page,
}) => {
  await signIn(page, 'bootstrapuser', 'deleteme', toSecrets('/organization/service-accounts'));
  await injectFault(page, {
    path: '/secrets/v1/secret/default/etl-job/private-key',
    method: 'PUT',
    status: 500,
    body: '{"message":"The store failed (test)."}',
    contentType: 'application/json',
    count: 1,
  });
  await page.getByRole('button', { name: 'Create service account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create service account' });
  await dialog.getByLabel('Service account ID').fill('etl-job');
  await dialog.getByRole('button', { name: 'Create service account' }).click();
  const keyDialog = page.getByRole('dialog', { name: 'Private key of etl-job' });
  await keyDialog.getByRole('button', { name: /^Store as secret/ }).click();
  await expect(keyDialog.getByRole('form', { name: 'Store as a secret' }).getByRole('alert')).toContainText(
    'Could not store the secret: The store failed (test).',
  );

  const download = page.waitForEvent('download');
  await keyDialog.getByRole('button', { name: 'Download etl-job-private-key.pem' }).click();
  const pem = await readFile(await (await download).path(), 'utf8');
  expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n?$/);
  expect(pem).toBe(await keyDialog.getByLabel('Private key', { exact: true }).inputValue());

  // Storing can be tried again once the store is back.
  await keyDialog.getByRole('button', { name: /^Store as secret/ }).click();
  await expect(keyDialog.getByText('Stored as secret etl-job/private-key.')).toBeVisible();
});

test.describe('a non-superuser', () => {
  test('sees that the store is unsealed, without a Seal action', async ({ page }) => {
    await signIn(page, 'alice', 'alice-pass', toSecrets('/secrets?path=group'));
    await expect(page.getByRole('grid', { name: 'Secrets' })).toBeVisible();
    await page.getByRole('button', { name: 'Secret store: Unsealed' }).click();
    const menu = page.getByRole('menu');
    await expect(menu).toContainText('Only a superuser can seal or unseal the store.');
    await expect(menu.getByRole('menuitem')).toHaveText(['Check the state again']);
  });

  test.describe('with a sealed store', () => {
    test.use({ simOptions: { sealed: true } });

    test('sees that it is sealed and who may unseal it, without an unseal form', async ({ page }) => {
      await signIn(page, 'alice', 'alice-pass', toSecrets('/secrets?path=group'));
      await expect(page.getByRole('button', { name: 'Secret store: Sealed' })).toBeVisible();
      await expect(page.getByText('A superuser must unseal it.')).toBeVisible();
      await expect(page.getByRole('region', { name: 'Secret store', exact: true })).toContainText(
        'Secret store sealed.',
      );
      await expect(page.getByRole('form', { name: 'Unseal' })).toHaveCount(0);
      await expect(page.getByLabel('Unseal key share')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Submit key share' })).toHaveCount(0);
      await page.getByRole('button', { name: 'Secret store: Sealed' }).click();
      await expect(page.getByRole('menu').getByRole('menuitem')).toHaveText(['Check the state again']);
    });
  });
});
