import { authToken, expect, expectNoTokenExposed, signInThroughForm, test } from './fixtures.ts';

test.describe('The session cookie', () => {
  test('is HttpOnly, SameSite=Strict, Path=/ and invisible to scripts', async ({ page }) => {
    await signInThroughForm(page);
    const cookies = await page.context().cookies();
    const auth = cookies.find((cookie) => cookie.name === 'dcos-acs-auth-cookie');
    expect(auth).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(auth?.value).toMatch(/^eyJ/);
    const info = cookies.find((cookie) => cookie.name === 'dcos-acs-info-cookie');
    expect(info?.httpOnly).toBe(false);
    const readable = await page.evaluate(() => document.cookie);
    expect(readable).not.toContain('dcos-acs-auth-cookie');
    expect(readable).toContain('dcos-acs-info-cookie');
    const decoded = JSON.parse(
      Buffer.from(decodeURIComponent(info?.value ?? ''), 'base64').toString('utf8'),
    ) as unknown;
    expect(decoded).toEqual({ uid: 'bootstrapuser', description: 'Bootstrap superuser', is_remote: false });
  });

  test('no token reaches storage, the URL or the console at any step', async ({ page, consoleErrors }) => {
    await page.goto('/login');
    await expectNoTokenExposed(page);
    await signInThroughForm(page);
    const token = await authToken(page);
    expect(token).toBeTruthy();
    await expectNoTokenExposed(page, token);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expectNoTokenExposed(page, token);
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL('/login');
    await expectNoTokenExposed(page, token);
    expect(consoleErrors.join('\n')).not.toContain(token);
  });
});

test.describe('Signing out', () => {
  test('ends the session: the cookie is gone, protected pages redirect and Back shows nothing cached', async ({
    page,
  }) => {
    await signInThroughForm(page);
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL('/login');
    const names = (await page.context().cookies()).map((cookie) => cookie.name);
    expect(names).not.toContain('dcos-acs-auth-cookie');
    expect(names).not.toContain('dcos-acs-info-cookie');

    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Sign in to DC/OS' })).toBeVisible();
    await expect(page.getByText('Signed-in account')).toHaveCount(0);

    await page.goto('/');
    await expect(page).toHaveURL('/login');
    const users = await page.request.get('/acs/api/v1/users');
    expect(users.status()).toBe(401);
  });

  test('reaches a second open tab', async ({ page, context }) => {
    await signInThroughForm(page);
    const second = await context.newPage();
    await second.goto('/');
    await expect(second.getByRole('heading', { name: 'Overview' })).toBeVisible();

    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL('/login');
    await expect(second).toHaveURL('/login');
    await expect(second.getByText('Signed-in account')).toHaveCount(0);
  });

  test('works from the keyboard alone', async ({ page }) => {
    await signInThroughForm(page);
    await page.getByRole('button', { name: /^Account:/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu', { name: 'Account' })).toBeVisible();
    await page.keyboard.press('End');
    await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/login');
  });
});
