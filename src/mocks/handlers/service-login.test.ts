// @vitest-environment node
import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { simulator } from '../node.ts';
import {
  apiRequest,
  createServiceKeys,
  decodeJwtPart,
  expectEmpty,
  iamRequest,
  loginAs,
  loginRequest,
  serviceLoginToken,
  testDbs,
  type ServiceKeys,
} from '../test-support.ts';

const NOW = Date.UTC(2031, 4, 6, 7, 8, 9, 500);
const NOW_S = Math.floor(NOW / 1000);
const INVALID_CREDENTIALS = {
  title: 'Unauthorized',
  description: 'Invalid credentials.',
  code: 'ERR_INVALID_CREDENTIALS',
};

let keys: ServiceKeys;
let otherKeys: ServiceKeys;
let adminToken: string;
beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([createServiceKeys(), createServiceKeys()]);
  adminToken = await loginAs(simulator, 'bootstrapuser', 'deleteme');
});

const testDb = testDbs(simulator);
afterEach(() => {
  vi.useRealTimers();
});

/** Creates the service account `uid` through the API, with the test's public key. */
async function createAccount(uid = 'ci-bot', publicKeyPem = keys.publicKeyPem, dbId?: string) {
  const response = await simulator.handle(
    iamRequest(
      'PUT',
      `/acs/api/v1/users/${uid}`,
      adminToken,
      { description: 'CI bot', public_key: publicKeyPem },
      dbId,
    ),
  );
  await expectEmpty(response, 201);
}

async function expectRefused(body: unknown) {
  const response = await simulator.handle(loginRequest(body));
  expect(response.status).toBe(401);
  expect(response.headers.get('WWW-Authenticate')).toBe('acsjwt');
  expect(response.headers.get('Content-Type')).toBe('application/json');
  expect(await response.json()).toEqual(INVALID_CREDENTIALS);
  expect(response.headers.getSetCookie()).toEqual([]);
}

describe('service-account login: POST /acs/api/v1/auth/login with {uid, token}', () => {
  it('answers like a password login: {token} and both cookies, the info cookie naming the account', async () => {
    await createAccount();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const loginToken = await serviceLoginToken(keys.privateKey, { uid: 'ci-bot' });
    const response = await simulator.handle(loginRequest({ uid: 'ci-bot', token: loginToken }));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    const body = (await response.json()) as { token: string };
    expect(Object.keys(body)).toEqual(['token']);
    expect(decodeJwtPart(body.token, 0)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'dcos-sim-1' });
    expect(decodeJwtPart(body.token, 1)).toEqual({ uid: 'ci-bot', exp: NOW_S + 432000 });
    const info = Buffer.from('{"uid":"ci-bot","description":"CI bot","is_remote":false}').toString('base64');
    expect(response.headers.getSetCookie()).toEqual([
      `dcos-acs-auth-cookie=${body.token}; HttpOnly; Path=/; SameSite=Strict; Max-Age=432000`,
      `dcos-acs-info-cookie=${info}; Path=/; SameSite=Strict; Max-Age=432000`,
    ]);
  });

  it('issues a token the API accepts', async () => {
    await createAccount();
    const response = await simulator.handle(
      loginRequest({ uid: 'ci-bot', token: await serviceLoginToken(keys.privateKey, { uid: 'ci-bot' }) }),
    );
    const { token } = (await response.json()) as { token: string };
    const permissions = await simulator.handle(
      apiRequest('/acs/api/v1/users/ci-bot/permissions', { via: 'token', token }),
    );
    expect(permissions.status).toBe(200);
    expect(await permissions.json()).toEqual({ direct: [], groups: [] });
  });

  it("uses the db's token lifetime", async () => {
    const db = testDb({ tokenTtlSeconds: 60 });
    await createAccount('ci-bot', keys.publicKeyPem, db.id);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const loginToken = await serviceLoginToken(keys.privateKey, { uid: 'ci-bot' });
    const response = await simulator.handle(loginRequest({ uid: 'ci-bot', token: loginToken }, { dbId: db.id }));
    const { token } = (await response.json()) as { token: string };
    expect(decodeJwtPart(token, 1)).toEqual({ uid: 'ci-bot', exp: NOW_S + 60 });
  });

  it('accepts extra claims, a long-lived token and, like the IAM, a token without exp', async () => {
    await createAccount();
    const withExtra = await serviceLoginToken(keys.privateKey, { uid: 'ci-bot', purpose: 'ci' }, 20 * 60);
    expect((await simulator.handle(loginRequest({ uid: 'ci-bot', token: withExtra }))).status).toBe(200);
    const noExp = await new SignJWT({ uid: 'ci-bot' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .sign(keys.privateKey);
    expect((await simulator.handle(loginRequest({ uid: 'ci-bot', token: noExp }))).status).toBe(200);
  });

  it('[ASVS 9.1.1] refuses a token signed by another key', async () => {
    await createAccount();
    await expectRefused({ uid: 'ci-bot', token: await serviceLoginToken(otherKeys.privateKey, { uid: 'ci-bot' }) });
  });

  it('[ASVS 9.2.1] refuses an expired token', async () => {
    await createAccount();
    await expectRefused({ uid: 'ci-bot', token: await serviceLoginToken(keys.privateKey, { uid: 'ci-bot' }, -60) });
  });

  it('refuses a token for another uid, or without a uid claim', async () => {
    await createAccount();
    await createAccount('other-bot');
    await expectRefused({ uid: 'ci-bot', token: await serviceLoginToken(keys.privateKey, { uid: 'other-bot' }) });
    await expectRefused({ uid: 'ci-bot', token: await serviceLoginToken(keys.privateKey, { sub: 'ci-bot' }) });
  });

  it('[ASVS 9.1.2] refuses HS256, unsigned and corrupt tokens', async () => {
    await createAccount();
    const hs256 = await new SignJWT({ uid: 'ci-bot' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a-shared-secret-of-enough-length!!'));
    const payload = Buffer.from(JSON.stringify({ uid: 'ci-bot', exp: Math.floor(Date.now() / 1000) + 60 })).toString(
      'base64url',
    );
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    const [header = '', , signature = ''] = (await serviceLoginToken(keys.privateKey, { uid: 'ci-bot' })).split('.');
    for (const token of [hs256, unsigned, `${header}.0.${signature}`, 'not-a-jwt', ''])
      await expectRefused({ uid: 'ci-bot', token });
  });

  it('refuses a login token for a regular user, a remote user and an unknown uid', async () => {
    const token = await serviceLoginToken(keys.privateKey, { uid: 'alice' });
    await expectRefused({ uid: 'alice', token });
    await expectRefused({ uid: 'carol', token: await serviceLoginToken(keys.privateKey, { uid: 'carol' }) });
    await expectRefused({ uid: 'nobody', token: await serviceLoginToken(keys.privateKey, { uid: 'nobody' }) });
  });

  it('refuses the seeded service accounts, whose private keys nobody holds', async () => {
    await expectRefused({
      uid: 'dcos_marathon',
      token: await serviceLoginToken(keys.privateKey, { uid: 'dcos_marathon' }),
    });
  });

  it('refuses a token without uid (the legacy OIDC ID-token login is not simulated)', async () => {
    await createAccount();
    await expectRefused({ token: await serviceLoginToken(keys.privateKey, { uid: 'ci-bot' }) });
  });

  it('answers an empty uid with 400', async () => {
    const response = await simulator.handle(loginRequest({ uid: '', token: 'x' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      title: 'Bad Request',
      description: '`uid` must be provided and must not be empty.',
    });
  });

  it('refuses a password login for a service account, even with a password-like value', async () => {
    await createAccount();
    await expectRefused({ uid: 'ci-bot', password: 'anything' });
    await expectRefused({ uid: 'ci-bot', password: keys.publicKeyPem });
  });

  it('follows a key the account was re-created with', async () => {
    await createAccount();
    await expectEmpty(await simulator.handle(iamRequest('DELETE', '/acs/api/v1/users/ci-bot', adminToken)), 204);
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    await createAccount('ci-bot', await exportSPKI(publicKey));
    await expectRefused({ uid: 'ci-bot', token: await serviceLoginToken(keys.privateKey, { uid: 'ci-bot' }) });
    const response = await simulator.handle(
      loginRequest({ uid: 'ci-bot', token: await serviceLoginToken(privateKey, { uid: 'ci-bot' }) }),
    );
    expect(response.status).toBe(200);
  });
});
