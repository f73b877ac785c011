// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { simulator } from '../node.ts';
import { ORIGIN, decodeJwtPart, formOf, navigatingBrowser } from '../test-support.ts';

const browser = () => navigatingBrowser(simulator);

const db = () => simulator.context.defaultDb;

/** Starts a sign-in and answers the IdP's page; returns the browser and the IAM's final answer. */
async function signIn(
  kind: 'oidc' | 'saml',
  provider: string,
  choice: { login?: string; account?: string; decision?: 'approve' | 'deny' },
  target?: string,
) {
  const b = browser();
  const query = new URLSearchParams({ [`${kind}-provider`]: provider, ...(target === undefined ? {} : { target }) });
  const start = await b.go('GET', `/acs/api/v1/auth/login?${query.toString()}`);
  expect(start.status).toBe(302);
  const page = await b.go('GET', start.headers.get('Location') ?? '');
  expect(page.status).toBe(200);
  const { action, fields } = await formOf(page);
  const answer = await b.go('POST', action, {
    ...fields,
    login: choice.login ?? '',
    account: choice.account ?? '',
    decision: choice.decision ?? 'approve',
  });
  if (kind === 'oidc') {
    expect(answer.status).toBe(302);
    return { b, end: await b.go('GET', answer.headers.get('Location') ?? '') };
  }
  const post = await formOf(answer);
  return { b, end: await b.go('POST', post.action, post.fields) };
}

const iamErrorOf = (response: Response) => {
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get('Location') ?? '', ORIGIN);
  expect(location.pathname).toBe('/');
  return location.searchParams.get('iam-error');
};

describe('OIDC sign-in (GET /auth/login?oidc-provider=…, the IdP, GET /auth/oidc/callback)', () => {
  it('imports a new remote user, sets both cookies and 303s to the target', async () => {
    const { b, end } = await signIn(
      'oidc',
      'google-idp',
      { login: 'frank.moore@example.com' },
      '/organization/users?q=frank',
    );
    expect(end.status).toBe(303);
    expect(end.headers.get('Location')).toBe('/organization/users?q=frank');
    const cookies = end.headers.getSetCookie();
    expect(cookies[0]).toMatch(/^dcos-acs-auth-cookie=eyJ[^;]+; HttpOnly; Path=\/; SameSite=Strict; Max-Age=432000$/);
    expect(decodeJwtPart(b.jar.get('dcos-acs-auth-cookie') ?? '', 1)).toMatchObject({ uid: 'frank.moore@example.com' });
    expect(JSON.parse(atob(b.jar.get('dcos-acs-info-cookie') ?? ''))).toEqual({
      uid: 'frank.moore@example.com',
      description: 'Frank Moore',
      is_remote: true,
    });
    expect(db().users.get('frank.moore@example.com')).toEqual({
      uid: 'frank.moore@example.com',
      description: 'Frank Moore',
      isService: false,
      providerType: 'oidc',
      providerId: 'google-idp',
    });
  });

  it('signs the seeded dave.kim@example.com in again without a second import, to / without a target', async () => {
    const before = db().users.size;
    const { end } = await signIn('oidc', 'google-idp', { account: 'dave.kim@example.com' });
    expect(end.headers.get('Location')).toBe('/');
    expect(db().users.size).toBe(before);
  });

  it.each([
    '//evil.example',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/\n/evil.example',
    '/\t/evil.example',
  ])('ends on the origin for the target %s', async (target) => {
    const { end } = await signIn('oidc', 'google-idp', { account: 'dave.kim@example.com' }, target);
    expect(end.status).toBe(303);
    expect(end.headers.get('Location')).toBe('/');
  });

  it('sanitises the remote uid as documented', async () => {
    await signIn('oidc', 'google-idp', { login: 'Zoë Ward!' });
    expect(db().users.get('Zo_Ward_')?.description).toBe('Zoë Ward!');
  });

  it('comes back with the reason when the person denies at the IdP', async () => {
    const { end } = await signIn('oidc', 'google-idp', { decision: 'deny' });
    expect(iamErrorOf(end)).toBe(
      'Sign-in with Google did not complete: the identity provider answered access_denied (The user denied the request.).',
    );
    expect(end.headers.getSetCookie()).toEqual([]);
  });

  it('sends a failure back to the flow’s target with the reason, so a console under a mount gets it (issue 21)', async () => {
    const { end } = await signIn('oidc', 'google-idp', { decision: 'deny' }, '/security/secrets?path=group');
    expect(end.status).toBe(303);
    const location = new URL(end.headers.get('Location') ?? '', ORIGIN);
    expect(location.pathname).toBe('/security/secrets');
    expect(location.searchParams.get('path')).toBe('group');
    expect(location.searchParams.get('iam-error')).toMatch(/^Sign-in with Google did not complete/);
    // A target that would leave the origin is refused as on success: the reason goes to the root.
    const away = await signIn('oidc', 'google-idp', { decision: 'deny' }, '/.//evil.example/x');
    expect(new URL(away.end.headers.get('Location') ?? '', ORIGIN).pathname).toBe('/');
  });

  it('refuses a local uid with ERR_CANNOT_IMPORT_USER', async () => {
    const { end } = await signIn('oidc', 'google-idp', { login: 'alice' });
    expect(iamErrorOf(end)).toBe('Cannot import user `alice`: a local account with this uid exists.');
    expect(db().users.get('alice')?.providerType).toBe('internal');
  });

  it('refuses an account another provider brought in', async () => {
    const { end } = await signIn('oidc', 'google-idp', { login: 'erin.lopez@example.com' });
    expect(iamErrorOf(end)).toContain('comes from another identity provider');
  });

  it('answers API clients with the JSON error instead of a redirect', async () => {
    const response = await simulator.handle(
      new Request(`${ORIGIN}/acs/api/v1/auth/login?oidc-provider=nope`, { headers: { Accept: 'application/json' } }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      title: 'Bad Request',
      description: "The login provider with ID 'nope' is not known",
    });
  });
});

describe('Starting a sign-in', () => {
  it('303s an unknown provider to /?iam-error=…', async () => {
    const response = await browser().go('GET', '/acs/api/v1/auth/login?saml-provider=nope&target=%2Fsecrets');
    expect(iamErrorOf(response)).toBe("The login provider with ID 'nope' is not known");
  });

  it('needs a provider: 400 ERR_MISSING_QUERY_PARAMETERS', async () => {
    const response = await browser().go('GET', '/acs/api/v1/auth/login?target=%2F');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('ERR_MISSING_QUERY_PARAMETERS');
  });

  it('binds the flow to the browser with an HttpOnly cookie scoped to the auth endpoints', async () => {
    const response = await browser().go('GET', '/acs/api/v1/auth/login?oidc-provider=google-idp');
    expect(response.headers.getSetCookie()[0]).toMatch(
      /^dcos-iam-oidc-state=\w+; HttpOnly; Path=\/acs\/api\/v1\/auth; SameSite=Lax; Max-Age=600$/,
    );
    const location = new URL(response.headers.get('Location') ?? '', ORIGIN);
    expect(location.pathname).toBe('/__sim/idp/oidc/google-idp/authorize');
    expect(location.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/acs/api/v1/auth/oidc/callback`);
    expect(location.searchParams.get('client_id')).toBe('1234567890-dcos.apps.googleusercontent.com');
  });
});

describe('Bad state', () => {
  it('refuses a callback without the state cookie before anything else, as the IAM does', async () => {
    const response = await browser().go('GET', '/acs/api/v1/auth/oidc/callback?state=forged&code=x');
    expect(iamErrorOf(response)).toBe('dcos-iam-oidc-state cookie missing');
  });

  it('refuses an unknown state from a browser that has the state cookie', async () => {
    const b = browser();
    await b.go('GET', '/acs/api/v1/auth/login?oidc-provider=google-idp');
    const response = await b.go('GET', '/acs/api/v1/auth/oidc/callback?state=forged&code=x');
    expect(iamErrorOf(response)).toBe(
      'The sign-in attempt is unknown or has expired (bad state). Start again from the sign-in page.',
    );
  });

  it('refuses a callback opened in another browser, and a code used twice', async () => {
    const b = browser();
    const start = await b.go('GET', '/acs/api/v1/auth/login?oidc-provider=google-idp');
    const { action, fields } = await formOf(await b.go('GET', start.headers.get('Location') ?? ''));
    const callback =
      (await b.go('POST', action, { ...fields, account: 'dave.kim@example.com', decision: 'approve' })).headers.get(
        'Location',
      ) ?? '';
    expect(iamErrorOf(await browser().go('GET', callback))).toBe('dcos-iam-oidc-state cookie missing');
    const other = browser();
    other.jar.set('dcos-iam-oidc-state', 'another-browsers-binding');
    expect(iamErrorOf(await other.go('GET', callback))).toContain('bad state');
    expect(iamErrorOf(await b.go('GET', callback))).toContain('bad state');
  });
});

describe('SAML sign-in (GET /auth/login?saml-provider=…, the IdP, POST …/acs-callback)', () => {
  it('imports erin from the NameID and 303s to the target', async () => {
    const { b, end } = await signIn('saml', 'okta-saml', { account: 'erin.lopez@example.com' }, '/secrets');
    expect(end.status).toBe(303);
    expect(end.headers.get('Location')).toBe('/secrets');
    expect(JSON.parse(atob(b.jar.get('dcos-acs-info-cookie') ?? ''))).toEqual({
      uid: 'erin.lopez@example.com',
      description: 'Erin Lopez',
      is_remote: true,
    });
  });

  it('takes a plain NameID as the uid when there is no email', async () => {
    await signIn('saml', 'okta-saml', { login: 'grace' });
    expect(db().users.get('grace')).toMatchObject({ providerType: 'saml', providerId: 'okta-saml' });
  });

  it('refuses a response that was altered on the way', async () => {
    const b = browser();
    const start = await b.go('GET', '/acs/api/v1/auth/login?saml-provider=okta-saml');
    const idp = await formOf(await b.go('GET', start.headers.get('Location') ?? ''));
    const post = await formOf(
      await b.go('POST', idp.action, { ...idp.fields, account: 'erin.lopez@example.com', decision: 'approve' }),
    );
    const xml = Buffer.from(post.fields.SAMLResponse ?? '', 'base64')
      .toString('utf8')
      .replace('erin.lopez@example.com', 'bootstrapuser@example.com');
    const end = await b.go('POST', post.action, { ...post.fields, SAMLResponse: Buffer.from(xml).toString('base64') });
    expect(iamErrorOf(end)).toBe(
      'Sign-in with Okta failed: the SAML response is not one the identity provider issued for this sign-in.',
    );
  });

  it('comes back with the reason when the person denies', async () => {
    const { end } = await signIn('saml', 'okta-saml', { decision: 'deny' });
    expect(iamErrorOf(end)).toBe('Sign-in with Okta did not complete: the identity provider denied it.');
  });

  it('shows the token and sets no cookie for the CLI target', async () => {
    const { end } = await signIn(
      'saml',
      'okta-saml',
      { account: 'erin.lopez@example.com' },
      'dcos:authenticationresponse:html',
    );
    expect(end.status).toBe(200);
    expect(end.headers.getSetCookie()).toEqual([]);
    expect(await end.text()).toMatch(/<textarea readonly aria-label="Authentication token"[^>]*>eyJ/);
  });
});

describe('The simulated identity provider', () => {
  it('serves its pages with a strict CSP of their own and escapes what it shows', async () => {
    db().sso.oidc.set('x', {
      description: '<img src=x onerror=alert(1)>',
      issuer: 'https://x.example',
      base_url: ORIGIN,
      client_id: 'c',
      client_secret: 's',
    });
    const b = browser();
    const start = await b.go('GET', '/acs/api/v1/auth/login?oidc-provider=x');
    const page = await b.go('GET', start.headers.get('Location') ?? '');
    expect(page.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    const html = await page.text();
    expect(html).toContain('Sign in with &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img/);
  });

  it('will not send a code to a redirect URI on another origin', async () => {
    const query = new URLSearchParams({
      client_id: '1234567890-dcos.apps.googleusercontent.com',
      redirect_uri: 'https://evil.example/acs/api/v1/auth/oidc/callback',
      state: 's',
      nonce: 'n',
    });
    const response = await browser().go('GET', `/__sim/idp/oidc/google-idp/authorize?${query.toString()}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('The redirect_uri is not registered for this client.');
  });

  it('asks again when nothing was picked or typed', async () => {
    const b = browser();
    const start = await b.go('GET', '/acs/api/v1/auth/login?oidc-provider=google-idp');
    const { action, fields } = await formOf(await b.go('GET', start.headers.get('Location') ?? ''));
    const again = await b.go('POST', action, { ...fields, decision: 'approve' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Pick an account or type one.');
  });
});
