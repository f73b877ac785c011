import { expectNoAxeViolations } from './axe.ts';
import { clearFaults, expect, injectFault, signIn, test } from './fixtures.ts';

// The Permissions tab's forms and dialogs in the states the page samples (accessibility.spec.ts) do not reach.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`In the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    // Each test signs in and runs two or three full axe scans: as in accessibility.spec.ts, more time than a plain
    // test (they took 24 s of the default 30 on a quiet CI machine and timed out on a busy one).
    test.beforeEach(() => {
      test.slow();
    });

    test('the bulk form with errors and the bulk progress panel with a failed line have no axe violations', async ({
      page,
    }) => {
      await signIn(
        page,
        'bootstrapuser',
        'deleteme',
        '/login?redirect=%2Forganization%2Fusers%2Fbob%2Fpermissions%3Fbulk%3D1',
      );
      await page
        .getByLabel('Permission lines')
        .fill('dcos:adminrouter:ops:metadata full\ndcos:adminrouter:service:marathon read\nnot-a-rid full');
      await page.getByRole('button', { name: 'Check and apply' }).click();
      await expect(page.getByRole('alert')).toContainText('2 of 3 lines cannot be applied');
      await expectNoAxeViolations(page, 'bulk form with errors');

      await page
        .getByLabel('Permission lines')
        .fill('dcos:adminrouter:ops:metadata full\ndcos:adminrouter:ops:mesos full');
      await injectFault(page, {
        path: '/acs/api/v1/acls/dcos:adminrouter:ops:mesos/users/bob/full',
        method: 'PUT',
        status: 503,
        body: 'Datastore is read-only',
        contentType: 'text/plain',
      });
      await page.getByRole('button', { name: 'Check and apply' }).click();
      const progress = page.getByRole('region', { name: 'Bulk action progress' });
      await expect(progress.getByRole('status')).toHaveText('Finished: 1 succeeded, 1 failed.');
      await expectNoAxeViolations(page, 'bulk progress with a failed line');
      await clearFaults(page);
    });

    test('the revoke confirm dialog, plain and with a refusal, has no axe violations', async ({ page }) => {
      await signIn(
        page,
        'bootstrapuser',
        'deleteme',
        '/login?redirect=%2Forganization%2Fgroups%2Fsuperusers%2Fpermissions',
      );
      await page.getByRole('button', { name: 'Revoke all on dcos:superuser' }).click();
      const dialog = page.getByRole('dialog', { name: 'Revoke every action?' });
      await expect(dialog).toContainText('group superusers loses every action on dcos:superuser.');
      await expectNoAxeViolations(page, 'revoke confirm');
      await dialog.getByRole('button', { name: 'Revoke' }).click();
      await expect(dialog.getByRole('alert')).toContainText('must have `full` permission');
      await expectNoAxeViolations(page, 'revoke confirm with a refusal');

      // A component account's revoke asks for its uid to be typed.
      await page.goto('/permissions/acls/dcos:mesos:master:task:user:nobody');
      await page.getByRole('button', { name: 'Revoke all from dcos_metronome' }).click();
      await expect(
        page.getByRole('dialog', { name: 'Revoke every action?' }).getByLabel('Type dcos_metronome to confirm'),
      ).toBeVisible();
      await expectNoAxeViolations(page, 'revoke confirm with typing');
    });
  });
}
