// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulator } from '../node.ts';
import { ORIGIN, formOf, navigatingBrowser } from '../test-support.ts';

const browser = () => navigatingBrowser(simulator);

// Single sign-on as an attacker meets it (ASVS V10 for OIDC, V6.8 for identity providers): the IAM takes a code or a
// SAML response only from the sign-in this very browser started, once, and the simulated IdP sends codes only to the
// registered callback. Each case ends with "no session": a 303 back to the sign-in with an iam-error, and no cookie.

const CALLBACK = `${ORIGIN}/acs/api/v1/auth/oidc/callback`;
const CLIENT_ID = '1234567890-dcos.apps.googleusercontent.com';

type Browser = ReturnType<typeof browser>;

/** Starts an OIDC sign-in in `b`; returns the state and the IdP's authorization URL. */
async function startOidc(b: Browser) {
  const start = await b.go('GET', '/acs/api/v1/auth/login?oidc-provider=google-idp');
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('Location') ?? '', ORIGIN);
  return { state: authorize.searchParams.get('state') ?? '', authorize };
}

/** Approves `account` at the IdP for the sign-in whose authorization URL this is; returns the callback URL with the code. */
async function approveAtIdp(b: Browser, authorize: URL, account = 'dave.kim@example.com'): Promise<URL> {
  const { action, fields } = await formOf(await b.go('GET', authorize.href));
  const answer = await b.go('POST', action, { ...fields, account, login: '', decision: 'approve' });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('Location') ?? '');
}

/** The callback URL with this state and code. */
const callbackWith = (state: string | null, code: string | null) => {
  const url = new URL(CALLBACK);
  if (state !== null) url.searchParams.set('state', state);
  if (code !== null) url.searchParams.set('code', code);
  return url.href;
};

function expectSignedIn(response: Response) {
  expect(response.status).toBe(303);
  expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith('dcos-acs-auth-cookie=eyJ'))).toBe(true);
}

/** Refused: sent back to the console with the reason, and no session cookie set. */
function expectRefused(response: Response) {
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get('Location') ?? '', ORIGIN);
  expect(location.pathname).toBe('/');
  expect(location.searchParams.get('iam-error')).toBeTruthy();
  expect(response.headers.getSetCookie().filter((cookie) => /^dcos-acs-(auth|info)-cookie=/.test(cookie))).toEqual([]);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('The OIDC callback', () => {
  it('[ASVS 10.2.1] refuses a state it never issued, or none, even from a browser with a sign-in of its own under way', async () => {
    const b = browser();
    const { authorize } = await startOidc(b);
    const code = (await approveAtIdp(b, authorize)).searchParams.get('code');
    expectRefused(await b.go('GET', callbackWith('0123456789abcdef0123456789abcdef', code)));
    expectRefused(await b.go('GET', callbackWith(null, code)));
  });

  it('[ASVS 10.1.2] refuses a callback opened in another browser (an attacker’s own sign-in lured into a victim’s browser)', async () => {
    const attacker = browser();
    const { authorize } = await startOidc(attacker);
    const callback = await approveAtIdp(attacker, authorize);
    // The victim has started a sign-in too, so carries a binding cookie of its own.
    const victim = browser();
    await startOidc(victim);
    expectRefused(await victim.go('GET', callback.href));
    // Nor can the attacker finish it afterwards: the state was spent by the refused attempt.
    expectRefused(await attacker.go('GET', callback.href));
  });

  it('[ASVS 10.1.2] issues a different unguessable state (128 random bits) for every sign-in', async () => {
    const b = browser();
    const states = new Set<string>();
    for (let i = 0; i < 20; i += 1) states.add((await startOidc(b)).state);
    expect(states.size).toBe(20);
    for (const state of states) expect(state).toMatch(/^[0-9a-f]{32}$/);
  });

  it('[ASVS 10.4.2] takes an authorization code once: the same code with a fresh sign-in’s state is refused', async () => {
    const b = browser();
    const first = await startOidc(b);
    const code = (await approveAtIdp(b, first.authorize)).searchParams.get('code');
    expectSignedIn(await b.go('GET', callbackWith(first.state, code)));
    const second = await startOidc(b);
    expectRefused(await b.go('GET', callbackWith(second.state, code)));
  });

  it('[ASVS 10.5.1] refuses a code the IdP issued for another sign-in (another nonce), even with this sign-in’s state', async () => {
    const b = browser();
    const a = await startOidc(b);
    const other = await startOidc(b);
    expect(other.authorize.searchParams.get('nonce')).not.toBe(a.authorize.searchParams.get('nonce'));
    const codeForA = (await approveAtIdp(b, a.authorize)).searchParams.get('code');
    expectRefused(await b.go('GET', callbackWith(other.state, codeForA)));
  });

  it('[ASVS 10.4.3] refuses a code older than five minutes (the sign-in itself is still valid)', async () => {
    const now = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now });
    const b = browser();
    const { state, authorize } = await startOidc(b);
    const code = (await approveAtIdp(b, authorize)).searchParams.get('code');
    vi.setSystemTime(now + 5 * 60_000 + 1_000);
    expectRefused(await b.go('GET', callbackWith(state, code)));
  });
});

describe('The simulated identity provider', () => {
  it('[ASVS 10.4.1] sends codes only to the registered redirect URI, compared as an exact string', async () => {
    const authorize = (redirectUri: string) => {
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: CLIENT_ID,
        redirect_uri: redirectUri,
        state: 's',
        nonce: 'n',
      });
      return browser().go('GET', `/__sim/idp/oidc/google-idp/authorize?${query.toString()}`);
    };
    expect((await authorize(CALLBACK)).status).toBe(200);
    // Another host, and every variant a URL parser would tidy back into the registered URI.
    for (const redirectUri of [
      'https://evil.example/acs/api/v1/auth/oidc/callback',
      `${CALLBACK}?next=//evil.example`,
      `${CALLBACK}#x`,
      `${CALLBACK}/`,
      `${ORIGIN}/acs/api/v1/auth/x/../oidc/callback`,
      `${ORIGIN}/acs/api/v1/auth/oidc/%63allback`,
      CALLBACK.replace('http://', 'http://evil@'),
      CALLBACK.replace('http://', 'HTTP://'),
    ]) {
      const response = await authorize(redirectUri);
      expect(response.status, redirectUri).toBe(400);
      expect(await response.text()).toContain('The redirect_uri is not registered for this client.');
    }
  });
});

/** A SAML sign-in up to the IdP's auto-posting page: the browser, and the ACS URL and fields it would post. */
async function samlResponseFor(b: Browser, account: string) {
  const start = await b.go('GET', '/acs/api/v1/auth/login?saml-provider=okta-saml');
  const idp = await formOf(await b.go('GET', start.headers.get('Location') ?? ''));
  return formOf(await b.go('POST', idp.action, { ...idp.fields, account, login: '', decision: 'approve' }));
}

describe('The SAML assertion consumer', () => {
  it('[ASVS 6.8.3] takes a SAML response once: posted again, as is or with a fresh sign-in’s RelayState, it is refused', async () => {
    const b = browser();
    const post = await samlResponseFor(b, 'erin.lopez@example.com');
    expectSignedIn(await b.go('POST', post.action, post.fields));
    expectRefused(await b.go('POST', post.action, post.fields));
    const fresh = await b.go('GET', '/acs/api/v1/auth/login?saml-provider=okta-saml');
    const relayState = new URL(fresh.headers.get('Location') ?? '', ORIGIN).searchParams.get('RelayState') ?? '';
    expectRefused(await b.go('POST', post.action, { ...post.fields, RelayState: relayState }));
  });

  it('[ASVS 6.8.1] lets no identity provider sign in as a local account or as an account another provider brought in', async () => {
    // alice is a local account; dave.kim@example.com came in through the OIDC provider google-idp.
    for (const account of ['alice', 'dave.kim@example.com']) {
      const b = browser();
      const post = await samlResponseFor(b, account);
      expectRefused(await b.go('POST', post.action, post.fields));
    }
    expect(simulator.context.defaultDb.users.get('dave.kim@example.com')).toMatchObject({
      providerType: 'oidc',
      providerId: 'google-idp',
    });
    expect(simulator.context.defaultDb.users.get('alice')?.providerType).toBe('internal');
  });
});
