import { expect, signIn, test } from './fixtures.ts';

test.describe('Theme', () => {
  test.use({ colorScheme: 'light' });

  test('follows the OS by default and can be switched to dark from the user menu by keyboard, surviving a reload', async ({
    page,
  }) => {
    await signIn(page);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();

    await page.getByRole('button', { name: /^Account:/ }).focus();
    await page.keyboard.press('Enter');
    const dark = page.getByRole('menuitemradio', { name: 'Dark' });
    await expect(page.getByRole('menuitemradio', { name: 'Match the system' })).toHaveAttribute('aria-checked', 'true');
    while (!(await dark.evaluate((el) => el === document.activeElement))) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background()).not.toBe(light);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background()).not.toBe(light);
  });

  test('in a dark OS the console starts dark', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/login');
    const scheme = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
    expect(scheme).toBe('light dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(15, 18, 22)');
  });
});
