import { SECURITY_HEADERS } from '../build/security-headers.ts';
import { expect, signIn, test } from './fixtures.ts';

const PAGES = [
  '/',
  '/organization/users',
  '/organization/users/alice',
  '/organization/groups',
  '/organization/groups/superusers/users',
  '/organization/service-accounts',
];

test('[ASVS 3.4.3] the built console runs under its strict CSP without a single violation', async ({ page }) => {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.log(`CSP violation: ${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (message.text().startsWith('CSP violation') || message.text().includes('Content Security Policy'))
      violations.push(message.text());
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

test.describe('The security headers', () => {
  test('[ASVS 3.4.3] every kind of response carries the CSP, [ASVS 3.4.4] nosniff and [ASVS 3.4.5] no-referrer', async ({
    request,
  }) => {
    const html = await (await request.get('/')).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const style = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(script && style).toBeTruthy();
    const paths = [
      '/',
      '/login',
      '/organization/users/alice',
      script ?? '',
      style ?? '',
      '/favicon.png',
      '/theme-init.js',
      '/acs/api/v1/auth/jwks',
      '/acs/api/v1/users',
      '/acs/api/v1/no-such-thing',
      '/dcos-metadata/bootstrap-config.json',
    ];
    for (const path of paths) {
      const response = await request.get(path);
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers()[name.toLowerCase()], `${name} on ${path}`).toBe(value);
    }
  });

  test('[ASVS 3.4.6] the console cannot be framed by another page', async ({ page, baseURL }) => {
    await page.goto('about:blank');
    await page.setContent(`<iframe title="framed console" src="${baseURL ?? ''}/login"></iframe>`);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    // A blocked frame holds the browser's error page, never the console's URL and document.
    expect(frame?.url()).not.toBe(`${baseURL ?? ''}/login`);
    const text = await frame?.evaluate(() => document.body.textContent).catch(() => null);
    expect(text ?? '').not.toContain('Sign in to DC/OS');
    await expect(page.frameLocator('iframe').getByRole('heading', { name: 'Sign in to DC/OS' })).toHaveCount(0);
  });

  test('[ASVS 3.4.2] the API grants no other origin access: no CORS origin for foreign sites, never credentials', async ({
    request,
  }) => {
    const preflight = (origin: string) =>
      request.fetch('/acs/api/v1/users/mallory', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'x-requested-with,content-type',
        },
      });
    const foreign = { Origin: 'http://evil.example' };
    expect(
      (await request.get('/acs/api/v1/auth/jwks', { headers: foreign })).headers()['access-control-allow-origin'],
    ).toBeUndefined();
    expect((await preflight(foreign.Origin)).headers()['access-control-allow-origin']).toBeUndefined();
    // Without Allow-Credentials a browser sends no cookie after a preflight, so no session can be used from elsewhere.
    for (const origin of ['http://evil.example', 'http://localhost:9', 'http://127.0.0.1:9']) {
      expect((await preflight(origin)).headers()['access-control-allow-credentials'], origin).toBeUndefined();
    }
  });

  test('[ASVS 14.3.2] API answers, secret values included, are never stored by the browser cache (no-store)', async ({
    page,
  }) => {
    await signIn(page);
    for (const path of [
      '/acs/api/v1/users',
      '/acs/api/v1/users/alice',
      '/secrets/v1/secret/default/db-password',
      '/dcos-metadata/bootstrap-config.json',
    ]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['cache-control'], path).toBe('no-store');
    }
  });
});

test.describe('The policy at work in the browser', () => {
  test('[ASVS 3.4.3] refuses script and style injected at run time, and reports each refusal', async ({
    page,
    cspViolations,
  }) => {
    await signIn(page);
    const outcome = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.head.appendChild(script);
      const style = document.createElement('style');
      style.textContent = 'body { display: none }';
      document.head.appendChild(style);
      return {
        inline: (window as unknown as { __inline?: number }).__inline ?? null,
        hidden: getComputedStyle(document.body).display === 'none',
      };
    });
    expect(outcome).toEqual({ inline: null, hidden: false });
    // Reported asynchronously: wait for both before taking them out of the fixture's list.
    await expect.poll(() => cspViolations.length).toBe(2);
    expect(cspViolations.join('\n')).toMatch(/script-src-elem/);
    expect(cspViolations.join('\n')).toMatch(/style-src-elem/);
    // These violations were the point of the test; the fixture's check after it is for unexpected ones.
    cspViolations.splice(0);
  });

  test('[ASVS 3.6.1] loads nothing from another origin on its main pages', async ({ page, baseURL }) => {
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== baseURL) elsewhere.push(request.url());
    });
    await signIn(page);
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    expect(elsewhere).toEqual([]);
  });
});
