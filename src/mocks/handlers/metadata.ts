import { http } from 'msw';
import { json } from '../lib/http.ts';
import type { SimContext } from '../sim-context.ts';
import { guarded } from './guard.ts';

export function metadataHandlers(sim: SimContext) {
  return [
    http.get(
      '*/dcos-metadata/bootstrap-config.json',
      guarded(sim, () => ({ rid: 'dcos:adminrouter:ops:metadata', action: 'full' }), ({ db }) => json({ security: db.securityMode })),
    ),
  ];
}
