// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidRid } from '../handlers/acl-common.ts';
import { createSimulator } from '../simulator.ts';
import { apiRequest, loginAs } from '../test-support.ts';
import { broaderRids } from '@/lib/rid.ts';
import { createDb } from './create-db.ts';
import { SUPERUSER_RID, SUPERUSERS_GID } from './entities.ts';
import { ACL_AUDITORS_GID } from './generate.ts';
import { ACTIONS, type SimDb, type SimScale } from './types.ts';

const seeded = (scale: Partial<SimScale>) =>
  createDb('generate-acls-test', { securityMode: 'strict', tokenTtlSeconds: 60, ...scale });
const demo = seeded({});
const DEMO_RIDS = new Set(demo.acls.keys());
const DEMO_UIDS = new Set(demo.users.keys());
const DEMO_GIDS = new Set(demo.groups.keys());

/** The generated ACLs, in order, in a comparable form. */
function generatedAcls(db: SimDb) {
  return [...db.acls.values()]
    .filter((acl) => acl.groups.has(ACL_AUDITORS_GID))
    .map((acl) => ({
      rid: acl.rid,
      description: acl.description,
      users: [...acl.users].map(([uid, actions]) => [uid, [...actions]]),
      groups: [...acl.groups].map(([gid, actions]) => [gid, [...actions]]),
    }));
}

describe('generated ACLs (SIM_ACLS)', () => {
  it('adds neither ACLs nor the auditors group by default', () => {
    expect(demo.scale.acls).toBe(0);
    expect(demo.groups.has(ACL_AUDITORS_GID)).toBe(false);
  });

  it('adds exactly the asked number of new ACLs, and one group holding read on each', () => {
    const db = seeded({ acls: 500, groups: 10, users: 50, serviceAccounts: 5 });
    expect(db.scale.acls).toBe(500);
    // The generated groups' own Marathon folders are there as before; the 500 come on top.
    const before = seeded({ groups: 10, users: 50, serviceAccounts: 5 });
    expect(db.acls.size).toBe(before.acls.size + 500);
    const generated = generatedAcls(db);
    expect(generated).toHaveLength(500);
    for (const acl of generated) expect(before.acls.has(acl.rid)).toBe(false);
    expect(db.groups.get(ACL_AUDITORS_GID)?.description).toMatch(/^Auditors/);
    expect(db.memberships.get(ACL_AUDITORS_GID)?.size).toBe(0);
    for (const acl of db.acls.values())
      if (acl.groups.has(ACL_AUDITORS_GID)) expect(acl.groups.get(ACL_AUDITORS_GID)).toEqual(new Set(['read']));
  });

  it('gives the same ACLs for the same counts, and N ACLs are the first N of more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 200 }), (n, more) => {
        const scale = { groups: 6, users: 20, serviceAccounts: 3 };
        const small = generatedAcls(seeded({ ...scale, acls: n }));
        expect(generatedAcls(seeded({ ...scale, acls: n }))).toEqual(small);
        expect(generatedAcls(seeded({ ...scale, acls: n + more })).slice(0, n)).toEqual(small);
      }),
      { numRuns: 15 },
    );
  });

  it('writes valid, unique rids of every documented kind, with descriptions', () => {
    const db = seeded({ acls: 5000 });
    const generated = generatedAcls(db);
    const rids = generated.map((acl) => acl.rid);
    expect(new Set(rids).size).toBe(5000);
    for (const acl of generated) {
      expect(isValidRid(acl.rid)).toBe(true);
      expect(DEMO_RIDS.has(acl.rid)).toBe(false);
      expect(acl.description).not.toBe('');
    }
    const share = (prefix: string) => rids.filter((rid) => rid.startsWith(prefix)).length / rids.length;
    expect(share('dcos:service:marathon:marathon:services:/')).toBeGreaterThan(0.4);
    expect(share('dcos:secrets:default:/')).toBeGreaterThan(0.2);
    expect(share('dcos:adminrouter:service:')).toBeGreaterThan(0.07);
    expect(share('dcos:mesos:master:')).toBeGreaterThan(0.1);
    expect(share('dcos:service:metronome:metronome:jobs:')).toBeGreaterThan(0.03);
    expect(rids.some((rid) => rid.startsWith('dcos:secrets:default:/') && rid.endsWith('/*'))).toBe(true);
  });

  it('grants only to generated groups and accounts, never to the demo ones', () => {
    const db = seeded({ acls: 2000, groups: 30, users: 300, serviceAccounts: 40 });
    const generated = [...db.acls.values()].filter((acl) => acl.groups.has(ACL_AUDITORS_GID));
    expect(generated).toHaveLength(2000);
    let users = 0;
    let groups = 0;
    for (const acl of generated) {
      for (const [uid, actions] of acl.users) {
        users++;
        expect(db.users.has(uid)).toBe(true);
        expect(DEMO_UIDS.has(uid)).toBe(false);
        for (const action of actions) expect(ACTIONS).toContain(action);
      }
      for (const [gid, actions] of acl.groups) {
        if (gid === ACL_AUDITORS_GID) continue;
        groups++;
        expect(db.groups.has(gid)).toBe(true);
        expect(DEMO_GIDS.has(gid)).toBe(false);
        for (const action of actions) expect(ACTIONS).toContain(action);
      }
      expect(acl.users.size + acl.groups.size).toBeLessThanOrEqual(4);
    }
    // 1–3 holders per ACL, 60 % of them groups.
    expect(users + groups).toBeGreaterThan(2000 * 1.7);
    expect(groups / (users + groups)).toBeGreaterThan(0.5);
    expect(groups / (users + groups)).toBeLessThan(0.7);
  });

  it('grants only to the auditors group when nothing else is generated', () => {
    for (const acl of generatedAcls(seeded({ acls: 100 }))) {
      expect(acl.users).toEqual([]);
      expect(acl.groups).toEqual([[ACL_AUDITORS_GID, ['read']]]);
    }
  });

  it('seeds 100,000 ACLs in a few seconds at most', () => {
    const started = performance.now();
    const db = seeded({ acls: 100_000, groups: 300, users: 1000 });
    expect(db.acls.size).toBeGreaterThan(100_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("serves the auditors group's permissions and the ACL list", async () => {
    const sim = await createSimulator({ securityMode: 'strict', tokenTtlSeconds: 60, acls: 3000, groups: 20 });
    const token = await loginAs(sim, 'bootstrapuser', 'deleteme');
    const get = async (path: string) =>
      (await (await sim.handle(apiRequest(path, { via: 'token', token }))).json()) as { array: unknown[] };
    expect((await get(`/acs/api/v1/groups/${ACL_AUDITORS_GID}/permissions`)).array).toHaveLength(3000);
    expect((await get('/acs/api/v1/acls')).array).toHaveLength(DEMO_RIDS.size + 20 + 3000);
  });

  it('gives the access review a realistic model at 10,000 users, 300 groups and 2,000 ACLs', () => {
    const db = seeded({ users: 10_000, groups: 300, acls: 2000 });
    const superusers = db.acls.get(SUPERUSER_RID);
    const direct = [...(superusers?.users.keys() ?? [])].filter((uid) => !DEMO_UIDS.has(uid));
    const viaGroup = [...(db.memberships.get(SUPERUSERS_GID) ?? [])].filter((uid) => !DEMO_UIDS.has(uid));
    expect(direct).toHaveLength(2);
    expect(viaGroup).toHaveLength(5);
    const generated = [...db.acls.values()].filter((acl) => acl.groups.has(ACL_AUDITORS_GID));
    // Grants to users and to groups with members, and rids a broader generated rid covers (a parent service group).
    expect(generated.some((acl) => acl.users.size > 0)).toBe(true);
    expect(
      generated.some((acl) => [...acl.groups.keys()].some((gid) => (db.memberships.get(gid)?.size ?? 0) > 0)),
    ).toBe(true);
    const covered = generated.filter((acl) => broaderRids(acl.rid).some((b) => db.acls.has(b.rid)));
    expect(covered.length).toBeGreaterThan(50);
  });
});
