import type { Page, Route } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { chooseBulkGroup } from './bulk.ts';
import { DEMO, expect, injectFault, signIn, startSession, test } from './fixtures.ts';
import { ROUTE_SAMPLES, type RouteSample } from './route-samples.ts';

/** Every loading message ends with an ellipsis ("Loading users…", "Checking…"); the empty toast region does not. */
const loadingStatus = (page: Page) => page.getByRole('status').filter({ hasText: /…$/ });

async function expectLoaded(page: Page, sample: RouteSample, state: string) {
  await expect(page.getByRole('heading', { level: 1, name: sample.heading }), `h1 ${state}`).toBeVisible();
  await expect(loadingStatus(page), `nothing still loading ${state}`).toHaveCount(0);
}

/**
 * One sample through its states in sequence, each checked with axe: loaded; loading (its main request held);
 * failed (the main request answered with a 500) and recovered by Retry; empty. Sign-in goes through the API
 * because the sign-in page has its own tests; the cookies it sets are the browser context's.
 */
async function walkStates(page: Page, sample: RouteSample): Promise<string[]> {
  const checked: string[] = [];
  await startSession(page, sample.account === undefined ? DEMO.uid : sample.account);
  await page.goto(sample.url);
  await expectLoaded(page, sample, 'when loaded');
  await expectNoAxeViolations(page, 'when loaded');
  checked.push('loaded');

  if (sample.main) {
    const held: Route[] = [];
    let holding = true;
    await page.route(sample.main, (route) => (holding ? held.push(route) : route.continue()));
    await page.goto(sample.url);
    await expect.poll(() => held.length, { message: `the page requests ${String(sample.main)}` }).toBeGreaterThan(0);
    await expect(loadingStatus(page).first()).toBeVisible();
    await expectNoAxeViolations(page, 'while loading');
    checked.push('loading');
    // Answer the held requests before removing the handler: unroute() would hand them on by itself.
    holding = false;
    await Promise.all(held.map((route) => route.continue()));
    await page.unroute(sample.main);
    await expectLoaded(page, sample, 'once the held request is answered');

    const secrets = sample.main.source.includes('secrets');
    await page.route(sample.main, (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        // Each API's own error body: the IAM's {title, description, code}, the Secret Store's {message}.
        body: JSON.stringify(
          secrets
            ? { message: 'The store failed (test).' }
            : { title: 'Internal Server Error', description: 'The IAM failed (test).', code: 'ERR_INTERNAL' },
        ),
      }),
    );
    await page.goto(sample.url);
    // The query client asks a cluster that did not answer twice more (1 s, then 2 s) before it shows the error.
    const retry = page.getByRole('button', { name: 'Retry' });
    await expect(retry).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('alert').filter({ hasText: 'failed (test).' })).toBeVisible();
    await expectNoAxeViolations(page, 'on error');
    checked.push('error');
    await page.unroute(sample.main);
    await retry.click();
    await expectLoaded(page, sample, 'after Retry');
  }

  if (sample.empty) {
    await page.goto(sample.empty.url);
    await expect(page.getByText(sample.empty.text)).toBeVisible();
    await expectNoAxeViolations(page, 'when empty');
    checked.push('empty');
  }
  return checked;
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

    for (const [pattern, samples] of Object.entries(ROUTE_SAMPLES)) {
      for (const sample of samples) {
        const who = sample.account === null ? 'signed out' : `as ${sample.account ?? DEMO.uid}`;
        const states = ['loaded', ...(sample.main ? ['loading', 'error'] : []), ...(sample.empty ? ['empty'] : [])];

        test(`${sample.url} (${pattern}, ${who}) has no axe violations: ${states.join(', ')}`, async ({ page }) => {
          // Up to four page loads and axe runs in sequence, and the error state waits out two retries: allow 90 s.
          test.slow();
          expect(await walkStates(page, sample)).toEqual(states);
        });
      }
    }

    test('the create-user dialog with errors has no axe violations', async ({ page }) => {
      await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers');
      await page.getByRole('button', { name: 'Create user' }).click();
      await page.getByRole('dialog', { name: 'Create user' }).getByRole('button', { name: 'Create user' }).click();
      await expect(page.getByText('Enter a user ID.')).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the create-service-account dialog with errors, then the private-key dialog, have no axe violations', async ({
      page,
    }) => {
      await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fservice-accounts');
      await page.getByRole('button', { name: 'Create service account' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create service account' });
      await dialog.getByLabel('Service account ID').fill('dcos_mine');
      await dialog.getByLabel('Paste a public key').check();
      await dialog.getByLabel('Public key (PEM)').fill('not a key');
      await dialog.getByRole('button', { name: 'Create service account' }).click();
      await expect(dialog.getByText(/dcos_ prefix is reserved/)).toBeVisible();
      await dialog.getByLabel('Service account ID').fill('ci-runner');
      await dialog.getByRole('button', { name: 'Create service account' }).click();
      await expect(dialog.getByLabel('Public key (PEM)')).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page, 'with errors');

      await dialog.getByLabel('Generate in this browser (RSA 2048)').check();
      await dialog.getByRole('button', { name: 'Create service account' }).click();
      await expect(
        page.getByRole('dialog', { name: 'Private key of ci-runner' }).getByText('it cannot be shown again'),
      ).toBeVisible();
      await expectNoAxeViolations(page, 'showing the private key');
    });

    test("the confirm that needs a component account's uid typed has no axe violations", async ({ page }) => {
      await signIn(
        page,
        'bootstrapuser',
        'deleteme',
        '/login?redirect=%2Forganization%2Fservice-accounts%2Fdcos_marathon',
      );
      await page.getByRole('button', { name: 'Delete service account' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete service account dcos_marathon?' });
      await confirm.getByLabel('Type dcos_marathon to confirm').fill('dcos_');
      await expect(confirm.getByRole('button', { name: 'Delete service account' })).toBeDisabled();
      await expectNoAxeViolations(page);
    });

    test('the bulk panel finished with a failure has no axe violations', async ({ page }) => {
      await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers%3Ffilter%3Dlocal');
      await injectFault(page, {
        path: '/acs/api/v1/groups/developers/users/bob',
        method: 'PUT',
        status: 503,
        contentType: 'text/plain',
        body: 'IAM datastore is read-only, try again',
      });
      const grid = page.getByRole('grid', { name: 'Users' });
      await grid.getByRole('checkbox', { name: 'Select alice' }).click();
      await grid.getByRole('checkbox', { name: 'Select bob' }).click();
      await chooseBulkGroup(page, 'Add to group…', 'Add 2 users to a group', 'developers');
      const panel = page.getByRole('region', { name: 'Bulk action progress' });
      await expect(panel.getByRole('status')).toHaveText('Finished: 1 succeeded, 1 failed.');
      await expect(panel.getByRole('button', { name: 'Retry failed (1)' })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the users list with a selection, its Options menu open, and at 360 px wide, has no axe violations', async ({
      page,
    }) => {
      await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Forganization%2Fusers');
      const grid = page.getByRole('grid', { name: 'Users' });
      await grid.getByRole('checkbox', { name: 'Select alice' }).click();
      await expect(page.getByRole('region', { name: 'Selection' })).toContainText('1 selected');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Options' }).click();
      await expect(page.getByRole('menu', { name: 'Options' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.keyboard.press('Escape');
      await page.setViewportSize({ width: 360, height: 740 });
      await expect(grid.getByRole('row', { name: /alice/ })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the grant-permission dialog, with its builder and errors, has no axe violations', async ({ page }) => {
      await signIn(
        page,
        'bootstrapuser',
        'deleteme',
        '/login?redirect=%2Forganization%2Fusers%2Fbob%2Fpermissions%3Fgrant%3D',
      );
      const dialog = page.getByRole('dialog', { name: 'Grant a permission to bob' });
      await dialog.getByLabel('Search resources').fill('marathon services');
      await dialog.getByRole('option', { name: /services:\/\[<service-group>\]/ }).click();
      await expect(dialog.getByRole('button', { name: 'Grant' })).toHaveAccessibleDescription(
        'Choose at least one action.',
      );
      await expectNoAxeViolations(page, 'with an entry chosen');
      await dialog.getByRole('option', { name: 'Type a resource ID' }).click();
      await dialog.getByLabel('Resource ID', { exact: true }).fill('dcos:bad id');
      await expect(dialog.getByLabel('Resource ID', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page, 'with a bad typed rid');
    });

    test('a revealed text secret and the seal confirmation have no axe violations', async ({ page }) => {
      await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Fsecrets%2Fview%2Fdb-password');
      await page.getByRole('button', { name: 'Reveal' }).click();
      await expect(page.getByLabel('Secret value')).not.toBeEmpty();
      await expectNoAxeViolations(page, 'with the value revealed');
      await page.goto('/secrets');
      await page.getByRole('button', { name: 'Secret store: Unsealed' }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      await expectNoAxeViolations(page, 'in the seal menu');
      await page.getByRole('menuitem', { name: 'Seal the store…' }).click();
      await expect(page.getByRole('dialog', { name: 'Seal the secret store?' })).toBeVisible();
      await expectNoAxeViolations(page, 'in the seal confirmation');
    });

    test('creating a secret with a bad path, then an existing one, has no axe violations', async ({ page }) => {
      await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Fsecrets%2Fnew');
      await page.getByLabel('Path').fill('group/app.conf');
      await page.getByRole('textbox', { name: 'Value', exact: true }).fill('x');
      await page.getByRole('button', { name: 'Create secret' }).click();
      await expect(page.getByText(/^Not allowed: “\.”\./)).toBeVisible();
      await expectNoAxeViolations(page, 'with a path error');
      await page.getByLabel('Path').fill('db-password');
      await page.getByRole('button', { name: 'Create secret' }).click();
      await expect(page.getByRole('alert')).toContainText('A secret already exists at this path.');
      await expectNoAxeViolations(page, 'with the 409');
    });

    test.describe('with a sealed store', () => {
      test.use({ simOptions: { sealed: true } });

      test('the Secrets page with the unseal form and a refused key, the create page and the page of a secret have no axe violations', async ({
        page,
      }) => {
        await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Fsecrets');
        await expect(page.getByText('The secret store is sealed: unseal it to browse secrets.')).toBeVisible();
        await expectNoAxeViolations(page, 'when sealed');
        await page.getByLabel('Unseal key share').fill('not-a-key');
        await page.getByRole('button', { name: 'Submit key share' }).click();
        await expect(page.getByRole('form', { name: 'Unseal' }).getByRole('alert')).toBeVisible();
        await expectNoAxeViolations(page, 'with a refused key');
        await page.goto('/secrets/new');
        await expect(page.getByText('The secret store is sealed: unseal it to create secrets.')).toBeVisible();
        await expectNoAxeViolations(page, 'on the create page when sealed');
        await page.goto('/secrets/view/db-password');
        await expect(
          page.getByText('The secret store is sealed: unseal it to read or change this secret.'),
        ).toBeVisible();
        await expectNoAxeViolations(page, 'on the page of a secret when sealed');
      });
    });

    test('the banner of a permissive cluster and of an unknown mode have no axe violations', async ({ page }) => {
      await signIn(page, 'bob', 'bob-pass');
      await expect(page.getByRole('region', { name: 'Security mode' })).toContainText('Security mode unknown.');
      await expectNoAxeViolations(page);
    });
  });
}
