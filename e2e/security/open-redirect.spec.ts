import { DEMO, expect, fillSignIn, signInThroughForm, test } from '../fixtures.ts';

// Open redirects through the sign-in page: each query below is written into the address bar as is (already
// URL-encoded where it says %…), the user signs in, and the console must end on its own origin. The pure function
// has its own cases in src/lib/security-redirect.test.ts.
const REDIRECT_QUERIES = [
  '//evil.example',
  '%2F%2Fevil.example',
  '%2f%2fevil.example',
  '%252F%252Fevil.example',
  '///evil.example',
  '/%5Cevil.example',
  '%2F%5Cevil.example',
  '%5C%2F%5C%2Fevil.example',
  '%5C%5Cevil.example',
  'https%3A%2F%2Fevil.example%2F',
  'HTTPS%3A%2F%2FEVIL.EXAMPLE',
  'https:evil.example',
  'https%3A%2Fevil.example',
  'javascript%3Aalert(document.domain)',
  'JaVaScRiPt%3Aalert(1)',
  'java%09script%3Aalert(1)',
  'data%3Atext%2Fhtml%2C%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%20%2F%2Fevil.example',
  '/%09/evil.example',
  '%2F%09%2Fevil.example',
  '%2F%0A%2Fevil.example',
  '%2F%0D%0A%2Fevil.example',
  '%00%2F%2Fevil.example',
  '%2F%00%2Fevil.example',
  '%EF%BC%8F%EF%BC%8Fevil.example',
  '%2F%2Fcluster%40evil.example',
  'https%3A%2F%2F127.0.0.1%40evil.example',
  '%2Flogin%3Fredirect%3D%2F%2Fevil.example',
  // Dot segments that a browser's URL parser resolves to `//evil.example` (issue 19: these passed the old check, and
  // the IdP callback answered 303 Location: //evil.example/).
  '/.//evil.example',
  '/..//evil.example',
  '/x/..//evil.example',
  '/%2e//evil.example',
  '/a/../..//evil.example',
];

test.describe('Signing in through a crafted redirect stays on the console', () => {
  for (const query of REDIRECT_QUERIES) {
    test(`[ASVS 3.7.2] /login?redirect=${query}`, async ({ page, baseURL }) => {
      const left: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(baseURL ?? '')) left.push(request.url());
      });
      await page.goto(`/login?redirect=${query}`);
      await fillSignIn(page, DEMO.uid, DEMO.password);
      await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(baseURL);
      expect(left).toEqual([]);
    });
  }

  test('[ASVS 3.7.2] an already signed-in user opening a crafted sign-in link is not sent away either', async ({
    page,
    baseURL,
  }) => {
    await signInThroughForm(page);
    for (const query of REDIRECT_QUERIES.slice(0, 8)) {
      await page.goto(`/login?redirect=${query}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(new URL(page.url()).origin, query).toBe(baseURL);
    }
  });
});

test.describe('Single sign-on with a crafted target stays on the console', () => {
  // The IAM's SSO flow ends with a 303 to `target` (src/mocks/handlers/sso-finish.ts): same-origin relative paths only.
  test('[ASVS 3.7.2] /acs/api/v1/auth/login?oidc-provider=google-idp&target=… for every payload', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    for (const query of REDIRECT_QUERIES) {
      await page.context().clearCookies({ name: 'dcos-acs-auth-cookie' });
      await page.goto(`/acs/api/v1/auth/login?oidc-provider=google-idp&target=${query}`);
      await page.getByRole('button', { name: 'Approve' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect.soft(new URL(page.url()).origin, query).toBe(baseURL);
    }
    await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
  });
});
