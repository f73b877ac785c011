// Admin Router's `location /acs/api/v1` (docs/decisions/006): every request under it outside `/acs/api/v1/auth/` must
// carry a valid DC/OS token before anything is routed to the IAM, so an unknown path, an unsupported method or a
// malformed one is answered with Admin Router's 401 page (`WWW-Authenticate: acsjwt`), not the IAM's 404, when the
// token is missing, malformed (`Authorization: foo`, `token=`) or not valid (`token=X`). With a valid token the request
// falls through to the IAM's handlers as before. `location /acs/api/v1/auth/` is open: the login, logout, jwks and
// single sign-on endpoints answer for themselves.
import { http } from 'msw';
import { adminRouterUnauthorized } from '../lib/http.ts';
import type { SimContext } from '../sim-context.ts';
import { authenticate } from './guard.ts';

/** `/acs/api/v1` itself or anything below it; matched as a RegExp so MSW decodes no path parameter first. */
const IAM_LOCATION = /\/acs\/api\/v1(?:\/|$)/;
const OPEN_PREFIX = '/acs/api/v1/auth/';

/** Whether Admin Router checks the token before this path reaches the IAM. */
export function isTokenCheckedIamPath(pathname: string): boolean {
  return (pathname === '/acs/api/v1' || pathname.startsWith('/acs/api/v1/')) && !pathname.startsWith(OPEN_PREFIX);
}

export function adminRouterHandlers(sim: SimContext) {
  return [
    http.all(IAM_LOCATION, async ({ request }) => {
      if (!isTokenCheckedIamPath(new URL(request.url).pathname)) return undefined;
      // An unknown test database is left to the handlers, which answer it with their own 410.
      const db = sim.dbFor(request);
      if (!db) return undefined;
      return (await authenticate(sim, db, request)) ? undefined : adminRouterUnauthorized();
    }),
  ];
}
