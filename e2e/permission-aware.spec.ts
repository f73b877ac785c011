import { expect, signIn, test } from './fixtures.ts';

// Issue 19, finding 4: where the console knows the signed-in account lacks a permission (its own
// /users/{uid}/permissions), it leaves the action out or disables it and names the permission, instead of offering
// a button or a form the cluster can only refuse. alice may list the secrets under group/ and read one of them.

test.describe('As alice, who may only read one secret and configure nothing', () => {
  test('a secret she may read: Reveal works, Delete is disabled and Replace is replaced by the missing permission', async ({
    page,
  }) => {
    await signIn(page, 'alice', 'alice-pass');
    await page.goto('/secrets/view/group/spark/aws-secret-key');
    const del = page.getByRole('button', { name: 'Delete secret' });
    await expect(del).toBeDisabled();
    await expect(del).toHaveAccessibleDescription(
      /dcos:secrets:default:\/group\/spark\/aws-secret-key delete, which your account does not hold/,
    );
    await expect(
      page.getByText(
        /Replacing the value needs the permission dcos:secrets:default:\/group\/spark\/aws-secret-key update/,
      ),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save new value' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect(page.getByLabel('Secret value')).toBeVisible();
  });

  test('a secret she may list but not read: Reveal, Copy and Download are disabled and say why', async ({ page }) => {
    await signIn(page, 'alice', 'alice-pass');
    await page.goto('/secrets/view/group/spark/config/log-level');
    for (const name of ['Reveal', 'Copy', 'Download']) {
      await expect(page.getByRole('button', { name })).toBeDisabled();
      await expect(page.getByRole('button', { name })).toHaveAccessibleDescription(
        /Reading the value needs the permission dcos:secrets:default:\/group\/spark\/config\/log-level read/,
      );
    }
  });

  test('identity providers: the list shows without Add or Delete, and a create form is not offered', async ({
    page,
  }) => {
    await signIn(page, 'alice', 'alice-pass');
    await page.goto('/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Identity providers' })).toBeVisible();
    await expect(
      page.getByText(/Adding, changing or deleting identity providers needs the permission dcos:adminrouter:acs full/),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Add OIDC provider' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Delete provider/ })).toHaveCount(0);
    // She may look, not change: the row's link says View.
    await expect(page.getByRole('link', { name: 'View google-idp — Google' })).toBeVisible();
    await page.goto('/settings/new/oidc');
    await expect(
      page.getByText(/Adding an identity provider needs the permission dcos:adminrouter:acs full/),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: /Save|Create|Add/ })).toHaveCount(0);
  });
});

test('a superuser is offered every action on the same pages', async ({ page }) => {
  await signIn(page);
  await page.goto('/secrets/view/group/spark/aws-secret-key');
  await expect(page.getByRole('button', { name: 'Delete secret' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Save new value' })).toBeVisible();
  await page.goto('/settings');
  await expect(page.getByRole('link', { name: 'Add OIDC provider' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Delete provider/ }).first()).toBeVisible();
  await page.goto('/secrets');
  await page.getByRole('button', { name: 'Secret store: Unsealed' }).click();
  await expect(page.getByRole('menuitem', { name: 'Seal the store…' })).toBeVisible();
});

test.describe('with a sealed store', () => {
  test.use({ simOptions: { sealed: true } });

  test('alice may read a secret, yet its value actions wait for the unseal, saying why, and she is offered no unseal', async ({
    page,
  }) => {
    await signIn(page, 'alice', 'alice-pass');
    await page.goto('/secrets/view/group/spark/aws-secret-key');
    for (const name of ['Reveal', 'Copy', 'Download']) {
      await expect(page.getByRole('button', { name })).toBeDisabled();
      await expect(page.getByRole('button', { name })).toHaveAccessibleDescription(/The secret store is sealed/);
    }
    await expect(page.getByText('A superuser must unseal it.')).toBeVisible();
    await expect(page.getByLabel('Unseal key share')).toHaveCount(0);
  });
});
