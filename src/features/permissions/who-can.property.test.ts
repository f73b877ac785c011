import { QueryClient } from '@tanstack/react-query';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { aclQueries } from '@/api/acls.ts';
import { login } from '@/api/auth.ts';
import { addGroup, grant, SUPERUSER_RID } from '@/mocks/db/entities.ts';
import type { Action, SimAcl } from '@/mocks/db/types.ts';
import { simulator } from '@/mocks/node.ts';
import { questionRids, whoCan } from '@/lib/who-can.ts';
import { loadAccessModel } from './access-model.ts';

// Parity with the IAM: for random models written into the simulator and random (account, rid, action) triples, the
// access review names an account with a reason of its own (superuser, the rid, `full`) exactly when the IAM's
// `GET /acls/{rid}/users/{uid}/{action}` answers allowed. A broader rid is the console's reading of the permissions
// reference (Marathon service groups, Mesos' omitted sections); the IAM's check looks at the exact rid only, so a
// row whose only reasons are broader ones must be one the IAM answers "not allowed" for that rid.

const ACCOUNTS = ['alice', 'bob', 'carol', 'jenkins'] as const;
const GROUPS = ['pt-ops', 'pt-dev', 'pt-empty'] as const;
const RIDS = [
  'dcos:service:marathon:marathon:services:/pt',
  'dcos:service:marathon:marathon:services:/pt/app',
  'dcos:service:marathon:marathon:services:/pt/app/web',
  'dcos:secrets:default:/pt/key',
  'dcos:mesos:master:task:app_id:/pt/app',
  'dcos:adminrouter:ops:pt',
] as const;
const ACTIONS: readonly Action[] = ['full', 'create', 'read', 'update', 'delete'];

const principal = fc.oneof(
  fc.constantFrom(...ACCOUNTS).map((uid) => ({ uid })),
  fc.constantFrom(...GROUPS).map((gid) => ({ gid })),
);
const grantArb = fc.record({
  principal,
  rid: fc.constantFrom(...RIDS, SUPERUSER_RID),
  actions: fc.subarray([...ACTIONS], { minLength: 1 }),
});
const modelArb = fc.record({
  // Superuser grants are rare in a real cluster; without the weighting every other path would hide behind them.
  grants: fc
    .array(grantArb, { maxLength: 14 })
    .map((gs) => gs.filter((g, i) => g.rid !== SUPERUSER_RID || i % 4 === 0)),
  members: fc.array(fc.subarray([...ACCOUNTS]), { minLength: GROUPS.length, maxLength: GROUPS.length }),
});
const triple = fc.record({
  uid: fc.constantFrom(...ACCOUNTS),
  rid: fc.constantFrom(...RIDS),
  action: fc.constantFrom(...ACTIONS),
});

const db = () => simulator.context.defaultDb;

function copyAcl(acl: SimAcl): SimAcl {
  const copy = (m: Map<string, Set<Action>>) => new Map([...m].map(([k, v]) => [k, new Set(v)]));
  return { ...acl, users: copy(acl.users), groups: copy(acl.groups) };
}

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

describe('access review parity with the IAM', { timeout: 120_000 }, () => {
  it('names an account with a reason of its own exactly when the IAM answers allowed', async () => {
    const superuserAcl = db().acls.get(SUPERUSER_RID);
    if (!superuserAcl) throw new Error('the seeded db has dcos:superuser');
    const original = copyAcl(superuserAcl);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let withBroader = 0;
    let allowedSeen = 0;
    await fc.assert(
      fc.asyncProperty(modelArb, fc.array(triple, { minLength: 6, maxLength: 6 }), async (model, triples) => {
        const sim = db();
        // A fresh model each run: the pool's rids and groups are rewritten, dcos:superuser is restored first.
        for (const rid of RIDS) sim.acls.delete(rid);
        sim.acls.set(SUPERUSER_RID, copyAcl(original));
        GROUPS.forEach((gid, i) => {
          addGroup(sim, gid, gid);
          sim.memberships.set(gid, new Set(model.members[i] ?? []));
        });
        for (const g of model.grants) for (const action of g.actions) grant(sim, g.rid, g.principal, action);

        const whole = await loadAccessModel({ signal: new AbortController().signal });
        for (const { uid, rid, action } of triples) {
          const answer = whoCan(whole, rid, action, 'strict');
          const row = answer.rows.find((r) => r.uid === uid);
          const own = row?.reasons.some((r) => r.kind !== 'broader') ?? false;
          if (row && !own) withBroader += 1;
          const allowed = await client.query({ ...aclQueries.allowed({ uid }, rid, action), staleTime: 0 });
          if (allowed) allowedSeen += 1;
          expect(own, `${uid} ${action} ${rid}: ${JSON.stringify(row?.reasons ?? [])}`).toBe(allowed);
          // The read for one question answers it exactly as the whole model does.
          const scoped = await loadAccessModel({ signal: new AbortController().signal, rids: questionRids(rid) });
          expect(whoCan(scoped, rid, action, 'strict')).toEqual(answer);
        }
      }),
      { numRuns: 25 },
    );
    // The runs covered both answers and the broader-only case, not just one path.
    expect(allowedSeen).toBeGreaterThan(0);
    expect(withBroader).toBeGreaterThan(0);
  });
});
