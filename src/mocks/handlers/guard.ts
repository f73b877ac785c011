import type { HttpResponseResolver, PathParams } from 'msw';
import { isAllowed } from '../authz.ts';
import type { Action, SimDb } from '../db/types.ts';
import { adminRouterForbidden, adminRouterUnauthorized, iamError, parseCookies } from '../lib/http.ts';
import { verifyAuthToken } from '../lib/jwt.ts';
import type { SimContext } from '../sim-context.ts';

export const AUTH_COOKIE = 'dcos-acs-auth-cookie';
export const INFO_COOKIE = 'dcos-acs-info-cookie';
/** The console sends this on every request; cookie-authenticated writes without it are refused (CSRF). */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'dcos-console';

export interface Principal {
  uid: string;
  via: 'cookie' | 'header';
}

export interface SimArgs {
  request: Request;
  params: PathParams;
  db: SimDb;
}

export type SimResolver = (args: SimArgs) => Response | Promise<Response>;
export type GuardedResolver = (args: SimArgs & { principal: Principal }) => Response | Promise<Response>;
export type Requirement = { rid: string; action: Action } | null;

/** Runs `resolve` against the db this request belongs to (see docs/decisions/001). */
export function withDb(sim: SimContext, resolve: SimResolver): HttpResponseResolver {
  return ({ request, params }) => {
    const db = sim.dbFor(request);
    if (!db)
      return new Response('Unknown simulator database (dcos-sim-db cookie).', {
        status: 410,
        headers: { 'Content-Type': 'text/plain' },
      });
    return resolve({ request, params, db });
  };
}

function readToken(request: Request): { token: string; via: Principal['via'] } | null | 'malformed' {
  const header = request.headers.get('authorization');
  if (header !== null) {
    // Admin Router tries `token=<jwt>` first, then `Bearer <jwt>`; a header overrides the cookie.
    const match = /^token=(.+)$/.exec(header) ?? /^Bearer (.+)$/i.exec(header);
    return match?.[1] ? { token: match[1], via: 'header' } : 'malformed';
  }
  const cookie = parseCookies(request.headers.get('cookie')).get(AUTH_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/**
 * Each request's verified token, once: Admin Router's check in front of the IAM (admin-router.ts) and the route's own
 * guard both ask, and an RS256 verification is the dearest part of a small request.
 */
const verified = new WeakMap<Request, Promise<{ uid: string } | null>>();

export async function authenticate(sim: SimContext, db: SimDb, request: Request): Promise<Principal | null> {
  const found = readToken(request);
  if (found === null || found === 'malformed') return null;
  let claims = verified.get(request);
  if (claims === undefined) {
    claims = verifyAuthToken(sim.keys, found.token);
    verified.set(request, claims);
  }
  const uid = (await claims)?.uid;
  if (uid === undefined || !db.users.has(uid)) return null;
  return { uid, via: found.via };
}

function isWrite(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/**
 * Admin Router in front of a protected route: a valid token (401 HTML page otherwise), the CSRF header on
 * cookie-authenticated writes, and the route's permission as the security mode enforces it (403 HTML page otherwise).
 */
export function guarded(
  sim: SimContext,
  requirement: (args: SimArgs & { principal: Principal }) => Requirement,
  resolve: GuardedResolver,
): HttpResponseResolver {
  return withDb(sim, async (args) => {
    const principal = await authenticate(sim, args.db, args.request);
    if (!principal) return adminRouterUnauthorized();
    if (
      principal.via === 'cookie' &&
      isWrite(args.request.method) &&
      args.request.headers.get(CSRF_HEADER) !== CSRF_VALUE
    ) {
      return iamError(403, `Cookie-authenticated writes must carry the ${CSRF_HEADER} header.`);
    }
    const need = requirement({ ...args, principal });
    if (need && !isAllowed(args.db, principal.uid, need.rid, need.action)) return adminRouterForbidden();
    return resolve({ ...args, principal });
  });
}

/** Admin Router's rule for the IAM: `dcos:adminrouter:acs full`. */
export const IAM_ACCESS: Requirement = { rid: 'dcos:adminrouter:acs', action: 'full' };
