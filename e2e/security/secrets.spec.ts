import { DEMO, expect, signIn, test } from '../fixtures.ts';

// Secret values in the real browser: fetched only on Reveal, gone after Hide (a second Reveal fetches again, so
// nothing was kept), and on the clipboard only when the user asks for it.
const PATH = 'group/spark/aws-secret-key';
const toSecret = `/login?redirect=${encodeURIComponent(`/secrets/view/${PATH}`)}`;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.describe('A secret value', () => {
  test('[ASVS 14.2.6] is neither fetched nor in the page until Reveal', async ({ page }) => {
    const reads: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'GET' && request.url().endsWith(`/secrets/v1/secret/default/${PATH}`))
        reads.push(request.url());
    });
    await signIn(page, DEMO.uid, DEMO.password, toSecret);
    await expect(page.getByLabel('Masked value')).toBeVisible();
    expect(reads).toEqual([]);
    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect(page.getByLabel('Secret value')).not.toBeEmpty();
    expect(reads).toHaveLength(1);
  });

  test('[ASVS 14.3.1] leaves the page after Hide and is fetched afresh on the next Reveal', async ({ page }) => {
    let reads = 0;
    page.on('request', (request) => {
      if (request.method() === 'GET' && request.url().endsWith(`/secrets/v1/secret/default/${PATH}`)) reads += 1;
    });
    await signIn(page, DEMO.uid, DEMO.password, toSecret);
    await page.getByRole('button', { name: 'Reveal' }).click();
    const value = (await page.getByLabel('Secret value').textContent()) ?? '';
    expect(value.length).toBeGreaterThan(8);
    await page.getByRole('button', { name: 'Hide' }).click();
    await expect(page.getByLabel('Masked value')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(value);
    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect(page.getByLabel('Secret value')).toHaveText(value);
    expect(reads).toBe(2);
  });

  test('[ASVS 14.3.3] reaches the clipboard only when Copy is pressed', async ({ page }) => {
    await signIn(page, DEMO.uid, DEMO.password, toSecret);
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await page.getByRole('button', { name: 'Reveal' }).click();
    const value = (await page.getByLabel('Secret value').textContent()) ?? '';
    await page.getByRole('button', { name: 'Hide' }).click();
    await page.getByRole('button', { name: 'Download' }).focus();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByRole('status').getByText('Copied the value to the clipboard.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
    await expect(page.getByText(value)).toHaveCount(0);
  });
});
