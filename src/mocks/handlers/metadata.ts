import { createHash } from 'node:crypto';
import { http } from 'msw';
import type { SimDb } from '../db/types.ts';
import { json } from '../lib/http.ts';
import type { SimContext } from '../sim-context.ts';
import { guarded, withDb } from './guard.ts';

/**
 * The cluster's id as `/var/lib/dcos/cluster-id` holds it: a UUID (version 4 layout), here derived from the db's id so
 * the default db's is the same on every start.
 */
export function clusterIdOf(db: Pick<SimDb, 'id'>): string {
  const hex = createHash('sha256').update(`dcos-sim-cluster-id:${db.id}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * `ui-config.json` as the IAM serves it (Admin Router proxies the path to it): the cluster's UI configuration with
 * `clusterConfiguration: {firstUser, id}` added, `firstUser` true while no regular (non-service) account exists
 * (dcos/dcos bouncer `uiconfig.py`; integration test `test_if_uiconfig_is_available`). Unauthenticated: the stock UI
 * reads it on the sign-in page (api doc, dcos-metadata).
 */
function uiConfig(db: SimDb) {
  return {
    uiConfiguration: {
      plugins: {
        authentication: { enabled: true },
        'auth-providers': { enabled: true },
        bootstrapConfig: { enabled: true },
        secrets: { enabled: true },
        organization: { enabled: true },
      },
    },
    clusterConfiguration: { firstUser: !hasRegularUser(db), id: clusterIdOf(db) },
  };
}

function hasRegularUser(db: SimDb): boolean {
  for (const user of db.users.values()) if (!user.isService) return true;
  return false;
}

export function metadataHandlers(sim: SimContext) {
  return [
    http.get(
      '*/dcos-metadata/bootstrap-config.json',
      guarded(
        sim,
        () => ({ rid: 'dcos:adminrouter:ops:metadata', action: 'full' }),
        ({ db }) => json({ security: db.securityMode }),
      ),
    ),
    http.get(
      '*/dcos-metadata/ui-config.json',
      withDb(sim, ({ db }) => json(uiConfig(db))),
    ),
  ];
}
