// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, UnsecuredJWT, exportSPKI } from 'jose';
import { bypass } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { simulator } from '../node.ts';
import { createSimMiddleware } from '../sim-server.ts';
import { apiRequest, decodeJwtPart, loginRequest } from '../test-support.ts';

// The session as the simulator hands it out and takes it back: cookie attributes (ASVS V3.3), the readable info cookie
// (V14.3), logout and expiry (V7.4, V9.2) and token integrity (V9.1). The browser side is e2e/security/*.spec.ts.

const BOOTSTRAP = { uid: 'bootstrapuser', password: 'deleteme' };

/** Set-Cookie headers by cookie name, each as its attribute list (lower-cased names, values as sent). */
function cookiesOf(response: Response): Map<string, { value: string; attributes: Map<string, string> }> {
  const cookies = new Map<string, { value: string; attributes: Map<string, string> }>();
  for (const header of response.headers.getSetCookie()) {
    const [pair = '', ...rest] = header.split(';');
    const eq = pair.indexOf('=');
    const attributes = new Map(rest.map((part) => [part.split('=')[0]?.trim().toLowerCase() ?? '', part.split('=').slice(1).join('=').trim()]));
    cookies.set(pair.slice(0, eq).trim(), { value: pair.slice(eq + 1).trim(), attributes });
  }
  return cookies;
}

async function login(origin?: string) {
  const response = await simulator.handle(loginRequest(BOOTSTRAP, origin === undefined ? {} : { origin }));
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  return { token, cookies: cookiesOf(response) };
}

const usersWith = (token: string) => simulator.handle(apiRequest('/acs/api/v1/users', { token }));

afterEach(() => {
  vi.useRealTimers();
});

describe('The session cookies set at sign-in', () => {
  it('[ASVS 3.3.4] the auth cookie is HttpOnly and holds the token, delivered only in Set-Cookie', async () => {
    const { token, cookies } = await login();
    const auth = cookies.get('dcos-acs-auth-cookie');
    expect(auth?.value).toBe(token);
    expect(auth?.attributes.has('httponly')).toBe(true);
  });

  it('[ASVS 3.3.2] both cookies are SameSite=Strict, Path=/ and host-only (no Domain)', async () => {
    const { cookies } = await login();
    expect([...cookies.keys()]).toEqual(['dcos-acs-auth-cookie', 'dcos-acs-info-cookie']);
    for (const [name, cookie] of cookies) {
      expect(cookie.attributes.get('samesite'), name).toBe('Strict');
      expect(cookie.attributes.get('path'), name).toBe('/');
      expect(cookie.attributes.has('domain'), name).toBe(false);
    }
  });

  it('[ASVS 3.3.1] both cookies are Secure when the sign-in comes over https', async () => {
    const { cookies } = await login('https://cluster.example');
    for (const [name, cookie] of cookies) expect(cookie.attributes.has('secure'), name).toBe(true);
  });

  it('[ASVS 14.3.3] the readable info cookie holds only uid, description and is_remote: nothing token-like', async () => {
    const { token, cookies } = await login();
    const info = cookies.get('dcos-acs-info-cookie');
    expect(info?.attributes.has('httponly')).toBe(false);
    const decoded = Buffer.from(info?.value ?? '', 'base64').toString('utf8');
    expect(JSON.parse(decoded)).toEqual({ uid: 'bootstrapuser', description: 'Bootstrap superuser', is_remote: false });
    expect(decoded).not.toContain(token.split('.')[2]);
    expect(decoded).not.toMatch(/eyJ|\$6\$|deleteme/);
  });

  it('[ASVS 3.3.5] each cookie, name and value together, stays under 4096 bytes', async () => {
    const response = await simulator.handle(loginRequest(BOOTSTRAP));
    for (const header of response.headers.getSetCookie()) expect(Buffer.byteLength(header.split(';')[0] ?? '')).toBeLessThan(4096);
  });

  it('[ASVS 7.3.2] the token and both cookies end after the configured lifetime, not later', async () => {
    const db = simulator.context.createDb({ tokenTtlSeconds: 120 });
    const before = Math.floor(Date.now() / 1000);
    const response = await simulator.handle(loginRequest(BOOTSTRAP, { dbId: db.id }));
    const { token } = (await response.json()) as { token: string };
    const exp = decodeJwtPart(token, 1).exp as number;
    expect(exp - before).toBeGreaterThanOrEqual(120);
    expect(exp - before).toBeLessThanOrEqual(121);
    for (const [, cookie] of cookiesOf(response)) expect(cookie.attributes.get('max-age')).toBe('120');
    simulator.context.deleteDb(db.id);
  });
});

describe('The session cookies behind a TLS-terminating proxy, over real HTTP', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    const middleware = createSimMiddleware(simulator);
    server = createServer((req, res) => {
      middleware(req, res, () => res.end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('[ASVS 3.3.1] are Secure when the proxy says X-Forwarded-Proto: https', async () => {
    const request = new Request(`${base}/acs/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
      body: JSON.stringify(BOOTSTRAP),
    });
    const response = await fetch(bypass(request));
    expect(response.status).toBe(200);
    const cookies = cookiesOf(response);
    expect(cookies.size).toBe(2);
    for (const [name, cookie] of cookies) {
      expect(cookie.attributes.has('secure'), name).toBe(true);
      expect(cookie.attributes.get('samesite'), name).toBe('Strict');
    }
  });
});

describe('The end of a session', () => {
  it('[ASVS 7.4.1] logout answers with the auth cookie emptied and dated in the past, still HttpOnly on Path=/', async () => {
    const response = await simulator.handle(apiRequest('/acs/api/v1/auth/logout'));
    expect(response.status).toBe(200);
    const auth = cookiesOf(response).get('dcos-acs-auth-cookie');
    expect(auth?.value).toBe('""');
    expect(Date.parse(auth?.attributes.get('expires') ?? '')).toBeLessThan(Date.now());
    expect(auth?.attributes.has('httponly')).toBe(true);
    expect(auth?.attributes.get('path')).toBe('/');
  });

  it('[ASVS 9.2.1] a token is accepted until its exp and refused from then on', async () => {
    const db = simulator.context.createDb({ tokenTtlSeconds: 60 });
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    const response = await simulator.handle(loginRequest(BOOTSTRAP, { dbId: db.id }));
    const { token } = (await response.json()) as { token: string };
    const users = () => simulator.handle(apiRequest('/acs/api/v1/users', { token, dbId: db.id }));
    vi.setSystemTime(start + 58_000);
    expect((await users()).status).toBe(200);
    vi.setSystemTime(start + 61_000);
    const refused = await users();
    expect(refused.status).toBe(401);
    expect(refused.headers.get('WWW-Authenticate')).toBe('acsjwt');
    simulator.context.deleteDb(db.id);
  });

  it('[ASVS 7.4.2] the token of a deleted account is refused at once', async () => {
    const response = await simulator.handle(loginRequest({ uid: 'bob', password: 'bob-pass' }));
    const { token } = (await response.json()) as { token: string };
    expect((await usersWith(token)).status).toBe(403);
    simulator.context.defaultDb.users.delete('bob');
    expect((await usersWith(token)).status).toBe(401);
  });
});

describe('Token integrity', () => {
  it('[ASVS 9.1.1] a token whose claims were edited (bob made bootstrapuser) is refused', async () => {
    const response = await simulator.handle(loginRequest({ uid: 'bob', password: 'bob-pass' }));
    const { token } = (await response.json()) as { token: string };
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ ...decodeJwtPart(token, 1), uid: 'bootstrapuser' })).toString('base64url');
    expect((await usersWith(`${header ?? ''}.${payload}.${signature ?? ''}`)).status).toBe(401);
  });

  it("[ASVS 9.1.2] an unsigned token (alg 'none') is refused", async () => {
    const unsigned = new UnsecuredJWT({ uid: 'bootstrapuser' }).setExpirationTime('1h').encode();
    expect((await usersWith(unsigned)).status).toBe(401);
  });

  it('[ASVS 9.1.2] an HS256 token keyed with the public key (algorithm confusion) is refused', async () => {
    const pem = await exportSPKI(simulator.context.keys.publicKey);
    const confused = await new SignJWT({ uid: 'bootstrapuser' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: simulator.context.keys.kid })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(pem));
    expect((await usersWith(confused)).status).toBe(401);
  });
});
