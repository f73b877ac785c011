import { http } from 'msw';
import { empty, json, parseJsonObject } from '../lib/http.ts';
import type { SimContext } from '../sim-context.ts';
import { controlRefusal, refused } from './control.ts';

/**
 * PATCH /__sim/dbs/{id} `{tokenTtlSeconds}`: changes the token lifetime of a live test database. A test signs in with
 * a session of a few seconds, lets it expire mid-edit, then renews it with a long one, so what happens after the
 * renewal does not race the next expiry. Only the control API (never a DC/OS path) can do this.
 */
export function dbSettingsHandlers(sim: SimContext) {
  return [
    http.patch('*/__sim/dbs/:id', async ({ request, params }) => {
      const refusal = controlRefusal(request, String(params.id));
      if (refusal !== null) return refused(refusal);
      const db = sim.dbFor(new Request(request.url, { headers: { cookie: `dcos-sim-db=${String(params.id)}` } }));
      if (!db || db.id === 'default') return empty(404);
      const body = parseJsonObject(await request.text());
      const ttl = body?.tokenTtlSeconds;
      if (
        !body ||
        Object.keys(body).some((key) => key !== 'tokenTtlSeconds') ||
        typeof ttl !== 'number' ||
        !Number.isInteger(ttl) ||
        ttl <= 0
      ) {
        return new Response('Bad simulator settings: send {"tokenTtlSeconds": <positive whole number>}.', {
          status: 400,
          headers: { 'Content-Type': 'text/plain' },
        });
      }
      db.tokenTtlSeconds = ttl;
      return json({ id: db.id, tokenTtlSeconds: db.tokenTtlSeconds });
    }),
  ];
}
