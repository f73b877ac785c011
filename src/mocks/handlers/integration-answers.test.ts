// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { simulator } from '../node.ts';
import { ORIGIN, apiRequest, loginAs } from '../test-support.ts';
import { clusterIdOf } from './metadata.ts';

// Issue 20: the answers where DC/OS's own integration tests (dcos/dcos packages/dcos-integration-test/extra/ and the
// Enterprise IAM and Secrets tests) show a real cluster answering otherwise than the simulator did. One case per row
// of the table; the decisions are in docs/decisions/006-answers-from-dcos-integration-tests.md.

let root: string;
let alice: string;
beforeAll(async () => {
  root = await loginAs(simulator, 'bootstrapuser', 'deleteme');
  alice = await loginAs(simulator, 'alice', 'alice-pass');
});

async function expectAdminRouter401(response: Response) {
  expect(response.status).toBe(401);
  expect(response.headers.get('WWW-Authenticate')).toBe('acsjwt');
  expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  expect(await response.text()).toContain('<h1>401 Unauthorized</h1>');
}

const raw = (path: string, init: RequestInit = {}) => simulator.handle(new Request(`${ORIGIN}${path}`, init));

describe("Admin Router's token check in front of every /acs/api/v1 path outside /acs/api/v1/auth/", () => {
  const paths = [
    '/acs/api/v1',
    '/acs/api/v1/',
    '/acs/api/v1/no/such/thing',
    '/acs/api/v1/users',
    '/acs/api/v1/acls/%ZZ',
    '/acs/api/v1/users/bootstrapuser/nothing-here',
  ];

  describe.each(paths)('%s', (path) => {
    it.each([
      ['no token', {}],
      ['Authorization: foo', { Authorization: 'foo' }],
      ['Authorization: token=', { Authorization: 'token=' }],
      ['Authorization: token=X', { Authorization: 'token=X' }],
      ['a forged cookie', { Cookie: 'dcos-acs-auth-cookie=X' }],
    ])('answers %s with the 401 page and WWW-Authenticate: acsjwt', async (_what, headers) => {
      await expectAdminRouter401(await raw(path, { headers }));
    });
  });

  it('checks before any routing: a method no IAM route has is 401 too', async () => {
    await expectAdminRouter401(await raw('/acs/api/v1/users', { method: 'DELETE' }));
    await expectAdminRouter401(
      await raw('/acs/api/v1/acls', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
    );
  });

  it('lets a valid token through to the IAM, which answers an unknown path with its own 404', async () => {
    const response = await simulator.handle(apiRequest('/acs/api/v1/no/such/thing', { via: 'token', token: root }));
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect((await simulator.handle(apiRequest('/acs/api/v1/users', { via: 'token', token: root }))).status).toBe(200);
  });

  it('leaves /acs/api/v1/auth/ open: jwks, providers and login answer without a token', async () => {
    expect((await raw('/acs/api/v1/auth/jwks')).status).toBe(200);
    expect((await raw('/acs/api/v1/auth/providers')).status).toBe(200);
    const login = await raw('/acs/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"uid":"bob","password":"bob-pass"}',
    });
    expect(login.status).toBe(200);
  });
});

describe('The Secret Store', () => {
  it('refuses GET /secrets/v1/store to an account without dcos:superuser with 403, and without a token with 401', async () => {
    expect((await simulator.handle(apiRequest('/secrets/v1/store', { via: 'token', token: alice }))).status).toBe(403);
    expect((await simulator.handle(apiRequest('/secrets/v1/store'))).status).toBe(401);
    expect((await simulator.handle(apiRequest('/secrets/v1/store', { via: 'token', token: root }))).status).toBe(200);
  });

  it('answers GET /secrets/v1/ping with pong', async () => {
    const response = await simulator.handle(apiRequest('/secrets/v1/ping', { via: 'token', token: root }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('pong');
  });

  it('answers GET /secrets/v1/init/default with initialized and keys', async () => {
    const response = await simulator.handle(apiRequest('/secrets/v1/init/default', { via: 'token', token: root }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { initialized: boolean; keys: unknown[] };
    expect(body.initialized).toBe(true);
    expect(body.keys.length).toBeGreaterThan(0);
  });

  it('seals with 204 and no body, refuses a wrong key on the now unsealed store with 500, and auto-unseals with 200', async () => {
    const seal = await simulator.handle(
      apiRequest('/secrets/v1/seal/default', { via: 'token', token: root, method: 'PUT' }),
    );
    expect(seal.status).toBe(204);
    expect(await seal.text()).toBe('');
    const { keys } = (await (
      await simulator.handle(apiRequest('/secrets/v1/init/default', { via: 'token', token: root }))
    ).json()) as { keys: string[] };
    const auto = await simulator.handle(
      apiRequest('/secrets/v1/auto-unseal/default', {
        via: 'token',
        token: root,
        method: 'PUT',
        body: JSON.stringify({ key: keys[0] }),
      }),
    );
    expect(auto.status).toBe(200);
    expect(await auto.json()).toMatchObject({ sealed: false });
    const wrong = await simulator.handle(
      apiRequest('/secrets/v1/unseal/default', { via: 'token', token: root, method: 'PUT', body: '{"key":"wrong"}' }),
    );
    expect(wrong.status).toBe(500);
  });
});

describe('Single sign-on callbacks', () => {
  it('answers the OIDC callback without the state cookie with 401 naming the cookie', async () => {
    const response = await raw('/acs/api/v1/auth/oidc/callback?state=s&code=c', {
      headers: { Accept: 'application/json' },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { description: string }).description).toContain(
      'dcos-iam-oidc-state cookie missing',
    );
  });

  it('checks the SAML provider first: an unknown one is 401 naming it, whatever the form', async () => {
    const response = await raw('/acs/api/v1/auth/saml/providers/unknown/acs-callback', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'SAMLResponse=x&RelayState=y',
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { description: string }).description).toContain(
      'SAML provider `unknown` not known',
    );
  });
});

describe('POST /acs/api/v1/auth/login', () => {
  it('answers a body without Content-Type with 400 "Missing Content-Type header"', async () => {
    // As bytes: the Fetch API would give a string body `text/plain;charset=UTF-8`; Python's requests sends none.
    const response = await raw('/acs/api/v1/auth/login', { method: 'POST', body: new TextEncoder().encode('rofl') });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ title: 'Bad Request', description: 'Missing Content-Type header' });
  });

  it('keeps the other text for a wrong Content-Type', async () => {
    const response = await raw('/acs/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'rofl',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      title: 'Bad Request',
      description: 'Request has bad Content-Type or lacks JSON data.',
    });
  });
});

describe('GET /dcos-metadata/ui-config.json', () => {
  it('answers without a token with uiConfiguration and clusterConfiguration.{firstUser, id}', async () => {
    const response = await raw('/dcos-metadata/ui-config.json');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      uiConfiguration: unknown;
      clusterConfiguration: { firstUser: unknown; id: unknown };
    };
    expect(body.uiConfiguration).toBeTypeOf('object');
    expect(body.clusterConfiguration).toEqual({ firstUser: false, id: clusterIdOf(simulator.context.defaultDb) });
    expect(body.clusterConfiguration.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('gives each database its own cluster id, the same every time', () => {
    expect(clusterIdOf({ id: 'default' })).toBe(clusterIdOf({ id: 'default' }));
    expect(clusterIdOf({ id: 'a' })).not.toBe(clusterIdOf({ id: 'b' }));
  });
});
