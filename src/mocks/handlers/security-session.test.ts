// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bypass } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulator } from '../node.ts';
import { createSimMiddleware } from '../sim-server.ts';
import { decodeJwtPart, loginRequest } from '../test-support.ts';

// The session cookies as the simulator hands them out: attributes (ASVS V3.3), the readable info cookie (V14.3) and
// lifetime (V7.3). Logout, expiry and token integrity are in security-session-end.test.ts; the browser side is in
// e2e/security/*.spec.ts.

const BOOTSTRAP = { uid: 'bootstrapuser', password: 'deleteme' };

/** Set-Cookie headers by cookie name, each as its attribute list (lower-cased names, values as sent). */
function cookiesOf(response: Response): Map<string, { value: string; attributes: Map<string, string> }> {
  const cookies = new Map<string, { value: string; attributes: Map<string, string> }>();
  for (const header of response.headers.getSetCookie()) {
    const [pair = '', ...rest] = header.split(';');
    const eq = pair.indexOf('=');
    const attributes = new Map(
      rest.map((part) => [part.split('=')[0]?.trim().toLowerCase() ?? '', part.split('=').slice(1).join('=').trim()]),
    );
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
    for (const header of response.headers.getSetCookie())
      expect(Buffer.byteLength(header.split(';')[0] ?? '')).toBeLessThan(4096);
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
