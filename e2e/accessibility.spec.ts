import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`In the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the sign-in page has no axe violations, also when showing errors', async ({ page }) => {
      await page.goto('/login');
      await expect(page.getByRole('heading', { name: 'Sign in to DC/OS' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('Enter your username.')).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the overview has no axe violations, nor its open user menu', async ({ page }) => {
      await signIn(page);
      await expect(page.getByRole('region', { name: 'Security mode' })).toContainText('strict mode.');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: /^Account:/ }).click();
      await expect(page.getByRole('menu', { name: 'Account' })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    for (const path of [
      '/organization/users',
      '/organization/users/alice',
      '/organization/users/alice/groups',
      '/organization/users/alice/permissions',
      '/organization/groups',
      '/organization/groups/superusers/users',
      '/organization/groups/superusers/permissions',
      '/organization/service-accounts',
      '/organization/service-accounts/dcos_marathon',
      '/secrets',
      '/secrets?path=group%2Fspark',
      '/secrets/view/group/spark/aws-secret-key',
      '/secrets/new',
      '/permissions',
      '/permissions/acls/dcos:service:marathon:marathon:services:/dev',
      '/permissions/check?uid=carol&rid=dcos%3Aservice%3Amarathon%3Amarathon%3Aservices%3A%2Fdev%2Fapp&action=update',
      '/permissions/check?uid=bob&rid=dcos%3Aadminrouter%3Aops%3Ametadata&action=full',
    ]) {
      test(`${path} has no axe violations`, async ({ page }) => {
        await signIn(page, 'bootstrapuser', 'deleteme', `/login?redirect=${encodeURIComponent(path)}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
        await expectNoAxeViolations(page);
      });
    }

    test('the create-user dialog with errors has no axe violations', async ({ page }) => {
      await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers');
      await page.getByRole('button', { name: 'Create user' }).click();
      await page.getByRole('dialog', { name: 'Create user' }).getByRole('button', { name: 'Create user' }).click();
      await expect(page.getByText('Enter a user ID.')).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the grant-permission dialog, with its builder and errors, has no axe violations', async ({ page }) => {
      await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers%2Fbob%2Fpermissions%3Fgrant%3D');
      const dialog = page.getByRole('dialog', { name: 'Grant a permission to bob' });
      await dialog.getByLabel('Search resources').fill('marathon services');
      await dialog.getByRole('radio', { name: /services:\/\[<service-group>\]/ }).check();
      await dialog.getByRole('button', { name: 'Grant' }).click();
      await expect(dialog.getByText('Choose at least one action.')).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the banner of a permissive cluster and of an unknown mode have no axe violations', async ({ page }) => {
      await signIn(page, 'bob', 'bob-pass');
      await expect(page.getByRole('region', { name: 'Security mode' })).toContainText('Security mode unknown.');
      await expectNoAxeViolations(page);
    });
  });
}
