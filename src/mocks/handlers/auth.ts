import { importSPKI, jwtVerify } from 'jose';
import { http } from 'msw';
import { randomBytes } from 'node:crypto';
import { sha512Crypt, verifySha512Crypt } from '../lib/sha512-crypt.ts';
import { empty, iamError, json, readJsonObject } from '../lib/http.ts';
import { publicJwks, signAuthToken } from '../lib/jwt.ts';
import type { SimContext } from '../sim-context.ts';
import type { SimDb, SimUser } from '../db/types.ts';
import { AUTH_COOKIE, INFO_COOKIE, withDb } from './guard.ts';
import { signInWithDirectory } from './ldap-login.ts';

const LOGIN_FIELDS = new Set(['uid', 'password', 'token', 'exp']);

let unmatchable: string | undefined;

/** A crypt hash of a random password, made once: what a sign-in for a uid without a local password is checked against. */
function unmatchableHash(): string {
  unmatchable ??= sha512Crypt(randomBytes(24).toString('base64'));
  return unmatchable;
}

function invalidCredentials(): Response {
  return iamError(401, 'Invalid credentials.', 'ERR_INVALID_CREDENTIALS', { 'WWW-Authenticate': 'acsjwt' });
}

export function infoCookieValue(user: SimUser): string {
  const info = { uid: user.uid, description: user.description, is_remote: user.providerType !== 'internal' };
  return Buffer.from(JSON.stringify(info), 'utf8').toString('base64');
}

/** Both session cookies as the IAM sets them, plus `SameSite=Strict` and `Secure` over https. */
export function sessionCookies(request: Request, token: string, user: SimUser, maxAgeSeconds: number): string[] {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  return [
    `${AUTH_COOKIE}=${token}; HttpOnly; Path=/; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`,
    `${INFO_COOKIE}=${infoCookieValue(user)}; Path=/; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`,
  ];
}

/** The auth token, in the body and in both cookies: the same answer for password and service-account logins. */
async function issueSession(sim: SimContext, request: Request, db: SimDb, user: SimUser): Promise<Response> {
  const jwt = await signAuthToken(sim.keys, user.uid, db.tokenTtlSeconds);
  const headers = new Headers();
  for (const cookie of sessionCookies(request, jwt, user, db.tokenTtlSeconds)) headers.append('Set-Cookie', cookie);
  return json({ token: jwt }, 200, headers);
}

/**
 * A service login token: RS256, signed by the account's private key, with a `uid` claim naming the account (BNC
 * app/auth.py `_login_service`). Like the IAM, an `exp` claim is checked when present but not required (the IAM only
 * logs a warning without one, or with one more than 10 minutes ahead). The legacy `exp` login parameter, a private
 * interface for setting the issued token's lifetime, is ignored: tokens always live the db's token lifetime.
 */
async function verifyServiceLoginToken(publicKey: string, uid: string, token: string): Promise<boolean> {
  try {
    const key = await importSPKI(publicKey, 'RS256');
    const { payload } = await jwtVerify(token, key, { algorithms: ['RS256'] });
    return payload.uid === uid;
  } catch {
    return false;
  }
}

export function authHandlers(sim: SimContext) {
  return [
    http.post(
      '*/acs/api/v1/auth/login',
      withDb(sim, async ({ request, db }) => {
        // No Content-Type at all has its own text at the IAM (DC/OS integration test: body `rofl`, no header).
        if (!request.headers.has('content-type')) return iamError(400, 'Missing Content-Type header');
        const body = await readJsonObject(request);
        if (!body) return iamError(400, 'Request has bad Content-Type or lacks JSON data.');
        const unknown = Object.keys(body).find((key) => !LOGIN_FIELDS.has(key));
        if (unknown)
          return iamError(
            400,
            `Unexpected JSON input. Hint: Additional properties are not allowed ('${unknown}' was unexpected)`,
          );
        const { uid, password, token } = body;
        if ((password === undefined) === (token === undefined)) {
          return iamError(400, 'Exactly one of token and password must be provided in the request body');
        }
        if (password !== undefined) {
          if (typeof uid !== 'string' || uid === '')
            return iamError(400, '`uid` must be provided and must not be empty.');
          if (typeof password !== 'string' || password === '') return iamError(400, '`password` must not be empty.');
          const user = db.users.get(uid);
          // Exactly one SHA-512 crypt for every password sign-in, against a hash nobody's password matches when the
          // uid has no local password (unknown, directory, remote or service account), so the time taken does not
          // tell which uids exist (ASVS 6.3.8; security-authn.test.ts compares the timings).
          const hash = user?.passwordHash !== undefined && !user.isService ? user.passwordHash : unmatchableHash();
          const passwordMatches = verifySha512Crypt(password, hash) && hash !== unmatchableHash();
          // Not a local account: the directory back-end may know it (handlers/ldap-login.ts).
          if (user === undefined || user.providerType === 'ldap') {
            const remote = signInWithDirectory(db, uid, password);
            return remote instanceof Response ? remote : issueSession(sim, request, db, remote);
          }
          if (!passwordMatches) return invalidCredentials();
          return issueSession(sim, request, db, user);
        }
        // A `token` without `uid` is the open-source IAM's legacy OIDC ID-token login (BNC app/auth.py), which the
        // simulator does not implement: refused like any bad credential.
        if (typeof uid !== 'string') return invalidCredentials();
        if (uid === '') return iamError(400, '`uid` must be provided and must not be empty.');
        const user = db.users.get(uid);
        if (!user?.isService || user.publicKey === undefined || typeof token !== 'string') return invalidCredentials();
        return (await verifyServiceLoginToken(user.publicKey, uid, token))
          ? issueSession(sim, request, db, user)
          : invalidCredentials();
      }),
    ),
    http.get('*/acs/api/v1/auth/logout', () =>
      empty(200, { 'Set-Cookie': `${AUTH_COOKIE}=""; expires=Sat, 01 Jan 2000 00:00:00 GMT; HttpOnly; Path=/` }),
    ),
    http.get('*/acs/api/v1/auth/jwks', async () => json(await publicJwks(sim.keys))),
  ];
}
