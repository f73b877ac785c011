import { expect, signIn, test } from './fixtures.ts';

const PAGES = ['/', '/organization/users', '/organization/users/alice', '/organization/groups', '/organization/groups/superusers/users', '/organization/service-accounts'];

test('the built console runs under its strict CSP without a single violation', async ({ page }) => {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.log(`CSP violation: ${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (message.text().startsWith('CSP violation') || message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  const response = await page.goto('/login');
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');
  expect(response?.headers()['content-security-policy']).not.toContain('unsafe-eval');
  await signIn(page);
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.goto('/organization/users');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('dialog', { name: 'Create user' })).toBeVisible();
  expect(violations).toEqual([]);
});
