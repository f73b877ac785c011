import type { Page } from '@playwright/test';
import { DEMO, expect, startSession, test, type DemoAccount } from './fixtures.ts';

/**
 * The look of every route family, on a phone and on a laptop, in both themes (issue 22): Playwright's
 * `toHaveScreenshot` against the images in `screenshots.spec.ts-snapshots/`, taken in Debian's Chromium with the fonts
 * `npm run setup` installs. A change that moves, recolours or clips anything fails here with a diff image in
 * `test-results/`; when the change is meant, run `npx playwright test e2e/screenshots.spec.ts --update-snapshots`,
 * look at every new image, and commit them with the change.
 *
 * Each test gets its own freshly seeded simulator database, so the data is the same on every run. What changes by
 * itself is masked: times, a service account's generated public key, the simulator's cluster id.
 */

interface Shot {
  /** The image's name. */
  name: string;
  url: string;
  /** The page's h1 once loaded; null when a dialog opened by the URL hides the page from the accessibility tree. */
  heading: string | RegExp | null;
  /** Default: bootstrapuser; null: signed out. */
  account?: DemoAccount | null;
  /** What to do on the page before the picture (open a dialog, ...). */
  act?: (page: Page) => Promise<void>;
}

const SHOTS: readonly Shot[] = [
  {
    name: 'sign-in',
    url: '/login',
    heading: 'Sign in to DC/OS',
    account: null,
    // The single sign-on links arrive after the form.
    act: (page) => expect(page.getByRole('link', { name: /^Sign in with/ }).first()).toBeVisible(),
  },
  { name: 'overview', url: '/', heading: 'Overview' },
  { name: 'users', url: '/organization/users', heading: 'Users' },
  { name: 'user', url: '/organization/users/alice', heading: 'alice' },
  { name: 'user-permissions', url: '/organization/users/alice/permissions', heading: 'alice' },
  {
    name: 'grant-dialog',
    url: '/organization/users/bob/permissions?grant=',
    heading: null,
    act: (page) =>
      expect(
        page
          .getByRole('dialog', { name: 'Grant a permission to bob' })
          .getByRole('listbox', { name: 'Resource catalog' }),
      ).toBeVisible(),
  },
  { name: 'groups', url: '/organization/groups', heading: 'Groups' },
  { name: 'group-members', url: '/organization/groups/developers', heading: 'developers' },
  { name: 'service-accounts', url: '/organization/service-accounts', heading: 'Service accounts' },
  { name: 'service-account', url: '/organization/service-accounts/dcos_marathon', heading: 'dcos_marathon' },
  { name: 'permissions', url: '/permissions', heading: 'Permissions' },
  {
    name: 'acl',
    url: '/permissions/acls/dcos:service:marathon:marathon:services:/dev',
    heading: 'dcos:service:marathon:marathon:services:/dev',
  },
  {
    name: 'check-access',
    url: '/permissions/check?uid=carol&rid=dcos%3Aservice%3Amarathon%3Amarathon%3Aservices%3A%2Fdev%2Fapp&action=update',
    heading: 'Check access',
  },
  {
    name: 'who-can',
    url: '/permissions/who?rid=dcos%3Aservice%3Amarathon%3Amarathon%3Aservices%3A%2Fdev%2Fapp&action=update',
    heading: 'Who can?',
    act: (page) => expect(page.getByText(/^Permissions read from/)).toBeVisible(),
  },
  { name: 'secrets', url: '/secrets?path=group%2Fspark', heading: 'Secrets' },
  { name: 'secret', url: '/secrets/view/group/spark/aws-secret-key', heading: 'group/spark/aws-secret-key' },
  { name: 'secret-new', url: '/secrets/new', heading: 'Create secret' },
  { name: 'identity-providers', url: '/settings', heading: 'Identity providers' },
  { name: 'oidc-provider', url: '/settings/oidc/google-idp', heading: /^google-idp/ },
  { name: 'directory', url: '/settings/directory', heading: 'Directory (LDAP)' },
  { name: 'not-found', url: '/no-such-page', heading: 'Page not found' },
];

const SIZES = [
  { size: 'phone', viewport: { width: 390, height: 844 } },
  { size: 'desktop', viewport: { width: 1440, height: 900 } },
] as const;
const THEMES = ['light', 'dark'] as const;

/** Every loading message ends with an ellipsis ("Loading users…"). */
const stillLoading = (page: Page) => page.getByRole('status').filter({ hasText: /…$/ });

/** What differs between runs by itself: times, a generated public key, the simulator's cluster id (new per start). */
const volatile = (page: Page) => [
  page.locator('time'),
  page.locator('pre.pem'),
  page.locator('dt', { hasText: 'Cluster ID' }).locator('xpath=following-sibling::dd[1]'),
];

/** Signs in as the shot's account (through the API: the sign-in page has its own tests) and opens its page, loaded. */
async function open(page: Page, shot: Shot) {
  await startSession(page, shot.account === undefined ? DEMO.uid : shot.account);
  await page.goto(shot.url);
  if (shot.heading !== null) await expect(page.getByRole('heading', { level: 1, name: shot.heading })).toBeVisible();
  await expect(stillLoading(page)).toHaveCount(0);
  await shot.act?.(page);
}

for (const { size, viewport } of SIZES) {
  test.describe(`Screenshots, ${size} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    for (const shot of SHOTS) {
      for (const theme of THEMES) {
        test(`${shot.name}, ${theme}`, async ({ page }) => {
          await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
          await open(page, shot);
          await expect(page).toHaveScreenshot(`${shot.name}-${size}-${theme}.png`, {
            animations: 'disabled',
            caret: 'hide',
            mask: volatile(page),
          });
        });
      }
    }
  });
}
