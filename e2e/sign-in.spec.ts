import { authToken, DEMO, expect, expectNoTokenExposed, fillSignIn, signInThroughForm, test } from './fixtures.ts';

test.describe('Signing in with a local account', () => {
  test('the demo superuser signs in and lands on the overview with the security-mode banner', async ({ page }) => {
    await signInThroughForm(page);
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Security mode' })).toContainText('strict mode.');
    await expect(page.getByText('Superuser: unrestricted access')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Account: Bootstrap superuser' })).toBeVisible();
    await expectNoTokenExposed(page, await authToken(page));
  });

  test('a wrong password is refused with a clear message, and the form keeps the username', async ({ page }) => {
    await page.goto('/login');
    await fillSignIn(page, DEMO.uid, 'not-the-password');
    await expect(page.getByRole('alert')).toContainText('Wrong username or password.');
    await expect(page.getByLabel('Username')).toHaveValue(DEMO.uid);
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expect(page.getByLabel('Password')).toBeFocused();
    await expect(page).toHaveURL(/\/login$/);
    expect(await authToken(page)).toBeUndefined();
  });

  test('empty fields are flagged at the field before anything is sent', async ({ page }) => {
    let sent = 0;
    page.on('request', (request) => {
      if (request.url().includes('/auth/login')) sent += 1;
    });
    await page.goto('/login');
    await page.getByLabel('Username').press('Enter');
    await expect(page.getByText('Enter your username.')).toBeVisible();
    await expect(page.getByText('Enter your password.')).toBeVisible();
    await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toBe(0);
  });

  test('pressing Enter in the password field submits', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Username').fill(DEMO.uid);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByLabel('Password').press('Enter');
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  });

  test('a cluster that is down is reported, and the form keeps what was typed', async ({ page }) => {
    await page.route('**/acs/api/v1/auth/login', (route) => route.abort('connectionrefused'));
    await page.goto('/login');
    await fillSignIn(page, DEMO.uid, DEMO.password);
    await expect(page.getByRole('alert')).toContainText('The cluster could not be reached.');
    await expect(page.getByLabel('Username')).toHaveValue(DEMO.uid);
    await expect(page.getByLabel('Password')).toHaveValue(DEMO.password);
  });

  test('a cluster answering garbage is reported as an unexpected response', async ({ page }) => {
    await page.route('**/acs/api/v1/auth/login', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<html><body>Welcome to nginx</body></html>' }),
    );
    await page.goto('/login');
    await fillSignIn(page, DEMO.uid, DEMO.password);
    await expect(page.getByRole('alert')).toContainText('The cluster answered with an unexpected response.');
  });

  test('a 5xx from the cluster is reported, not mistaken for wrong credentials', async ({ page }) => {
    await page.route('**/acs/api/v1/auth/login', (route) =>
      route.fulfill({ status: 503, contentType: 'text/plain', body: 'Datastore is read-only' }),
    );
    await page.goto('/login');
    await fillSignIn(page, DEMO.uid, DEMO.password);
    await expect(page.getByRole('alert')).toContainText('The cluster could not be reached.');
    await expect(page.getByRole('alert')).toContainText('Datastore is read-only');
  });
});

test.describe('Deep links and redirects', () => {
  test('a protected page without a session goes to sign-in and returns there afterwards', async ({ page }) => {
    await page.goto('/some/deep/page?tab=details');
    await expect(page).toHaveURL('/login?redirect=%2Fsome%2Fdeep%2Fpage%3Ftab%3Ddetails');
    await fillSignIn(page, DEMO.uid, DEMO.password);
    await expect(page).toHaveURL('/some/deep/page?tab=details');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  const payloads = [
    '//evil.example',
    '//evil.example/%2F..',
    '/\\evil.example',
    '/\t/evil.example',
    'https://evil.example/',
    'http:evil.example',
    'javascript:alert(document.domain)',
    'JaVaScRiPt:alert(1)',
    '%2F%2Fevil.example',
    '\\\\evil.example',
    ' //evil.example',
    'data:text/html,<script>alert(1)</script>',
  ];

  test('open-redirect attempts after sign-in stay on this origin', async ({ page, baseURL }) => {
    // Thirteen sign-ins, each a full page load: 11–14 s on a quiet machine, up to 31 s on a busy 2-core CI runner.
    test.slow();
    await signInThroughForm(page);
    for (const payload of payloads) {
      await page.goto(`/login?redirect=${encodeURIComponent(payload)}`);
      await fillSignIn(page, DEMO.uid, DEMO.password);
      await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
      expect(new URL(page.url()).origin, payload).toBe(baseURL);
      expect(new URL(page.url()).pathname, payload).toBe('/');
    }
  });
});
