// A walk through the console in Chromium, for making a recording (README, "Recording a real cluster"):
//   npm run sim                                                  (or a real cluster)
//   DCOS_URL=http://127.0.0.1:8101 RECORD=recordings/simulator npm run dev
//   npx tsx scripts/record-tour.ts http://127.0.0.1:5173 [uid] [password] [unseal key]
// It signs in (and once with a wrong password), opens the overview, the organization lists and a user's tabs, the
// permissions, reads, creates and deletes a secret, seals the store, offers a wrong key share and the right one (when
// one is given), and signs out. Against a real cluster, give its superuser; the seal steps run only with a key.
import { chromium, expect, type Page } from '@playwright/test';

const [base = 'http://127.0.0.1:5173', uid = 'bootstrapuser', password = 'deleteme', unsealKey] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-background-networking', '--no-first-run'],
});
const page = await browser.newPage({ baseURL: base });

async function signIn(p: Page, who: string, secret: string, expectOk = true) {
  await p.goto('/login');
  await p.getByLabel('Username').fill(who);
  await p.getByLabel('Password').fill(secret);
  await p.getByRole('button', { name: 'Sign in' }).click();
  if (expectOk) await expect(p.getByRole('button', { name: /^Account:/ })).toBeVisible({ timeout: 20_000 });
  else await expect(p.getByRole('alert')).toBeVisible({ timeout: 20_000 });
}

/** Opens a page and waits until the network is quiet, so each page's reads are all recorded in order. */
async function visit(path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
}

await signIn(page, uid, 'a-wrong-password', false);
await signIn(page, uid, password);
await page.waitForLoadState('networkidle');
for (const path of [
  '/organization/users',
  '/organization/users/alice',
  '/organization/users/alice/groups',
  '/organization/users/alice/permissions',
  '/organization/groups',
  '/organization/service-accounts',
  '/permissions',
  '/secrets',
]) {
  await visit(path);
}
await visit('/secrets/view/db-password');
await page.getByRole('button', { name: 'Reveal' }).click();
await expect(page.getByLabel('Secret value')).toBeVisible();

await visit('/secrets/new');
await page.getByLabel('Path').fill('recorded/tour-token');
await page.getByRole('textbox', { name: 'Value', exact: true }).fill('a value the recording must not hold');
await page.getByRole('button', { name: 'Create secret' }).click();
await expect(page).toHaveURL(/\/secrets\/view\/recorded\/tour-token$/);
await page.getByRole('button', { name: 'Delete secret' }).click();
await page.getByRole('dialog').getByRole('button', { name: 'Delete secret' }).click();
await page.waitForLoadState('networkidle');

if (unsealKey) {
  await visit('/secrets');
  await page.getByRole('button', { name: 'Seal the store…' }).click();
  await page
    .getByRole('dialog', { name: 'Seal the secret store?' })
    .getByRole('button', { name: 'Seal the store' })
    .click();
  await expect(page.getByRole('heading', { name: 'Secret store sealed' })).toBeVisible();
  await page.getByLabel('Unseal key share').fill('not-a-key');
  await page.getByRole('button', { name: 'Submit key share' }).click();
  await expect(page.getByRole('form', { name: 'Unseal' }).getByRole('alert')).toBeVisible();
  await page.getByLabel('Unseal key share').fill(unsealKey);
  await page.getByRole('button', { name: 'Submit key share' }).click();
  await expect(page.getByRole('heading', { name: 'Secret store unsealed' })).toBeVisible();
  await page.waitForLoadState('networkidle');
}

await page.getByRole('button', { name: /^Account:/ }).click();
await page.getByRole('menuitem', { name: 'Sign out' }).click();
await expect(page.getByRole('heading', { name: 'Sign in to DC/OS' })).toBeVisible();
await page.waitForLoadState('networkidle');
await browser.close();
console.log('Tour done.');
