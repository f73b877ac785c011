import { expect, signIn, test } from './fixtures.ts';

for (const [mode, sentence] of [
  ['strict', 'HTTPS is required'],
  ['permissive', 'service authentication is optional'],
  ['disabled', 'Not intended for production'],
] as const) {
  test.describe(`A cluster in ${mode} mode`, () => {
    test.use({ simOptions: { securityMode: mode } });

    test(`shows the ${mode} banner on every signed-in page`, async ({ page }) => {
      await signIn(page);
      for (const path of ['/', '/no/such/page']) {
        await page.goto(path);
        const banner = page.getByRole('region', { name: 'Security mode' });
        await expect(banner).toContainText(`${mode} mode.`);
        await expect(banner).toContainText(sentence);
        await expect(banner).toHaveClass(new RegExp(`mode-${mode}`));
        // Strict, the safe mode, is a chip in the header; the modes that weaken the cluster warn across the page.
        await expect(page.getByRole('banner').getByRole('region', { name: 'Security mode' })).toHaveCount(
          mode === 'strict' ? 1 : 0,
        );
        await expect(banner).toHaveClass(new RegExp(mode === 'strict' ? 'mode-chip' : 'mode-banner'));
      }
    });
  });
}

test('an account that may not read the bootstrap configuration sees why the mode is unknown, and no Retry that cannot help', async ({
  page,
}) => {
  await signIn(page, 'bob', 'bob-pass');
  const banner = page.getByRole('region', { name: 'Security mode' });
  await expect(banner).toContainText('Security mode unknown.');
  await expect(banner).toContainText('dcos:adminrouter:ops:metadata');
  await expect(banner.getByRole('button', { name: 'Retry' })).toHaveCount(0);
});

test('a failed read of the mode can be retried from the banner', async ({ page }) => {
  // The cluster fails (including the console's own automatic retries) until the user asks again.
  let failing = true;
  await page.route('**/dcos-metadata/bootstrap-config.json', async (route) => {
    if (failing) await route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>500</h1>' });
    else await route.continue();
  });
  await signIn(page);
  const banner = page.getByRole('region', { name: 'Security mode' });
  await expect(banner).toContainText('Security mode unknown.');
  await expect(banner).toContainText('The cluster could not answer this request.');
  failing = false;
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(banner).toContainText('strict mode.');
});
