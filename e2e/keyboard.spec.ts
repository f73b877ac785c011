import type { Locator, Page } from '@playwright/test';
import { DEMO, expect, signIn, test } from './fixtures.ts';

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails if it is not reached within `max` presses. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 40 } = {}) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reached within ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`).toBeFocused({
    timeout: 1,
  });
}

/** The focused element shows the focus ring: it matches :focus-visible and draws a real outline. */
async function expectVisibleFocus(page: Page) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      focusVisible: el.matches(':focus-visible'),
      style: style.outlineStyle,
      width: Number.parseFloat(style.outlineWidth),
    };
  });
  expect(ring, 'something has the focus').not.toBeNull();
  expect(ring?.focusVisible, ':focus-visible').toBe(true);
  expect(ring?.style, 'outline style').not.toBe('none');
  expect(ring?.width, 'outline width').toBeGreaterThanOrEqual(2);
}

/** The focus is on the container or inside it. */
const holdsFocus = (container: Locator) => container.evaluate((el) => el.contains(document.activeElement));

test.describe('Keyboard only', () => {
  test('sign in, skip to content, navigate, find a user, grant a permission, close a dialog and sign out without the mouse', async ({
    page,
  }) => {
    await page.goto('/login');
    await tabTo(page, page.getByLabel('Username'));
    await page.keyboard.type(DEMO.uid);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Password')).toBeFocused();
    await page.keyboard.type(DEMO.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

    // The skip link is the first stop on every page, shows itself when focused, and moves the focus to the content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await tabTo(page, nav.getByRole('link', { name: 'Users' }), { backwards: true });
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');

    await tabTo(page, page.getByLabel('Search users'));
    await page.keyboard.type('bo');
    await expect(page).toHaveURL(/\?q=bo$/);
    const grid = page.getByRole('grid', { name: 'Users' });
    const row = (uid: string) =>
      grid.getByRole('row').filter({ has: page.getByRole('link', { name: uid, exact: true }) });
    await expect(grid.getByRole('row')).toHaveCount(3); // the header, bob, bootstrapuser
    await tabTo(page, row('bob'));
    await page.keyboard.press('ArrowDown');
    await expect(row(DEMO.uid)).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.press('ArrowUp');
    await expect(row('bob')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/organization/users/bob');

    const permissionsTab = page
      .getByRole('navigation', { name: 'bob sections' })
      .getByRole('link', { name: 'Permissions' });
    await tabTo(page, permissionsTab);
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/organization/users/bob/permissions');
    await expect(page.getByText('No permissions yet. Grant one to start.')).toBeVisible();

    // The toast region is a polite live region that exists before anything is said in it, so screen readers announce it.
    const toasts = page.getByRole('status');
    await expect(toasts).toHaveAttribute('aria-live', 'polite');
    await expect(toasts).toBeEmpty();

    const grant = page.getByRole('button', { name: 'Grant permission' });
    await tabTo(page, grant);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Grant a permission to bob' });
    await expect(dialog).toBeVisible();
    await tabTo(page, dialog.getByLabel('Search resources'));
    await page.keyboard.type('secret');
    await expect(dialog.getByText('3 found')).toBeVisible();
    // ↓ leaves the search for the first match; the arrow keys move between the entries of every area, Enter picks one.
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('option', { name: /^dcos:adminrouter:secrets/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const entry = dialog.getByRole('option', { name: /^dcos:secrets:default:/ });
    await expect(entry).toBeFocused();
    await expectVisibleFocus(page);
    const grantButton = dialog.getByRole('button', { name: 'Grant' });
    await expect(grantButton).toHaveAccessibleDescription('Choose a resource.');
    // Enter chooses the entry and moves on to its first placeholder.
    await page.keyboard.press('Enter');
    await expect(entry).toHaveAttribute('aria-selected', 'true');
    await expect(dialog.getByLabel('Secret path', { exact: true })).toBeFocused();
    await expect(grantButton).toHaveAccessibleDescription('Fill in the secret path.');
    await page.keyboard.type('group/spark/aws-secret-key');
    await expect(dialog.locator('output')).toHaveText('dcos:secrets:default:/group/spark/aws-secret-key');
    await expect(grantButton).toBeDisabled();
    await tabTo(page, dialog.getByRole('checkbox', { name: 'read' }));
    await page.keyboard.press('Space');
    await expect(dialog.getByRole('checkbox', { name: 'read' })).toBeChecked();
    await expect(grantButton).toBeEnabled();
    await tabTo(page, dialog.getByLabel(/^Description of the resource/));
    await page.keyboard.type('Spark AWS key');
    await page.keyboard.press('Enter');

    await expect(dialog).toBeHidden();
    await expect(toasts).toContainText('Granted read on dcos:secrets:default:/group/spark/aws-secret-key to bob.');
    await expect(
      page.getByRole('table', { name: 'Permissions of bob' }).getByRole('row', { name: /aws-secret-key/ }),
    ).toBeVisible();
    await expect(grant, 'the focus goes back to the button that opened the dialog').toBeFocused();

    // Escape closes a dialog and gives the focus back to its trigger.
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(grant).toBeFocused();
    await expectVisibleFocus(page);

    const account = page.getByRole('button', { name: /^Account:/ });
    await tabTo(page, account, { backwards: true });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu', { name: 'Account' })).toBeVisible();
    await page.keyboard.press('End');
    await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/login');
  });
});

test.describe('Dialogs', () => {
  test('trap the focus while open and give it back to the opener on Escape', async ({ page }) => {
    await signIn(page, DEMO.uid, DEMO.password, '/login?redirect=%2Forganization%2Fusers');
    const opener = page.getByRole('button', { name: 'Create user' });
    await tabTo(page, opener);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Create user' });
    await expect(dialog).toBeVisible();
    await expect.poll(() => holdsFocus(dialog), 'opening moves the focus into the dialog').toBe(true);

    // Twice around the dialog forwards, then backwards: the focus never leaves it, and it comes round again.
    const stops: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await holdsFocus(dialog), `Tab ${i + 1} stays in the dialog`).toBe(true);
      stops.push(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ''));
    }
    expect(new Set(stops).size, 'Tab comes back round to the first field').toBeLessThan(stops.length);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await holdsFocus(dialog), `Shift+Tab ${i + 1} stays in the dialog`).toBe(true);
    }
    // The page behind is out of reach: React Aria makes everything outside the dialog inert.
    expect(await page.getByRole('button', { name: /^Account:/ }).evaluate((el) => el.closest('[inert]') !== null)).toBe(
      true,
    );

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });
});
