// @vitest-environment node
import { SignJWT, UnsecuredJWT, exportSPKI } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulator } from '../node.ts';
import { apiRequest, decodeJwtPart, loginRequest } from '../test-support.ts';

// How a session ends and what token the simulator accepts: logout and expiry (ASVS V7.4, V9.2) and token integrity
// (V9.1). Cookie attributes are in security-session.test.ts, the browser side in e2e/security/logout.spec.ts.

const BOOTSTRAP = { uid: 'bootstrapuser', password: 'deleteme' };

const usersWith = (token: string) => simulator.handle(apiRequest('/acs/api/v1/users', { token }));

/** The auth cookie's value and attributes in a Set-Cookie list. */
function authCookieOf(response: Response): { value: string; attributes: Map<string, string> } | undefined {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith('dcos-acs-auth-cookie='));
  if (header === undefined) return undefined;
  const [pair = '', ...rest] = header.split(';');
  const attributes = new Map(
    rest.map((part) => [part.split('=')[0]?.trim().toLowerCase() ?? '', part.split('=').slice(1).join('=').trim()]),
  );
  return { value: pair.slice(pair.indexOf('=') + 1), attributes };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('The end of a session', () => {
  it('[ASVS 14.3.1] logout answers with the auth cookie emptied and dated in the past, still HttpOnly on Path=/, so the browser drops the token', async () => {
    const response = await simulator.handle(apiRequest('/acs/api/v1/auth/logout'));
    expect(response.status).toBe(200);
    const auth = authCookieOf(response);
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
    const payload = Buffer.from(JSON.stringify({ ...decodeJwtPart(token, 1), uid: 'bootstrapuser' })).toString(
      'base64url',
    );
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
