import { expect, signIn, test } from './fixtures.ts';

// What the console makes of answers a real cluster gives and the simulator now gives too (issue 20,
// docs/decisions/006); the seal's 204 and a wrong share's 500 are in secrets.spec.ts.

test('the overview shows the cluster id from /dcos-metadata/ui-config.json', async ({ page }) => {
  await signIn(page);
  const config = (await (await page.request.get('/dcos-metadata/ui-config.json')).json()) as {
    clusterConfiguration: { id: string };
  };
  expect(config.clusterConfiguration.id).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  const security = page.getByRole('region', { name: 'Cluster security' });
  await expect(security.getByText('Cluster ID')).toBeVisible();
  await expect(security.getByText(config.clusterConfiguration.id)).toBeVisible();
});

test("Admin Router's HTML 401 on an IAM path is an ended session: the sign-in dialog, then the page", async ({
  page,
}) => {
  await signIn(page);
  // The token is gone (expired, or revoked elsewhere) while the tab still knows who was signed in.
  await page.context().clearCookies({ name: 'dcos-acs-auth-cookie' });
  const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/acs/api/v1/users' && r.status() === 401);
  await page.getByRole('link', { name: 'Users' }).first().click();
  const response = await refused;
  expect(response.headers()['content-type']).toContain('text/html');
  expect(response.headers()['www-authenticate']).toBe('acsjwt');
  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Password').fill('deleteme');
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('grid', { name: 'Users' })).toBeVisible();
});
