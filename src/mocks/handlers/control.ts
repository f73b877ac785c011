import { http } from 'msw';
import { SECURITY_MODES, type SecurityMode, type SimDbOptions } from '../db/types.ts';
import { empty, json, readJsonObject } from '../lib/http.ts';
import type { SimContext } from '../sim-context.ts';

/** The simulator's own control API for tests: each e2e test creates its database here (docs/decisions/001). */
export function controlHandlers(sim: SimContext) {
  return [
    http.post('*/__sim/dbs', async ({ request }) => {
      const body = (await readJsonObject(request)) ?? {};
      const options: Partial<SimDbOptions> = {};
      if (SECURITY_MODES.includes(body.securityMode as SecurityMode)) options.securityMode = body.securityMode as SecurityMode;
      const ttl = body.tokenTtlSeconds;
      // Whole seconds only, like SIM_TOKEN_TTL: the JWT's `exp` and the cookies' Max-Age must be integers.
      if (typeof ttl === 'number' && Number.isInteger(ttl) && ttl > 0) options.tokenTtlSeconds = ttl;
      const db = sim.createDb(options);
      return json({ id: db.id, securityMode: db.securityMode, tokenTtlSeconds: db.tokenTtlSeconds }, 201);
    }),
    http.delete('*/__sim/dbs/:id', ({ params }) => empty(sim.deleteDb(String(params.id)) ? 204 : 404)),
    http.get('*/__sim/health', () => json({ ok: true })),
  ];
}
