import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';

const toSecrets = (path = '/secrets') => `/login?redirect=${encodeURIComponent(path)}`;

/** Reveal, Copy, Download, Save and Delete disabled, each saying the store is sealed. */
async function expectValueActionsWaitForUnseal(page: Page) {
  for (const name of ['Reveal', 'Copy', 'Download']) {
    await expect(page.getByRole('button', { name })).toBeDisabled();
    await expect(page.getByRole('button', { name })).toHaveAccessibleDescription(
      /The secret store is sealed: the value can be neither read nor replaced/,
    );
  }
  await expect(page.getByRole('button', { name: 'Save new value' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save new value' })).toHaveAccessibleDescription(
    /saving waits until it is unsealed/,
  );
  await expect(page.getByRole('button', { name: 'Delete secret' })).toBeDisabled();
}

test.describe('Secrets', () => {
  test('create, reveal, hide, edit and delete a text secret', async ({ page, consoleErrors }) => {
    const value = 'line one\nsuper-secret-value-42';
    await signIn(page, 'bootstrapuser', 'deleteme', toSecrets('/secrets?path=group%2Fspark'));
    await page.getByRole('link', { name: 'Create secret' }).click();
    await expect(page.getByLabel('Path')).toHaveValue('group/spark/');
    await page.getByLabel('Path').fill('group/spark/new-token');
    await page.getByRole('textbox', { name: 'Value', exact: true }).fill(value);
    await page.getByLabel('Description').fill('Token of the new Spark job');
    await page.getByLabel('Labels').fill('spark, ci');
    await page.getByRole('button', { name: 'Create secret' }).click();
    await expect(page).toHaveURL('/secrets/view/group/spark/new-token');

    // Masked and not fetched until Reveal.
    let fetched = 0;
    page.on('request', (r) => {
      if (r.method() === 'GET' && r.url().endsWith('/secrets/v1/secret/default/group/spark/new-token')) fetched += 1;
    });
    await expect(page.getByLabel('Masked value')).toBeVisible();
    await expect(page.getByText('super-secret-value-42')).toHaveCount(0);
    expect(fetched).toBe(0);
    await expect(
      page.getByText('Services whose ID is /group/spark or lies under /group/spark/ may read this secret'),
    ).toBeVisible();
    // The value comes first; the explanation of spaces is folded until asked for.
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Value');
    await expect(page.getByRole('table')).toBeHidden();
    await page.getByText('How DC/OS spaces work').click();
    await expect(page.getByRole('table')).toBeVisible();

    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect(page.getByLabel('Secret value')).toHaveText(value);
    expect(fetched).toBe(1);
    await expect(page.getByText('Token of the new Spark job')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Labels' }).getByRole('listitem')).toHaveText(['spark', 'ci']);
    await page.getByRole('button', { name: 'Hide' }).click();
    await expect(page.getByText('super-secret-value-42')).toHaveCount(0);
    const stored = await page.evaluate(() =>
      JSON.stringify([Object.values(localStorage), Object.values(sessionStorage), document.cookie, location.href]),
    );
    expect(stored).not.toContain('super-secret-value-42');

    await page.getByRole('textbox', { name: 'Value', exact: true }).fill('rotated-value');
    await page.getByRole('button', { name: 'Save new value' }).click();
    await expect(page.getByRole('status').getByText('Saved a new value for group/spark/new-token.')).toBeVisible();
    // Saved, the new value leaves the box: the value above is masked, and so it is here.
    await expect(page.getByRole('textbox', { name: 'Value', exact: true })).toHaveValue('');
    await expect(page.getByText('rotated-value')).toHaveCount(0);
    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect(page.getByLabel('Secret value')).toHaveText('rotated-value');

    await page.getByRole('button', { name: 'Delete secret' }).click();
    await page
      .getByRole('dialog', { name: 'Delete secret group/spark/new-token?' })
      .getByRole('button', { name: 'Delete secret' })
      .click();
    await expect(page).toHaveURL('/secrets?path=group%2Fspark');
    await expect(page.getByRole('grid', { name: 'Secrets' }).getByText('new-token')).toHaveCount(0);
    expect(consoleErrors.join('\n')).not.toContain('super-secret-value-42');
  });

  test('a binary file uploads and downloads byte for byte', async ({ page }) => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256));
    await signIn(page, 'bootstrapuser', 'deleteme', toSecrets('/secrets/new'));
    await page.getByLabel('Path').fill('hdfs/new-keytab');
    await page.getByLabel('File (any bytes)').check();
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'krb5.keytab', mimeType: 'application/octet-stream', buffer: bytes });
    await page.getByRole('button', { name: 'Create secret' }).click();
    await expect(page).toHaveURL('/secrets/view/hdfs/new-keytab');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('new-keytab');
    expect(Buffer.compare(await readFile(await file.path()), bytes)).toBe(0);
    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect(page.getByText('File secret, 4.0 KiB: download it to see its bytes.')).toBeVisible();
  });

  test('over 1 MB is refused in the browser, with the size, before any upload', async ({ page }) => {
    let puts = 0;
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().includes('/secrets/v1/secret/')) puts += 1;
    });
    await signIn(page, 'bootstrapuser', 'deleteme', toSecrets('/secrets/new'));
    await page.getByLabel('Path').fill('big/file');
    await page.getByLabel('File (any bytes)').check();
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({
        name: 'big.bin',
        mimeType: 'application/octet-stream',
        buffer: Buffer.alloc(1024 * 1024 - 1023),
      });
    await page.getByRole('button', { name: 'Create secret' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'This secret is 1,047,553 bytes (1023.0 KiB); the secret store takes at most 1,047,552 bytes (1 MiB less 1 KiB of metadata).',
    );
    expect(puts).toBe(0);
  });

  test('an existing path is reported with a link to open it, and a bad path is explained', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', toSecrets('/secrets/new'));
    await page.getByLabel('Path').fill('/leading/slash');
    await page.getByRole('textbox', { name: 'Value', exact: true }).fill('x');
    await page.getByRole('button', { name: 'Create secret' }).click();
    await expect(page.getByText('No / at the start or the end.')).toBeVisible();
    await page.getByLabel('Path').fill('db-password');
    await page.getByRole('button', { name: 'Create secret' }).click();
    await expect(page.getByRole('alert')).toContainText('A secret already exists at this path.');
    await page.getByRole('link', { name: 'Open db-password' }).click();
    await expect(page).toHaveURL('/secrets/view/db-password');
  });

  test('folders and search live in the URL; search matches anywhere in the path', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', toSecrets());
    const grid = page.getByRole('grid', { name: 'Secrets' });
    await grid.getByRole('link', { name: 'group/' }).click();
    await expect(page).toHaveURL('/secrets?path=group');
    await grid.getByRole('link', { name: 'spark/' }).click();
    await expect(page.getByRole('navigation', { name: 'Folder' })).toContainText('group / spark');
    await page.reload();
    await expect(grid.getByRole('link', { name: 'aws-secret-key' })).toBeVisible();
    await page.getByLabel('Search all paths').fill('level');
    await expect(grid.getByRole('link', { name: 'group/spark/config/log-level' })).toBeVisible();
    // The search reaches the URL once typing pauses (a navigation per keystroke was too slow for 10,000 rows).
    await expect(page).toHaveURL(/[?&]q=level(&|$)/);
    await page.reload();
    await expect(page.getByLabel('Search all paths')).toHaveValue('level');
  });

  test('an account that may not list gets "open a secret by path" instead of a dead end', async ({ page }) => {
    await signIn(page, 'bob', 'bob-pass', toSecrets());
    await expect(page.getByRole('alert')).toContainText(
      'Your account may not list secrets (it needs dcos:secrets:list:default:/ read).',
    );
    await page.getByLabel('Secret path').fill('db-password');
    await page.getByRole('button', { name: 'Open secret' }).click();
    await expect(page).toHaveURL('/secrets/view/db-password');
    // The console knows bob may not read it (issue 19): Reveal is disabled and names the permission; the store, asked
    // anyway, refuses.
    await expect(page.getByRole('button', { name: 'Reveal' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Reveal' })).toHaveAccessibleDescription(
      /needs the permission dcos:secrets:default:\/db-password read/,
    );
    expect(
      (
        await page.request.get('/secrets/v1/secret/default/db-password', {
          headers: { 'X-Requested-With': 'dcos-console' },
        })
      ).status(),
    ).toBe(403);
  });

  test('an account that may list only a folder browses that folder instead of hitting the root wall', async ({
    page,
  }) => {
    // The seed grants alice dcos:secrets:list:default:/group read, and nothing on the whole store. Nor may she list the
    // stores: DC/OS refuses GET /secrets/v1/store to anyone without dcos:superuser (issue 20), and the console never asks.
    const storeAsked: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/secrets/v1/store')) storeAsked.push(r.url());
    });
    await signIn(page, 'alice', 'alice-pass', toSecrets());
    expect(
      (await page.request.get('/secrets/v1/store', { headers: { 'X-Requested-With': 'dcos-console' } })).status(),
    ).toBe(403);
    await expect(page.getByRole('button', { name: 'Secret store: Unsealed' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(
      'Your account may not list secrets (it needs dcos:secrets:list:default:/ read).',
    );
    await page.getByLabel('Folder path').fill('group');
    await page.getByRole('button', { name: 'Open folder' }).click();
    await expect(page).toHaveURL('/secrets?path=group');
    await expect(
      page.getByText('Your account may not list the whole store: this shows group and what lies below it.'),
    ).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Secrets' });
    await grid.getByRole('link', { name: 'spark/' }).click();
    await expect(page).toHaveURL('/secrets?path=group%2Fspark');
    await expect(grid.getByRole('link', { name: 'config/' })).toBeVisible();
    await grid.getByRole('link', { name: 'aws-secret-key' }).click();
    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect(page.getByLabel('Secret value')).not.toBeEmpty();
    expect(storeAsked).toEqual([]);
  });

  test('a refused folder names the permission it needs', async ({ page }) => {
    await signIn(page, 'bob', 'bob-pass', toSecrets('/secrets?path=group%2Fspark'));
    await expect(page.getByRole('alert')).toContainText(
      'Your account may not list secrets in group/spark (it needs dcos:secrets:list:default:/group/spark read).',
    );
    await expect(page.getByLabel('Secret path')).toBeVisible();
  });

  test('bulk delete reports each secret', async ({ page }) => {
    await signIn(page, 'bootstrapuser', 'deleteme', toSecrets('/secrets?view=flat'));
    const grid = page.getByRole('grid', { name: 'Secrets' });
    await grid.getByRole('checkbox', { name: 'Select db-password' }).click();
    await grid.getByRole('checkbox', { name: 'Select jenkins/private-key' }).click();
    await page.getByRole('button', { name: 'Delete selected…' }).click();
    await page
      .getByRole('dialog', { name: 'Delete 2 secrets?' })
      .getByRole('button', { name: 'Delete 2 secrets' })
      .click();
    await expect(page.getByRole('region', { name: 'Bulk action progress' }).getByRole('status')).toHaveText(
      'Finished: 2 succeeded, 0 failed.',
    );
    await expect(grid.getByText('db-password')).toHaveCount(0);
  });

  test.describe('with 10,000 paths', () => {
    test.use({ simOptions: { secrets: 10_000 } });

    test('search across every path keeps the DOM bounded', async ({ page }) => {
      await signIn(page, 'bootstrapuser', 'deleteme', toSecrets('/secrets?view=flat'));
      const grid = page.getByRole('grid', { name: 'Secrets' });
      await expect(grid).toHaveAttribute('aria-rowcount', /^100\d\d$/);
      expect(await grid.getByRole('row').count()).toBeLessThan(60);
      await page.getByLabel('Search all paths').fill('prod');
      await expect(page.getByText(/of 100\d\d paths match/)).toBeVisible();
      expect(await grid.getByRole('row').count()).toBeLessThan(60);
      const texts = (await grid.getByRole('row').allTextContents()).slice(1);
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) expect(text).toContain('prod');
      expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(1500);
    });
  });

  test.describe('a store that starts sealed', () => {
    test.use({ simOptions: { sealed: true } });

    test('the list is not asked for while sealed, and appears on unseal', async ({ page, simDb }) => {
      const lists: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('?list=true')) lists.push(r.url());
      });
      await signIn(page, 'bootstrapuser', 'deleteme', toSecrets());
      await expect(
        page.getByRole('status').filter({ hasText: 'The secret store is sealed: unseal it to browse secrets.' }),
      ).toBeVisible();
      await expect(page.getByText('Could not list the secrets')).toHaveCount(0);
      await expect(page.getByRole('grid', { name: 'Secrets' })).toHaveCount(0);
      expect(lists).toEqual([]);

      await page.getByLabel('Unseal key share').fill(simDb.unsealKeys?.[0] ?? '');
      await page.getByRole('button', { name: 'Submit key share' }).click();
      await expect(
        page.getByRole('grid', { name: 'Secrets' }).getByRole('link', { name: 'db-password' }),
      ).toBeVisible();
      await expect(page.getByText('The secret store is sealed')).toHaveCount(0);
    });

    test('the page of a secret says why its value cannot be read, and reads it once unsealed', async ({
      page,
      simDb,
    }) => {
      const reads: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/secrets/v1/secret/')) reads.push(`${r.method()} ${r.url()}`);
      });
      await signIn(page, 'bootstrapuser', 'deleteme', toSecrets('/secrets/view/db-password'));
      await expect(
        page
          .getByRole('status')
          .filter({ hasText: 'The secret store is sealed: unseal it to read or change this secret.' }),
      ).toBeVisible();
      // Every value action waits, saying why; the same after a reload, which asks the cluster again.
      await expectValueActionsWaitForUnseal(page);
      await page.reload();
      await expect(
        page
          .getByRole('status')
          .filter({ hasText: 'The secret store is sealed: unseal it to read or change this secret.' }),
      ).toBeVisible();
      await expectValueActionsWaitForUnseal(page);
      expect(reads).toEqual([]);
      await page.getByLabel('Unseal key share').fill(simDb.unsealKeys?.[0] ?? '');
      await page.getByRole('button', { name: 'Submit key share' }).click();
      await expect(page.getByText('The secret store is sealed')).toHaveCount(0);
      await page.getByRole('button', { name: 'Reveal' }).click();
      await expect(page.getByLabel('Secret value')).toHaveText('Pg-8r!ck-Lantern-42');
    });

    test('create keeps what was typed and sends it once unsealed', async ({ page, simDb }) => {
      await signIn(page, 'bootstrapuser', 'deleteme', toSecrets('/secrets/new'));
      await page.getByLabel('Path').fill('sealed/new-token');
      await page.getByRole('textbox', { name: 'Value', exact: true }).fill('typed-while-sealed');
      await expect(
        page.getByRole('status').filter({ hasText: 'The secret store is sealed: unseal it to create secrets.' }),
      ).toBeVisible();
      await expect(page.getByRole('button', { name: 'Create secret' })).toBeDisabled();

      await page.getByLabel('Unseal key share').fill(simDb.unsealKeys?.[0] ?? '');
      await page.getByRole('button', { name: 'Submit key share' }).click();
      await expect(page.getByText('The secret store is sealed')).toHaveCount(0);
      await expect(page.getByRole('textbox', { name: 'Value', exact: true })).toHaveValue('typed-while-sealed');
      await page.getByRole('button', { name: 'Create secret' }).click();
      await expect(page).toHaveURL('/secrets/view/sealed/new-token');
      await page.getByRole('button', { name: 'Reveal' }).click();
      await expect(page.getByLabel('Secret value')).toHaveText('typed-while-sealed');
    });
  });

  test.describe('a store sealed with two shares of three', () => {
    test.use({ simOptions: { sealed: true, sealThreshold: 2, sealShares: 3 } });

    test('the chip’s menu unseals it too, in a dialog that counts the shares and closes once unsealed', async ({
      page,
      simDb,
    }) => {
      const keys = simDb.unsealKeys ?? [];
      await signIn(page, 'bootstrapuser', 'deleteme', toSecrets());
      await page.getByRole('button', { name: 'Secret store: Sealed' }).click();
      await expect(page.getByRole('menu')).toContainText('Sealed. 0 key shares of 2 entered.');
      await page.getByRole('menuitem', { name: 'Unseal…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Unseal the secret store' });
      await dialog.getByLabel('Unseal key share').fill(keys[1] ?? '');
      await dialog.getByRole('button', { name: 'Submit key share' }).click();
      await expect(dialog.getByText('Key shares entered: 1 of 2 needed.')).toBeVisible();
      await dialog.getByLabel('Unseal key share').fill(keys[0] ?? '');
      await dialog.getByRole('button', { name: 'Submit key share' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(page.getByRole('status').getByText('Unsealed the secret store.')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Secret store: Unsealed' })).toBeFocused();
      await expect(page.getByRole('grid', { name: 'Secrets' })).toBeVisible();
    });
  });

  test.describe('sealing', () => {
    test.use({ simOptions: { sealThreshold: 2, sealShares: 3 } });

    test('a superuser seals the store and unseals it share by share; a wrong share is refused', async ({
      page,
      simDb,
    }) => {
      const keys = simDb.unsealKeys ?? [];
      expect(keys).toHaveLength(3);
      await signIn(page, 'bootstrapuser', 'deleteme', toSecrets());
      // The state is one chip in the header; its actions are in its menu.
      await page.getByRole('button', { name: 'Secret store: Unsealed' }).click();
      await page.getByRole('menuitem', { name: 'Seal the store…' }).click();
      // DC/OS answers the seal with 204 and no body (issue 20); the console reads the status afterwards.
      const sealed = page.waitForResponse(
        (r) => r.url().endsWith('/secrets/v1/seal/default') && r.request().method() === 'PUT',
      );
      await page
        .getByRole('dialog', { name: 'Seal the secret store?' })
        .getByRole('button', { name: 'Seal the store' })
        .click();
      expect((await sealed).status()).toBe(204);
      await expect(page.getByRole('button', { name: 'Secret store: Sealed' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Secret store', exact: true })).toContainText(
        'Secret store sealed.',
      );
      await expect(page.getByText('Key shares entered: 0 of 2 needed.')).toBeVisible();

      // A wrong key is a 500 from DC/OS: said as the store refusing the share, not as a broken cluster.
      await page.getByLabel('Unseal key share').fill('not-a-key');
      await page.getByRole('button', { name: 'Submit key share' }).click();
      await expect(page.getByRole('form', { name: 'Unseal' }).getByRole('alert')).toContainText(
        'The secret store did not accept this key share (HTTP 500): check it and enter it again.',
      );
      await expect(page.getByText('Key shares entered: 0 of 2 needed.')).toBeVisible();

      await page.getByLabel('Unseal key share').fill(keys[0] ?? '');
      await page.getByRole('button', { name: 'Submit key share' }).click();
      await expect(page.getByText('Key shares entered: 1 of 2 needed.')).toBeVisible();
      await page.getByLabel('Unseal key share').fill(keys[2] ?? '');
      await page.getByRole('button', { name: 'Submit key share' }).click();
      await expect(page.getByRole('button', { name: 'Secret store: Unsealed' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Secret store', exact: true })).toHaveCount(0);
      await expect(page.getByRole('grid', { name: 'Secrets' })).toBeVisible();
    });
  });
});

test('a generated service-account key can be stored as a secret in the DC/OS format', async ({ page }) => {
  await signIn(page, 'bootstrapuser', 'deleteme', toSecrets('/organization/service-accounts'));
  await page.getByRole('button', { name: 'Create service account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create service account' });
  await dialog.getByLabel('Service account ID').fill('etl-job');
  await dialog.getByRole('button', { name: 'Create service account' }).click();
  const keyDialog = page.getByRole('dialog', { name: 'Private key of etl-job' });
  await expect(keyDialog.getByLabel('Store it as a secret at')).toHaveValue('etl-job/private-key');
  await keyDialog.getByRole('button', { name: /^Store as secret/ }).click();
  await expect(keyDialog.getByText('Stored as secret etl-job/private-key.')).toBeVisible();
  await keyDialog.getByRole('button', { name: 'I have saved it' }).click();
  await page.goto('/secrets/view/etl-job/private-key');
  await page.getByRole('button', { name: 'Reveal' }).click();
  const stored = JSON.parse((await page.getByLabel('Secret value').textContent()) ?? '{}') as Record<string, string>;
  expect(stored).toMatchObject({
    uid: 'etl-job',
    scheme: 'RS256',
    login_endpoint: 'https://leader.mesos/acs/api/v1/auth/login',
  });
  expect(stored.private_key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
});
