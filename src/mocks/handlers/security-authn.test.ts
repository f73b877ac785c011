// @vitest-environment node
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { simulator } from '../node.ts';
import {
  ORIGIN,
  apiRequest,
  createServiceKeys,
  decodeJwtPart,
  iamRequest,
  loginAs,
  loginRequest,
  serviceLoginToken,
  testDbs,
  type ServiceKeys,
} from '../test-support.ts';

// Authentication (ASVS V6) and the session it starts (V7) at the simulated IAM: a failed sign-in says nothing about
// which accounts exist, in its answer or in its time; the session is whatever the signed token says, nothing the
// browser can edit; expiry and account deletion end it on the server.

/** Counts the SHA-512 crypts the sign-in runs; they still run for real. */
const crypt = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../lib/sha512-crypt.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../lib/sha512-crypt.ts')>();
  return {
    ...actual,
    verifySha512Crypt: (password: string, stored: string) => {
      crypt.calls += 1;
      return actual.verifySha512Crypt(password, stored);
    },
  };
});

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

/** Everything a client sees of an answer: status, headers and body. */
async function answerOf(response: Response) {
  return { status: response.status, headers: [...response.headers], body: await response.text() };
}

const login = (body: unknown, dbId?: string) =>
  simulator.handle(loginRequest(body, dbId === undefined ? {} : { dbId }));

/**
 * The failed password sign-ins of the seeded accounts: a local account with a wrong password, an unknown uid, a
 * directory user with a wrong password, a remote (OIDC) user and a service account, who have no password here.
 */
const FAILED_SIGN_INS = [
  { uid: 'bootstrapuser', password: 'not-the-password' },
  { uid: 'nobody-at-all', password: 'not-the-password' },
  { uid: 'carol', password: 'not-the-password' },
  { uid: 'dave.kim@example.com', password: 'not-the-password' },
  { uid: 'dcos_marathon', password: 'not-the-password' },
];

describe('A failed sign-in', () => {
  it('[ASVS 6.3.8] gets one answer whether the uid is a local, directory, remote or service account, or unknown', async () => {
    const answers = [];
    for (const body of FAILED_SIGN_INS) answers.push(await answerOf(await login(body)));
    const [first] = answers;
    expect(first).toEqual({
      status: 401,
      headers: [
        ['cache-control', 'no-store'],
        ['content-type', 'application/json'],
        ['www-authenticate', 'acsjwt'],
      ],
      body: '{"title":"Unauthorized","description":"Invalid credentials.","code":"ERR_INVALID_CREDENTIALS"}',
    });
    for (const answer of answers) expect(answer).toEqual(first);
  });

  it('[ASVS 6.3.8] takes exactly one SHA-512 crypt whatever the uid, so its time does not tell which accounts exist', async () => {
    // A simulator of its own, loaded after the mock (the shared one was loaded by vitest.setup.ts, before it).
    vi.resetModules();
    const { createSimulator } = await import('../simulator.ts');
    const counted = await createSimulator({ securityMode: 'strict', tokenTtlSeconds: 60 });
    for (const body of [...FAILED_SIGN_INS, { uid: 'alice', password: 'alice-pass' }]) {
      const before = crypt.calls;
      await counted.handle(loginRequest(body));
      expect(crypt.calls - before, body.uid).toBe(1);
    }
  });

  it('[ASVS 6.3.8] takes about as long for an unknown uid as for a wrong password (medians within a factor of 2)', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    const time = async (body: unknown) => {
      const start = performance.now();
      expect((await login(body)).status).toBe(401);
      return performance.now() - start;
    };
    // Interleaved, so a busy moment of the machine slows both alike.
    for (let i = 0; i < 15; i += 1) {
      known.push(await time({ uid: 'bootstrapuser', password: `wrong-${i}` }));
      unknown.push(await time({ uid: `nobody-${i}`, password: `wrong-${i}` }));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const ratio = median(unknown) / median(known);
    // Before the fix an unknown uid skipped the crypt: about 1 ms against 10 (ratio 0.1).
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('[ASVS 6.3.8] with a service login token gets one answer for an unknown uid and for an account whose key did not sign it', async () => {
    const db = testDb();
    const created = await simulator.handle(
      iamRequest(
        'PUT',
        '/acs/api/v1/users/ci-bot',
        adminToken,
        { description: 'CI', public_key: keys.publicKeyPem },
        db.id,
      ),
    );
    expect(created.status).toBe(201);
    const wrongKey = await answerOf(
      await login({ uid: 'ci-bot', token: await serviceLoginToken(otherKeys.privateKey, { uid: 'ci-bot' }) }, db.id),
    );
    const unknownUid = await answerOf(
      await login(
        { uid: 'no-such-bot', token: await serviceLoginToken(otherKeys.privateKey, { uid: 'no-such-bot' }) },
        db.id,
      ),
    );
    expect(wrongKey.status).toBe(401);
    expect(unknownUid).toEqual(wrongKey);
  });
});

/** A login request that also carries the given cookies, as a browser with an earlier (or planted) session sends it. */
function loginWithCookies(body: unknown, cookies: string): Request {
  return new Request(`${ORIGIN}/acs/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookies },
    body: JSON.stringify(body),
  });
}

const authCookieValue = (response: Response) =>
  response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('dcos-acs-auth-cookie='))
    ?.split(';')[0]
    ?.slice('dcos-acs-auth-cookie='.length);

describe('The session', () => {
  it('[ASVS 7.2.1] is decided by the signed token alone: a forged info cookie naming the superuser gains nothing', async () => {
    const bobToken = await loginAs(simulator, 'bob', 'bob-pass');
    const forgedInfo = Buffer.from(
      JSON.stringify({ uid: 'bootstrapuser', description: 'Bootstrap superuser', is_remote: false }),
    ).toString('base64');
    const request = (cookies: string) =>
      simulator.handle(new Request(`${ORIGIN}/acs/api/v1/users`, { headers: { Cookie: cookies } }));
    // Without a token the info cookie is no session at all; with bob's token it does not make bob a superuser.
    expect((await request(`dcos-acs-info-cookie=${forgedInfo}`)).status).toBe(401);
    expect((await request(`dcos-acs-auth-cookie=${bobToken}; dcos-acs-info-cookie=${forgedInfo}`)).status).toBe(403);
    expect((await request(`dcos-acs-auth-cookie=${bobToken}`)).status).toBe(403);
  });

  it('[ASVS 7.2.4] starts with a new token at every sign-in, replacing a session token the browser already carried (fixation)', async () => {
    // A planted token: bob's valid session, which an attacker could have put in the victim's browser.
    const planted = await loginAs(simulator, 'bob', 'bob-pass');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 5_000 });
    const response = await simulator.handle(
      loginWithCookies({ uid: 'alice', password: 'alice-pass' }, `dcos-acs-auth-cookie=${planted}`),
    );
    expect(response.status).toBe(200);
    const issued = authCookieValue(response);
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect(decodeJwtPart(issued ?? '', 1).uid).toBe('alice');
    expect(decodeJwtPart(issued ?? '', 1).exp).toBeGreaterThan(Number(decodeJwtPart(planted, 1).exp));
  });

  it('[ASVS 7.4.1] ended by expiry cannot be used any further: the IAM, the Secret Store and the metadata refuse its token', async () => {
    const db = testDb({ tokenTtlSeconds: 60 });
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    const token = await loginAs(simulator, 'bootstrapuser', 'deleteme', db.id);
    const paths = [
      '/acs/api/v1/users',
      '/secrets/v1/secret/default/db-password',
      '/dcos-metadata/bootstrap-config.json',
    ];
    const statuses = async () =>
      Promise.all(paths.map(async (path) => (await simulator.handle(apiRequest(path, { token, dbId: db.id }))).status));
    expect(await statuses()).toEqual([200, 200, 200]);
    vi.setSystemTime(start + 61_000);
    expect(await statuses()).toEqual([401, 401, 401]);
    // Sent as a header instead of the cookie, and for a write, it is refused the same way.
    const write = await simulator.handle(
      iamRequest('PUT', '/acs/api/v1/groups/after-expiry', token, { description: 'x' }, db.id),
    );
    expect(write.status).toBe(401);
    expect(db.groups.has('after-expiry')).toBe(false);
  });

  it('[ASVS 7.4.2] of a deleted service account or remote user is refused at once, before the token expires', async () => {
    const db = testDb();
    const created = await simulator.handle(
      iamRequest(
        'PUT',
        '/acs/api/v1/users/ci-bot',
        adminToken,
        { description: 'CI', public_key: keys.publicKeyPem },
        db.id,
      ),
    );
    expect(created.status).toBe(201);
    const serviceLogin = await login(
      { uid: 'ci-bot', token: await serviceLoginToken(keys.privateKey, { uid: 'ci-bot' }) },
      db.id,
    );
    const { token: botToken } = (await serviceLogin.json()) as { token: string };
    const remoteToken = await loginAs(simulator, 'carol', 'carol-pass', db.id);
    // Neither holds an IAM permission: a valid session is refused as forbidden (403), an ended one as unauthenticated.
    const status = async (token: string) =>
      (await simulator.handle(apiRequest('/acs/api/v1/users', { via: 'token', token, dbId: db.id }))).status;
    expect([await status(botToken), await status(remoteToken)]).toEqual([403, 403]);
    for (const uid of ['ci-bot', 'carol'])
      expect(
        (await simulator.handle(iamRequest('DELETE', `/acs/api/v1/users/${uid}`, adminToken, undefined, db.id))).status,
      ).toBe(204);
    expect([await status(botToken), await status(remoteToken)]).toEqual([401, 401]);
  });
});
