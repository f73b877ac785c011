import AxeBuilder from '@axe-core/playwright';
import { expect, signIn, test } from './fixtures.ts';
import { answerAtIdp } from './identity-helpers.ts';

test.describe('Single sign-on', () => {
  test('OIDC: a deep link survives the round trip through the identity provider, and the account shows as external', async ({
    page,
  }) => {
    await page.goto('/secrets?path=group');
    await expect(page).toHaveURL('/login?redirect=%2Fsecrets%3Fpath%3Dgroup');
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    await expect(page).toHaveURL(/\/__sim\/idp\/oidc\/google-idp\/authorize\?/);
    await answerAtIdp(page, { account: 'dave.kim@example.com' });
    await expect(page).toHaveURL('/secrets?path=group');
    await expect(page.getByRole('heading', { level: 1, name: 'Secrets' })).toBeVisible();
    // Remote accounts are labelled by uid, and the overview says where the account comes from.
    await expect(page.getByRole('button', { name: 'Account: dave.kim@example.com' })).toBeVisible();
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByText('External (single sign-on or directory)')).toBeVisible();
  });

  test('OIDC: a new person is imported as a remote user on first sign-in', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    await answerAtIdp(page, { login: 'Frank Moore' });
    await expect(page.getByRole('button', { name: 'Account: Frank_Moore' })).toBeVisible();
    const info = (await page.context().cookies()).find((c) => c.name === 'dcos-acs-info-cookie');
    expect(JSON.parse(Buffer.from(decodeURIComponent(info?.value ?? ''), 'base64').toString('utf8'))).toEqual({
      uid: 'Frank_Moore',
      description: 'Frank Moore',
      is_remote: true,
    });
  });

  test('SAML: sign in through the IdP page and its POST back to the ACS', async ({ page }) => {
    await page.goto('/login?redirect=%2Fsecrets');
    await page.getByRole('link', { name: 'Sign in with Okta' }).click();
    await expect(page).toHaveURL(/\/__sim\/idp\/saml\/okta-saml\/sso\?SAMLRequest=/);
    await answerAtIdp(page, { account: 'erin.lopez@example.com' });
    await expect(page).toHaveURL('/secrets');
    await expect(page.getByRole('button', { name: 'Account: erin.lopez@example.com' })).toBeVisible();
  });

  test('denying at the IdP comes back to the sign-in page with the reason', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    await answerAtIdp(page, { deny: true });
    await expect(page).toHaveURL(/\/login\?iam-error=/);
    await expect(page.getByRole('alert')).toContainText('Single sign-on did not sign you in.');
    await expect(page.getByRole('alert')).toContainText('The identity provider did not approve the sign-in.');
    // The local form is still there.
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  test('an unknown provider and a local uid clash are explained on the sign-in page', async ({ page }) => {
    await page.goto('/acs/api/v1/auth/login?oidc-provider=nope&target=%2Fsecrets');
    await expect(page.getByRole('alert')).toContainText('That identity provider is not set up on this cluster.');

    await page.getByRole('link', { name: 'Sign in with Okta' }).click();
    await answerAtIdp(page, { login: 'alice' });
    await expect(page.getByRole('alert')).toContainText('already exists here as a local account');
    await expect(page.getByRole('button', { name: /^Account:/ })).toHaveCount(0);
  });

  test('a target of //evil.example ends on this origin, whether it came from the page or straight at the IAM', async ({
    page,
    baseURL,
  }) => {
    await page.goto('/login?redirect=%2F%2Fevil.example');
    await expect(page.getByRole('link', { name: 'Sign in with Google' })).toHaveAttribute(
      'href',
      '/acs/api/v1/auth/login?oidc-provider=google-idp&target=%2F',
    );
    await page.goto('/acs/api/v1/auth/login?oidc-provider=google-idp&target=%2F%2Fevil.example');
    await answerAtIdp(page, { account: 'dave.kim@example.com' });
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? '').origin);
    await expect(page).toHaveURL('/');
  });

  test('the identity provider pages have no axe violations and refuse a foreign redirect URI', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Sign in with Okta' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in with Okta' })).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);

    const response = await page.goto(
      '/__sim/idp/oidc/google-idp/authorize?client_id=1234567890-dcos.apps.googleusercontent.com&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&state=s',
    );
    expect(response?.status()).toBe(400);
    await expect(page.getByRole('alert')).toHaveText('The redirect_uri is not registered for this client.');
    expect(response?.headers()['content-security-policy']).toBe(
      "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
  });

  test('with more than three providers, the sign-in page shows the first three by description and the rest behind More, in the providers page’s order', async ({
    page,
    browser,
  }) => {
    // Added in an order that is neither alphabetical by ID nor by description.
    await signIn(page, 'bootstrapuser', 'deleteme', '/login?redirect=%2Fsettings');
    for (const [id, description] of [
      ['a-idp', 'Zeta Corp'],
      ['m-idp', 'azure AD'],
    ] as const) {
      const created = await page.request.put(`/acs/api/v1/auth/oidc/providers/${id}`, {
        headers: { 'X-Requested-With': 'dcos-console' },
        data: {
          description,
          issuer: 'https://sso.example.com',
          base_url: new URL(page.url()).origin,
          client_id: 'dcos',
          client_secret: 'secret',
        },
      });
      expect(created.status(), await created.text()).toBe(201);
    }
    await page.reload();
    const order = ['m-idp — azure AD', 'google-idp — Google', 'okta-saml — Okta', 'a-idp — Zeta Corp'];
    await expect(page.getByRole('table', { name: 'Configured identity providers' }).getByRole('link')).toHaveText(
      order,
    );

    // Signed out, on the same cluster: the same order, cut after three.
    const other = await browser.newContext({ baseURL: new URL(page.url()).origin });
    await other.addCookies((await page.context().cookies()).filter((c) => c.name === 'dcos-sim-db'));
    const signedOut = await other.newPage();
    await signedOut.goto('/login');
    const region = signedOut.getByRole('region', { name: 'Single sign-on' });
    await expect(region.getByRole('link').filter({ visible: true })).toHaveText([
      'Sign in with azure AD',
      'Sign in with Google',
      'Sign in with Okta',
    ]);
    await region.getByText('More (1)').click();
    await expect(region.getByRole('link')).toHaveText([
      'Sign in with azure AD',
      'Sign in with Google',
      'Sign in with Okta',
      'Sign in with Zeta Corp',
    ]);
    await other.close();
  });
});
