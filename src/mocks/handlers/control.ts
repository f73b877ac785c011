import { http } from 'msw';
import { isScaleCount } from '../config.ts';
import { DEFAULT_SEAL_SHARES, DEFAULT_SEAL_THRESHOLD, sealOptionsProblem } from '../db/secrets.ts';
import {
  ACTIONS,
  MAX_SCALE,
  SCALE_KEYS,
  SECURITY_MODES,
  type Action,
  type SecurityMode,
  type SimDbOptions,
} from '../db/types.ts';
import { empty, json, parseJsonObject } from '../lib/http.ts';
import { SIM_DB_COOKIE, type SimContext } from '../sim-context.ts';
import { isAllowed } from '../authz.ts';
import { authenticate } from './guard.ts';
import { parseCookies } from '../lib/http.ts';

const OPTION_KEYS = new Set<string>([
  'securityMode',
  'tokenTtlSeconds',
  ...SCALE_KEYS,
  'sealThreshold',
  'sealShares',
  'sealed',
]);

/** A typo in a test's options must fail loudly, not silently give the defaults. */
function badOptions(why: string): Response {
  return new Response(`Bad simulator options: ${why}.`, { status: 400, headers: { 'Content-Type': 'text/plain' } });
}

/**
 * Why a request to the control API is refused, or null when it may go on (issue 19). The control API is on only
 * when a test asks for it (`SIM_CONTROL=1`), and even then a page on another site must not reach it:
 * - the body is declared JSON (`Content-Type: application/json`), which a cross-site form cannot send without a
 *   CORS preflight, and no preflight is ever approved;
 * - the request comes from the console's own origin or from no browser page at all (`Origin` absent or the same,
 *   `Sec-Fetch-Site` absent, `same-origin` or `none`);
 * - with `db`: the request carries the test database's cookie (`dcos-sim-db`), naming that database (a string) or
 *   any test database (true). The default database, the demo's, is never the one changed.
 */
export function controlRefusal(request: Request, db: string | boolean = false): string | null {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return 'control requests must be sent as Content-Type: application/json';
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== new URL(request.url).origin) return `control requests from ${origin} are refused`;
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none')
    return `control requests from a ${site} page are refused`;
  if (db === false) return null;
  const id = parseCookies(request.headers.get('cookie')).get(SIM_DB_COOKIE);
  if (id === undefined || id === 'default')
    return `control requests must carry a test database's ${SIM_DB_COOKIE} cookie`;
  if (typeof db === 'string' && id !== db) return `the ${SIM_DB_COOKIE} cookie names another database`;
  return null;
}

export function refused(why: string): Response {
  return new Response(`Refused: ${why}.`, {
    status: 403,
    headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' },
  });
}

/**
 * The simulator's own control API for tests: each e2e test creates its database here (docs/decisions/001). With
 * `control` off (the demo), only `/__sim/health` answers.
 */
export function controlHandlers(sim: SimContext, control: boolean) {
  const health = http.get('*/__sim/health', () => json({ ok: true, control }));
  if (!control) return [health];
  return [
    http.post('*/__sim/dbs', async ({ request }) => {
      const refusal = controlRefusal(request);
      if (refusal !== null) return refused(refusal);
      const text = await request.text();
      const body = text.trim() === '' ? {} : parseJsonObject(text);
      if (!body) return badOptions('the body must be a JSON object');
      const unknown = Object.keys(body).filter((key) => !OPTION_KEYS.has(key));
      if (unknown.length > 0)
        return badOptions(`unknown option ${unknown.join(', ')}; known are ${[...OPTION_KEYS].join(', ')}`);
      const options: Partial<SimDbOptions> = {};
      const { securityMode, tokenTtlSeconds: ttl } = body;
      if (securityMode !== undefined) {
        if (!SECURITY_MODES.includes(securityMode as SecurityMode))
          return badOptions(`securityMode must be one of ${SECURITY_MODES.join(', ')}`);
        options.securityMode = securityMode as SecurityMode;
      }
      if (ttl !== undefined) {
        // Whole seconds only, like SIM_TOKEN_TTL: the JWT's `exp` and the cookies' Max-Age must be integers.
        if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl <= 0)
          return badOptions('tokenTtlSeconds must be a positive whole number');
        options.tokenTtlSeconds = ttl;
      }
      // How many extra generated users, groups, service accounts, secrets and ACLs the db gets (db/generate.ts).
      for (const key of SCALE_KEYS) {
        const count = body[key];
        if (count === undefined) continue;
        if (!isScaleCount(count)) return badOptions(`${key} must be a whole number from 0 to ${MAX_SCALE}`);
        options[key] = count;
      }
      // The Secret Store's seal: unseal keys needed and made (checked together with the simulator's defaults), and
      // whether it starts sealed.
      const { sealThreshold, sealShares, sealed } = body;
      const threshold = sealThreshold ?? sim.defaults.sealThreshold ?? DEFAULT_SEAL_THRESHOLD;
      const shares = sealShares ?? sim.defaults.sealShares ?? DEFAULT_SEAL_SHARES;
      const sealProblem = sealOptionsProblem(threshold, shares);
      if (sealProblem !== null) return badOptions(sealProblem);
      if (sealThreshold !== undefined) options.sealThreshold = threshold as number;
      if (sealShares !== undefined) options.sealShares = shares as number;
      if (sealed !== undefined) {
        if (typeof sealed !== 'boolean') return badOptions('sealed must be true or false');
        options.sealed = sealed;
      }
      const db = sim.createDb(options);
      // The unseal keys are echoed so a test can unseal its db through the API or the console.
      const { seal } = db;
      return json(
        {
          id: db.id,
          securityMode: db.securityMode,
          tokenTtlSeconds: db.tokenTtlSeconds,
          ...db.scale,
          sealThreshold: seal.threshold,
          sealShares: seal.shares,
          sealed: seal.sealed,
          unsealKeys: seal.keys,
        },
        201,
      );
    }),
    http.delete('*/__sim/dbs/:id', ({ request, params }) => {
      const refusal = controlRefusal(request, String(params.id));
      if (refusal !== null) return refused(refusal);
      return empty(sim.deleteDb(String(params.id)) ? 204 : 404);
    }),
    // Admin Router's check in front of `/service/<name>/`, for the e2e harness's stand-in (scripts/nginx-e2e.ts, an
    // nginx `auth_request`): 200 when the request's session may do `action` on `rid`, 401 without a valid session,
    // 403 without the permission. A read of the caller's own session only; nothing changes.
    http.get('*/__sim/authorize', async ({ request }) => {
      const url = new URL(request.url);
      const rid = url.searchParams.get('rid') ?? '';
      const action = url.searchParams.get('action') ?? 'full';
      const db = sim.dbFor(request);
      if (!db || rid === '' || !ACTIONS.includes(action as Action)) return empty(400);
      const principal = await authenticate(sim, db, request);
      if (!principal) return empty(401);
      return empty(isAllowed(db, principal.uid, rid, action as Action) ? 200 : 403);
    }),
    health,
  ];
}
