import type { Page } from '@playwright/test';

/**
 * With rows selected in a list, starts a bulk group change as a user does: the toolbar's button, then the group
 * found and chosen in the picker dialog (named after the selection, e.g. "Add 2 users to a group").
 */
export async function chooseBulkGroup(
  page: Page,
  button: 'Add to group…' | 'Remove from group…',
  dialog: string,
  group: string,
): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  const picker = page.getByRole('dialog', { name: dialog });
  await picker.getByLabel('Find a group').fill(group);
  await picker.getByRole('button', { name: `Choose ${group}` }).click();
}
