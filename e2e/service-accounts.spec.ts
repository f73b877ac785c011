import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { chooseBulkGroup } from './bulk.ts';
import { expect, injectFault, signIn, test } from './fixtures.ts';

test.describe('Service accounts', () => {
  test('created with a key pair generated in the browser: the private key is shown once, with copy and download', async ({
    page,
    consoleErrors,
  }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fservice-accounts');
    await page.getByRole('button', { name: 'Create service account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create service account' });
    await dialog.getByLabel('Service account ID').fill('ci-runner');
    await dialog.getByLabel('Description').fill('CI runner');
    await expect(dialog.getByLabel('Generate in this browser (RSA 2048)')).toBeChecked();
    await dialog.getByRole('button', { name: 'Create service account' }).click();

    const keyDialog = page.getByRole('dialog', { name: 'Private key of ci-runner' });
    await expect(keyDialog.getByText('it cannot be shown again')).toBeVisible();
    const privateKey = await keyDialog.getByLabel('Private key', { exact: true }).inputValue();
    expect(privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const download = page.waitForEvent('download');
    await keyDialog.getByRole('button', { name: 'Download ci-runner-private-key.pem' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('ci-runner-private-key.pem');
    expect(await readFile(await file.path(), 'utf8')).toBe(privateKey);
    await keyDialog.getByRole('button', { name: 'I have saved it' }).click();

    await expect(page).toHaveURL('/organization/service-accounts/ci-runner');
    await expect(page.getByLabel('Public key PEM')).toContainText('-----BEGIN PUBLIC KEY-----');
    await expect(page.getByText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)).toBeVisible();
    // The private key went nowhere else: not to storage, not to the console.
    const stored = await page.evaluate(() =>
      JSON.stringify([Object.values(localStorage), Object.values(sessionStorage)]),
    );
    expect(stored).not.toContain('PRIVATE KEY');
    expect(consoleErrors.join('\n')).not.toContain('PRIVATE KEY');
  });

  test('created with a pasted public key; a private key or garbage is refused at the field before sending', async ({
    page,
  }) => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    let puts = 0;
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().includes('/users/')) puts += 1;
    });
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fservice-accounts');
    await page.getByRole('button', { name: 'Create service account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create service account' });
    await dialog.getByLabel('Service account ID').fill('backup-job');
    await dialog.getByLabel('Paste a public key').check();
    const field = dialog.getByLabel('Public key (PEM)');
    await field.fill(privateKey);
    await dialog.getByRole('button', { name: 'Create service account' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/private key/i);
    await field.fill('not a key');
    await dialog.getByRole('button', { name: 'Create service account' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(puts).toBe(0);

    await field.fill(publicKey);
    await dialog.getByRole('button', { name: 'Create service account' }).click();
    await expect(page).toHaveURL('/organization/service-accounts/backup-job');
    await expect(page.getByLabel('Public key PEM')).toContainText(publicKey.split('\n')[1] ?? '');
  });

  test('a pasted key the IAM refuses (400 ERR_INVALID_PUBLIC_KEY) is reported at the key field, and the form is kept', async ({
    page,
  }) => {
    const { publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fservice-accounts');
    await injectFault(page, {
      path: '/acs/api/v1/users/backup-job',
      method: 'PUT',
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        title: 'Bad Request',
        description: 'Invalid public key: RSA keys must be at least 4096 bits on this cluster',
        code: 'ERR_INVALID_PUBLIC_KEY',
      }),
      count: 1,
    });
    await page.getByRole('button', { name: 'Create service account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create service account' });
    await dialog.getByLabel('Service account ID').fill('backup-job');
    await dialog.getByLabel('Paste a public key').check();
    const field = dialog.getByLabel('Public key (PEM)');
    await field.fill(publicKey);
    await dialog.getByRole('button', { name: 'Create service account' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/RSA keys must be at least 4096 bits on this cluster/);
    await expect(dialog.getByLabel('Service account ID')).toHaveValue('backup-job');
    await expect(field).toHaveValue(publicKey);
  });

  test('the dcos_ prefix is reserved, and component accounts need their uid typed to delete or change memberships', async ({
    page,
  }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fservice-accounts');
    await expect(page.getByRole('grid', { name: 'Service accounts' }).getByText('system').first()).toBeVisible();
    await page.getByRole('button', { name: 'Create service account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create service account' });
    await dialog.getByLabel('Service account ID').fill('dcos_mine');
    await dialog.getByRole('button', { name: 'Create service account' }).click();
    await expect(dialog.getByText(/dcos_ prefix is reserved/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.goto('/organization/service-accounts/dcos_marathon');
    await expect(page.getByText('DC/OS component account.')).toBeVisible();
    await page.getByRole('button', { name: 'Delete service account' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete service account dcos_marathon?' });
    await expect(confirm.getByRole('button', { name: 'Delete service account' })).toBeDisabled();
    await confirm.getByLabel('Type dcos_marathon to confirm').fill('dcos_marath');
    await expect(confirm.getByRole('button', { name: 'Delete service account' })).toBeDisabled();
    await confirm.getByRole('button', { name: 'Cancel' }).click();

    await page
      .getByRole('navigation', { name: / sections$/ })
      .getByRole('link', { name: 'Groups' })
      .click();
    await page.getByLabel('Find a group').fill('developers');
    await page.getByRole('button', { name: 'Add to developers' }).click();
    const membership = page.getByRole('dialog', { name: 'Add dcos_marathon to developers?' });
    await expect(membership.getByRole('button', { name: 'Add to group' })).toBeDisabled();
    await membership.getByLabel('Type dcos_marathon to confirm').fill('dcos_marathon');
    await membership.getByRole('button', { name: 'Add to group' }).click();
    await expect(page.getByRole('link', { name: 'developers' })).toBeVisible();
  });

  test('a bulk change over a selection that holds dcos_ accounts stays locked until their uids are typed', async ({
    page,
  }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fservice-accounts');
    const grid = page.getByRole('grid', { name: 'Service accounts' });
    await grid.getByRole('checkbox', { name: 'Select dcos_marathon' }).click();
    await grid.getByRole('checkbox', { name: 'Select jenkins' }).click();
    await chooseBulkGroup(page, 'Add to group…', 'Add 2 service accounts to a group', 'data-science');

    const confirm = page.getByRole('dialog', { name: 'Add 2 service accounts to data-science?' });
    await expect(confirm).toContainText('dcos_marathon is a DC/OS component account');
    const add = confirm.getByRole('button', { name: 'Add to group' });
    await expect(add).toBeDisabled();
    await confirm.getByLabel('Type dcos_marathon to confirm').fill('dcos_marath');
    await expect(add).toBeDisabled();
    await expect(page.getByRole('region', { name: 'Bulk action progress' })).toHaveCount(0);
    await confirm.getByLabel('Type dcos_marathon to confirm').fill('dcos_marathon');
    await add.click();
    const panel = page.getByRole('region', { name: 'Bulk action progress' });
    await expect(panel.getByRole('status')).toHaveText('Finished: 2 succeeded, 0 failed.');
    await panel.getByRole('button', { name: 'Close' }).click();

    // Delete over a selection with two component accounts needs both uids.
    await grid.getByRole('checkbox', { name: 'Select dcos_marathon' }).click();
    await grid.getByRole('checkbox', { name: 'Select dcos_metronome' }).click();
    await page.getByRole('button', { name: 'Delete…' }).click();
    const deletion = page.getByRole('dialog', { name: 'Delete 2 service accounts?' });
    const typed = deletion.getByLabel('Type dcos_marathon, dcos_metronome to confirm');
    await typed.fill('dcos_marathon');
    await expect(deletion.getByRole('button', { name: 'Delete 2 service accounts' })).toBeDisabled();
    await typed.fill('dcos_marathon, dcos_metronome');
    await expect(deletion.getByRole('button', { name: 'Delete 2 service accounts' })).toBeEnabled();
    await deletion.getByRole('button', { name: 'Cancel' }).click();
    await expect(grid.getByRole('link', { name: 'dcos_metronome' })).toBeVisible();
  });

  test('typing the full uid of a dcos_ account enables Delete on its page, and deletes it', async ({ page }) => {
    await signIn(
      page,
      'bootstrapuser',
      'deleteme',
      '/login?redirect=%2Forganization%2Fservice-accounts%2Fdcos_metronome',
    );
    await page.getByRole('button', { name: 'Delete service account' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete service account dcos_metronome?' });
    const remove = confirm.getByRole('button', { name: 'Delete service account' });
    await expect(remove).toBeDisabled();
    await confirm.getByLabel('Type dcos_metronome to confirm').fill('dcos_metronome');
    await expect(remove).toBeEnabled();
    await remove.click();
    await expect(page).toHaveURL('/organization/service-accounts');
    await expect(
      page.getByRole('grid', { name: 'Service accounts' }).getByRole('link', { name: 'dcos_marathon' }),
    ).toBeVisible();
    await expect(
      page.getByRole('grid', { name: 'Service accounts' }).getByRole('link', { name: 'dcos_metronome' }),
    ).toHaveCount(0);
  });
});
