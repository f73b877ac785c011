import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { DEMO, expect, signIn, startSession, test } from './fixtures.ts';
import { ROUTE_SAMPLES, type RouteSample } from './route-samples.ts';

/** Every loading message ends with an ellipsis ("Loading users…"); see e2e/accessibility.spec.ts. */
const loadingStatus = (page: Page) => page.getByRole('status').filter({ hasText: /…$/ });

/**
 * What sticks out past the right edge of the viewport: the page's own width, then every visible element whose box
 * extends past it, unless an ancestor that clips its overflow (a table frame with `overflow-x: auto`, a row of tabs
 * that scrolls) keeps it inside the screen. Each offender is named by tag, classes and the start of its text.
 */
async function overflowOffenders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > width)
      found.push(`the page is ${String(root.scrollWidth)} px wide in a ${String(width)} px viewport`);
    const clippedInside = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const { overflowX } = getComputedStyle(up);
        if (overflowX !== 'visible' && up.getBoundingClientRect().right <= width + 0.5) return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.right <= width + 0.5) continue;
      if (clippedInside(el)) continue;
      const classes =
        typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = el.textContent.replace(/\s+/g, ' ').trim().slice(0, 40);
      found.push(`<${el.tagName.toLowerCase()}${classes}> "${text}" reaches x = ${String(Math.round(box.right))}`);
    }
    return found;
  });
}

/** Presses Tab until `target` has the focus, at most `max` times. */
async function tabTo(page: Page, target: Locator, max: number) {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reached within ${String(max)} presses of Tab`).toBeFocused();
}

async function open(page: Page, sample: RouteSample) {
  await startSession(page, sample.account === undefined ? DEMO.uid : sample.account);
  await page.goto(sample.url);
  await expect(page.getByRole('heading', { level: 1, name: sample.heading })).toBeVisible();
  await expect(loadingStatus(page)).toHaveCount(0);
}

test.describe('On a 360 px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const [pattern, samples] of Object.entries(ROUTE_SAMPLES)) {
    for (const sample of samples) {
      const who = sample.account === null ? 'signed out' : `as ${sample.account ?? DEMO.uid}`;

      test(`${sample.url} (${pattern}, ${who}) fits the screen`, async ({ page }) => {
        await open(page, sample);
        expect(await overflowOffenders(page), 'elements past the right edge').toEqual([]);
      });
    }
  }

  test('a dialog is a full-height sheet whose actions stay in view', async ({ page }) => {
    await signIn(page, DEMO.uid, DEMO.password, '/login?redirect=%2Forganization%2Fusers');
    await page.getByRole('button', { name: 'Create user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create user' });
    await expect(dialog).toBeVisible();
    const sheet = await page.locator('.modal').boundingBox();
    expect(sheet).toEqual({ x: 0, y: 0, width: 360, height: 740 });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport();
    await expect(dialog.getByRole('button', { name: 'Create user' })).toBeInViewport();
    expect(await overflowOffenders(page), 'elements past the right edge').toEqual([]);
  });
});

test.describe('On a 390 px wide phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the navigation opens from the Menu button and reaches every section by keyboard', async ({ page }) => {
    await signIn(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('link', { name: 'Users' })).toBeHidden();

    const sections = ['Overview', 'Users', 'Groups', 'Service accounts', 'Permissions', 'Secrets', 'Settings'];
    const headings: Record<string, string> = { Settings: 'Identity providers' };
    for (const section of sections) {
      await menu.focus();
      await page.keyboard.press('Enter');
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      // Every link of the open list is on the screen.
      for (const name of sections) await expect(nav.getByRole('link', { name, exact: true })).toBeInViewport();
      const link = nav.getByRole('link', { name: section, exact: true });
      await tabTo(page, link, sections.length);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: headings[section] ?? section })).toBeVisible();
      await expect(menu, 'following a link closes the menu').toHaveAttribute('aria-expanded', 'false');
      await expect(link).toBeHidden();
    }

    // Escape closes the open list and gives the focus back to the Menu button.
    await menu.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: 'Overview' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
  });

  test('the account menu, its theme choice and sign-out, is on the screen', async ({ page }) => {
    await signIn(page);
    const account = page.getByRole('banner').getByRole('button', { name: /^Account:/ });
    await expect(account).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('banner').getByRole('region', { name: 'Security mode' })).toBeInViewport({ ratio: 1 });
    await account.click();
    const menu = page.getByRole('menu', { name: 'Account' });
    await expect(menu.getByRole('menuitemradio', { name: 'Dark' })).toBeInViewport({ ratio: 1 });
    await expect(menu.getByRole('menuitem', { name: 'Sign out' })).toBeInViewport({ ratio: 1 });
    expect(await overflowOffenders(page), 'elements past the right edge').toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the open navigation, the mode chip and the account menu have no axe violations in the ${colorScheme} theme`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await signIn(page);
      await page.getByRole('button', { name: 'Menu' }).click();
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toBeVisible();
      await expectNoAxeViolations(page, 'with the navigation open');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /^Account:/ }).click();
      await expect(page.getByRole('menu', { name: 'Account' })).toBeVisible();
      await expectNoAxeViolations(page, 'with the account menu open');
    });
  }
});

for (const width of [1100, 1280]) {
  test.describe(`On a ${String(width)} px wide screen`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('the header shows every section, the mode and the account side by side, none over another', async ({
      page,
    }) => {
      await signIn(page);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('button', { name: 'Menu' })).toBeHidden();
      const settings = await nav.getByRole('link', { name: 'Settings' }).boundingBox();
      const chip = await page.getByRole('banner').getByRole('region', { name: 'Security mode' }).boundingBox();
      const account = await page.getByRole('button', { name: /^Account:/ }).boundingBox();
      expect(
        settings && chip && settings.x + settings.width <= chip.x,
        'the last section ends before the mode chip',
      ).toBe(true);
      expect(chip && account && chip.x + chip.width <= account.x, 'the chip ends before the account button').toBe(true);
      expect(account && account.x + account.width <= width, 'the account button is on the screen').toBe(true);
      expect(await overflowOffenders(page), 'elements past the right edge').toEqual([]);
    });
  });
}
