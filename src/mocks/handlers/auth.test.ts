// @vitest-environment node
import { createLocalJWKSet, exportJWK, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulator } from '../node.ts';
import { apiRequest, decodeJwtPart, loginRequest, testDbs } from '../test-support.ts';

const NOW = Date.UTC(2031, 4, 6, 7, 8, 9, 500);
const NOW_S = Math.floor(NOW / 1000);
const FIVE_DAYS = 432000;
const BOOTSTRAP_INFO = Buffer.from(
  '{"uid":"bootstrapuser","description":"Bootstrap superuser","is_remote":false}',
).toString('base64');
const INVALID_CREDENTIALS = {
  title: 'Unauthorized',
  description: 'Invalid credentials.',
  code: 'ERR_INVALID_CREDENTIALS',
};

function freezeClock() {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
}

const testDb = testDbs(simulator);
afterEach(() => {
  vi.useRealTimers();
});

describe('POST /acs/api/v1/auth/login', () => {
  it('answers {token} with an RS256 JWT holding exactly uid and an exp five days ahead', async () => {
    freezeClock();
    const response = await simulator.handle(loginRequest({ uid: 'bootstrapuser', password: 'deleteme' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = (await response.json()) as { token: string };
    expect(Object.keys(body)).toEqual(['token']);
    expect(decodeJwtPart(body.token, 0)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'dcos-sim-1' });
    expect(decodeJwtPart(body.token, 1)).toEqual({ uid: 'bootstrapuser', exp: NOW_S + FIVE_DAYS });
  });

  it('issues tokens for the lifetime the db was created with', async () => {
    freezeClock();
    const db = testDb({ tokenTtlSeconds: 90 });
    const response = await simulator.handle(loginRequest({ uid: 'alice', password: 'alice-pass' }, { dbId: db.id }));
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    expect(decodeJwtPart(token, 1)).toEqual({ uid: 'alice', exp: NOW_S + 90 });
    expect(response.headers.getSetCookie().map((c) => /Max-Age=(\d+)/.exec(c)?.[1])).toEqual(['90', '90']);
  });

  it('signs with the key served at /auth/jwks', async () => {
    const login = await simulator.handle(loginRequest({ uid: 'bootstrapuser', password: 'deleteme' }));
    const { token } = (await login.json()) as { token: string };
    const jwksResponse = await simulator.handle(apiRequest('/acs/api/v1/auth/jwks'));
    expect(jwksResponse.status).toBe(200);
    const jwks = (await jwksResponse.json()) as JSONWebKeySet;
    const { n } = await exportJWK(simulator.context.keys.publicKey);
    expect(jwks).toEqual({ keys: [{ kty: 'RSA', alg: 'RS256', use: 'sig', kid: 'dcos-sim-1', n, e: 'AQAB' }] });
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), { algorithms: ['RS256'] });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload.uid).toBe('bootstrapuser');
  });

  it('sets the HttpOnly auth cookie and the readable info cookie over http, without Secure', async () => {
    const response = await simulator.handle(loginRequest({ uid: 'bootstrapuser', password: 'deleteme' }));
    const { token } = (await response.json()) as { token: string };
    expect(response.headers.getSetCookie()).toEqual([
      `dcos-acs-auth-cookie=${token}; HttpOnly; Path=/; SameSite=Strict; Max-Age=432000`,
      `dcos-acs-info-cookie=${BOOTSTRAP_INFO}; Path=/; SameSite=Strict; Max-Age=432000`,
    ]);
  });

  it('marks both cookies Secure when the request came over https', async () => {
    const response = await simulator.handle(
      loginRequest({ uid: 'bootstrapuser', password: 'deleteme' }, { origin: 'https://dcos.example.com' }),
    );
    const { token } = (await response.json()) as { token: string };
    expect(response.headers.getSetCookie()).toEqual([
      `dcos-acs-auth-cookie=${token}; HttpOnly; Path=/; SameSite=Strict; Max-Age=432000; Secure`,
      `dcos-acs-info-cookie=${BOOTSTRAP_INFO}; Path=/; SameSite=Strict; Max-Age=432000; Secure`,
    ]);
  });

  it('puts uid, description and is_remote:false in the info cookie as base64 JSON', async () => {
    const response = await simulator.handle(loginRequest({ uid: 'alice', password: 'alice-pass' }));
    const info = response.headers.getSetCookie()[1] ?? '';
    const value = /^dcos-acs-info-cookie=([^;]+);/.exec(info)?.[1] ?? '';
    expect(JSON.parse(atob(value))).toEqual({ uid: 'alice', description: 'Alice Operator', is_remote: false });
  });

  it('ignores the ?target= query the DC/OS UI appends', async () => {
    const request = new Request('http://127.0.0.1:5173/acs/api/v1/auth/login?target=%2Fusers', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ uid: 'bob', password: 'bob-pass' }),
    });
    expect((await simulator.handle(request)).status).toBe(200);
  });

  it.each([
    ['a wrong password', { uid: 'bootstrapuser', password: 'deleteme!' }],
    ['an unknown uid', { uid: 'mallory', password: 'deleteme' }],
    ['a uid in another case', { uid: 'BootstrapUser', password: 'deleteme' }],
    ["another user's password", { uid: 'bob', password: 'alice-pass' }],
    ['a login token for a regular user', { uid: 'bootstrapuser', token: 'eyJ.x.y' }],
  ])('refuses %s with 401 ERR_INVALID_CREDENTIALS and no cookie', async (_what, body) => {
    const response = await simulator.handle(loginRequest(body));
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('acsjwt');
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual(INVALID_CREDENTIALS);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a password login to an account that has no password', async () => {
    simulator.context.defaultDb.users.set('svc', {
      uid: 'svc',
      description: 'A service account',
      isService: true,
      publicKey: '-----BEGIN PUBLIC KEY-----',
      providerType: 'internal',
      providerId: '',
    });
    const response = await simulator.handle(loginRequest({ uid: 'svc', password: 'anything' }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(INVALID_CREDENTIALS);
  });

  const EXACTLY_ONE = 'Exactly one of token and password must be provided in the request body';
  it.each([
    ['no uid', { password: 'deleteme' }, '`uid` must be provided and must not be empty.'],
    ['an empty uid', { uid: '', password: 'deleteme' }, '`uid` must be provided and must not be empty.'],
    ['an empty password', { uid: 'bootstrapuser', password: '' }, '`password` must not be empty.'],
    ['neither password nor token', { uid: 'bootstrapuser' }, EXACTLY_ONE],
    ['an empty object', {}, EXACTLY_ONE],
    ['both password and token', { uid: 'bootstrapuser', password: 'deleteme', token: 'x' }, EXACTLY_ONE],
    [
      'a body that is not JSON',
      'uid=bootstrapuser&password=deleteme',
      'Request has bad Content-Type or lacks JSON data.',
    ],
    [
      'a JSON array',
      '[{"uid":"bootstrapuser","password":"deleteme"}]',
      'Request has bad Content-Type or lacks JSON data.',
    ],
    [
      'an unknown property',
      { uid: 'bootstrapuser', password: 'deleteme', remember: true },
      "Unexpected JSON input. Hint: Additional properties are not allowed ('remember' was unexpected)",
    ],
  ])('answers 400 Bad Request for %s', async (_what, body, description) => {
    const response = await simulator.handle(loginRequest(body));
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual({ title: 'Bad Request', description });
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});

describe('GET /acs/api/v1/auth/logout', () => {
  it('answers 200 with an empty body and expires only the auth cookie', async () => {
    const response = await simulator.handle(apiRequest('/acs/api/v1/auth/logout'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(response.headers.getSetCookie()).toEqual([
      'dcos-acs-auth-cookie=""; expires=Sat, 01 Jan 2000 00:00:00 GMT; HttpOnly; Path=/',
    ]);
  });

  it('needs no session', async () => {
    const response = await simulator.handle(apiRequest('/acs/api/v1/auth/logout', { token: 'garbage' }));
    expect(response.status).toBe(200);
  });
});
