// @vitest-environment node
import { getResponse, http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSigningKeys, signAuthToken } from '../lib/jwt.ts';
import { json } from '../lib/http.ts';
import { simulator } from '../node.ts';
import { apiRequest, loginAs, type Credentials, type Via } from '../test-support.ts';
import { IAM_ACCESS, guarded } from './guard.ts';

const PROTECTED = [
  '/acs/api/v1/users',
  '/acs/api/v1/users/bootstrapuser',
  '/acs/api/v1/users/bootstrapuser/permissions',
  '/dcos-metadata/bootstrap-config.json',
];

async function expectAdminRouter401(response: Response) {
  expect(response.status).toBe(401);
  expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('WWW-Authenticate')).toBe('acsjwt');
  const html = await response.text();
  expect(html).toContain('<h1>401 Unauthorized</h1>');
  expect(html).toContain("window.location = '/#/login?redirect=' + encodeURIComponent(window.location.href);");
}

let token: string;
beforeAll(async () => {
  // Tokens stay valid across tests: the signing key lives as long as the simulator, only the db is reset.
  token = await loginAs(simulator, 'bootstrapuser', 'deleteme');
});

describe('Admin Router authentication in front of protected routes', () => {
  describe.each(PROTECTED)('%s', (path) => {
    it.each<Via>(['cookie', 'token', 'bearer'])('accepts the token sent as %s', async (via) => {
      const response = await simulator.handle(apiRequest(path, { via, token }));
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('application/json');
    });

    it('answers a request without a token with the HTML 401 page', async () => {
      await expectAdminRouter401(await simulator.handle(apiRequest(path)));
    });

    it('rejects an expired token with the HTML 401 page', async () => {
      const expired = await signAuthToken(simulator.context.keys, 'bootstrapuser', 3600, Date.now() - 3601_000);
      await expectAdminRouter401(await simulator.handle(apiRequest(path, { via: 'token', token: expired })));
      await expectAdminRouter401(await simulator.handle(apiRequest(path, { via: 'cookie', token: expired })));
    });

    it("rejects a token signed by another key with Admin Router's HTML 401", async () => {
      const forged = await signAuthToken(await createSigningKeys(), 'bootstrapuser', 3600);
      await expectAdminRouter401(await simulator.handle(apiRequest(path, { via: 'bearer', token: forged })));
      await expectAdminRouter401(await simulator.handle(apiRequest(path, { via: 'cookie', token: forged })));
    });

    it('rejects the token of a user who has since been deleted', async () => {
      const bobToken = await loginAs(simulator, 'bob', 'bob-pass');
      simulator.context.defaultDb.users.delete('bob');
      await expectAdminRouter401(await simulator.handle(apiRequest(path, { via: 'token', token: bobToken })));
    });
  });

  it.each([
    ['a cookie that is not a JWT', { cookie: 'dcos-acs-auth-cookie=not.a.jwt' }],
    ['the emptied cookie logout leaves behind', { cookie: 'dcos-acs-auth-cookie=""' }],
    ['a Basic Authorization header', { authorization: 'Basic Ym9vdHN0cmFwdXNlcjpkZWxldGVtZQ==' }],
    ['an empty token= header', { authorization: 'token=' }],
    ['a bare token without a scheme', { authorization: 'eyJhbGciOiJSUzI1NiJ9.e30.sig' }],
  ])('rejects %s', async (_what, headers) => {
    const response = await simulator.handle(new Request('http://127.0.0.1:5173/acs/api/v1/users', { headers }));
    await expectAdminRouter401(response);
  });

  it('lets an Authorization header override the cookie, even a bad header over a good cookie', async () => {
    const request = new Request('http://127.0.0.1:5173/acs/api/v1/users', {
      headers: { Authorization: 'token=garbage', Cookie: `dcos-acs-auth-cookie=${token}` },
    });
    await expectAdminRouter401(await simulator.handle(request));
  });

  it('reads the header and ignores a stale cookie next to it', async () => {
    const request = new Request('http://127.0.0.1:5173/acs/api/v1/users', {
      headers: { Authorization: `token=${token}`, Cookie: 'dcos-acs-auth-cookie=stale' },
    });
    expect((await simulator.handle(request)).status).toBe(200);
  });

  it('accepts the Bearer scheme in any case', async () => {
    const request = new Request('http://127.0.0.1:5173/acs/api/v1/users', {
      headers: { Authorization: `bearer ${token}` },
    });
    expect((await simulator.handle(request)).status).toBe(200);
  });

  it('finds the auth cookie among other cookies', async () => {
    const request = new Request('http://127.0.0.1:5173/acs/api/v1/users', {
      headers: { Cookie: `theme=dark; dcos-acs-auth-cookie=${token}; dcos-acs-info-cookie=e30=` },
    });
    expect((await simulator.handle(request)).status).toBe(200);
  });
});

describe('the CSRF rule for cookie-authenticated writes', () => {
  // No simulator route writes yet, so these run `guarded` behind a test-only route.
  const handlers = [
    http.all(
      '*/test/guarded-write',
      guarded(
        simulator.context,
        () => IAM_ACCESS,
        ({ principal }) => json(principal),
      ),
    ),
  ];
  const write = (credentials: Credentials) => getResponse(handlers, apiRequest('/test/guarded-write', credentials));
  const CSRF_REFUSAL = {
    title: 'Forbidden',
    description: 'Cookie-authenticated writes must carry the x-requested-with header.',
  };

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'refuses a cookie-authenticated %s without X-Requested-With',
    async (method) => {
      const response = await write({ via: 'cookie', token, method });
      expect(response?.status).toBe(403);
      expect(response?.headers.get('Content-Type')).toBe('application/json');
      expect(await response?.json()).toEqual(CSRF_REFUSAL);
    },
  );

  it('refuses a cookie-authenticated write whose X-Requested-With has another value', async () => {
    const request = new Request('http://127.0.0.1:5173/test/guarded-write', {
      method: 'DELETE',
      headers: { Cookie: `dcos-acs-auth-cookie=${token}`, 'X-Requested-With': 'XMLHttpRequest' },
    });
    const response = await getResponse(handlers, request);
    expect(response?.status).toBe(403);
    expect(await response?.json()).toEqual(CSRF_REFUSAL);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'lets a cookie-authenticated %s with X-Requested-With: dcos-console through',
    async (method) => {
      const response = await write({ via: 'cookie', token, method, csrf: true });
      expect(response?.status).toBe(200);
      expect(await response?.json()).toEqual({ uid: 'bootstrapuser', via: 'cookie' });
    },
  );

  it.each<Via>(['token', 'bearer'])('needs no CSRF header when the token comes as %s in Authorization', async (via) => {
    const response = await write({ via, token, method: 'DELETE' });
    expect(response?.status).toBe(200);
    expect(await response?.json()).toEqual({ uid: 'bootstrapuser', via: 'header' });
  });

  it.each(['GET', 'HEAD', 'OPTIONS'])('needs no CSRF header for a cookie-authenticated %s', async (method) => {
    const response = await write({ via: 'cookie', token, method });
    expect(response?.status).toBe(200);
  });

  it('answers an unauthenticated write with the 401 page, not the CSRF refusal', async () => {
    const response = await write({ method: 'POST' });
    if (!response) throw new Error('no response');
    await expectAdminRouter401(response);
  });

  it("checks CSRF before the route's permission", async () => {
    const bobToken = await loginAs(simulator, 'bob', 'bob-pass');
    const withoutHeader = await write({ via: 'cookie', token: bobToken, method: 'POST' });
    expect(await withoutHeader?.json()).toEqual(CSRF_REFUSAL);
    const withHeader = await write({ via: 'cookie', token: bobToken, method: 'POST', csrf: true });
    expect(withHeader?.status).toBe(403);
    expect(withHeader?.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  });
});
