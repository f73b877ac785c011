import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, emptyIamFile, type Action, type IamFile } from './format.ts';
import {
  applyToModel,
  planChanges,
  planProblems,
  removesSuperuser,
  superuserHolders,
  SUPERUSER_RID,
  type Step,
} from './plan.ts';

const USERS = ['bootstrapuser', 'alice', 'carol', 'dave', 'dcos_local'] as const;
const SERVICES = ['jenkins', 'dcos_marathon'] as const;
const GROUPS = ['superusers', 'ops', 'dev'] as const;
const RIDS = [SUPERUSER_RID, 'dcos:adminrouter:acs', 'dcos:secrets:default:/a'] as const;
const ACTIONS: readonly Action[] = ['full', 'create', 'read', 'update', 'delete'];
const word = fc.constantFrom('', 'first', 'second');

/** Where an account signs in and a service account's key follow from its uid: the IAM cannot change either. */
function providerOf(uid: string) {
  if (uid === 'carol') return { provider: 'ldap' as const };
  if (uid === 'dave') return { provider: 'oidc' as const, providerId: 'google' };
  return { provider: 'internal' as const };
}

/** A small IAM over fixed names, so that two of them overlap a lot and differ in every way the plan covers. */
const iamState: fc.Arbitrary<IamFile> = fc
  .record({
    users: fc.subarray([...USERS]),
    services: fc.subarray([...SERVICES]),
    descriptions: fc.array(word, { minLength: 12, maxLength: 12 }),
    groups: fc.subarray([...GROUPS]),
    members: fc.array(fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), { minLength: 3, maxLength: 3 }),
    acls: fc.subarray([...RIDS]),
    grants: fc.array(fc.array(fc.subarray([...ACTIONS]), { minLength: 10, maxLength: 10 }), {
      minLength: 3,
      maxLength: 3,
    }),
    oidc: fc.subarray(['google', 'azure']),
    issuer: fc.constantFrom('https://a', 'https://b'),
    saml: fc.boolean(),
    ldap: fc.option(fc.record({ port: fc.constantFrom(389, 636), dn: fc.boolean() }), { nil: null }),
  })
  .map((r) => {
    const d = (i: number) => r.descriptions[i % r.descriptions.length] ?? '';
    const accounts = [...r.users, ...r.services];
    const principals = [...r.groups.map((g) => ({ group: g })), ...accounts.map((u) => ({ user: u }))];
    return canonical({
      ...emptyIamFile(),
      users: r.users.map((uid, i) => ({ uid, description: d(i), ...providerOf(uid) })),
      serviceAccounts: r.services.map((uid, i) => ({ uid, description: d(i + 5), publicKey: `KEY ${uid}` })),
      groups: r.groups.map((gid, gi) => ({
        gid,
        description: d(gi + 7),
        members: [...USERS, ...SERVICES].filter((uid, ui) => accounts.includes(uid) && r.members[gi]?.[ui] === true),
      })),
      acls: r.acls.map((rid, ai) => ({
        rid,
        description: d(ai + 9),
        grants: principals
          .map((p, pi) => ({ ...p, actions: r.grants[ai]?.[pi] ?? [] }))
          .filter((g) => g.actions.length > 0),
      })),
      identityProviders: {
        oidc: r.oidc.map((id) => ({ id, description: id, issuer: r.issuer, base_url: 'https://c', client_id: id })),
        saml: r.saml ? [{ id: 'okta', description: 'Okta', idp_metadata: '<x/>', sp_base_url: 'https://c' }] : [],
      },
      ldap:
        r.ldap === null
          ? null
          : {
              host: 'ldap',
              port: r.ldap.port,
              'enforce-starttls': true,
              'use-ldaps': false,
              ...(r.ldap.dn ? { 'lookup-dn': 'cn=lookup' } : {}),
            },
      secrets: [],
    });
  });

const PHASE_OF = (steps: readonly Step[], type: string) => steps.filter((s) => s.op.type === type).map((s) => s.phase);

describe('The plan from one IAM to another', () => {
  it('turns a into b when applied (secrets are only listed)', () => {
    fc.assert(
      fc.property(iamState, iamState, (a, b) => {
        expect(applyToModel(a, planChanges(a, b))).toEqual(canonical({ ...b, secrets: a.secrets }));
      }),
      { numRuns: 500 },
    );
  });

  it('is empty from a state to itself, and lists every difference exactly once', () => {
    fc.assert(
      fc.property(iamState, iamState, (a, b) => {
        expect(planChanges(a, a)).toEqual([]);
        const keys = planChanges(a, b).map((s) => s.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 200 },
    );
  });

  it('creates before it links, and revokes before it deletes', () => {
    fc.assert(
      fc.property(iamState, iamState, (a, b) => {
        const steps = planChanges(a, b);
        const phases = steps.map((s) => s.phase);
        expect(phases).toEqual([...phases].sort((x, y) => x - y));
        const last = (type: string) => Math.max(-1, ...PHASE_OF(steps, type));
        const first = (type: string) => Math.min(99, ...PHASE_OF(steps, type));
        for (const created of ['group-add', 'user-add', 'sa-add', 'acl-add'])
          for (const link of ['member-add', 'grant-add']) expect(last(created)).toBeLessThan(first(link));
        for (const unlink of ['grant-remove', 'member-remove'])
          for (const removed of ['user-remove', 'sa-remove', 'group-remove', 'acl-remove'])
            expect(last(unlink)).toBeLessThan(first(removed));
        expect(last('grant-add')).toBeLessThan(first('grant-remove'));
      }),
      { numRuns: 200 },
    );
  });

  it('flags every step on dcos:superuser and every dcos_ account, and asks for the dcos_ uid', () => {
    fc.assert(
      fc.property(iamState, iamState, (a, b) => {
        for (const step of planChanges(a, b)) {
          const text = JSON.stringify(step.op);
          if (text.includes(`"${SUPERUSER_RID}"`)) expect(step.sensitive.join(' ')).toMatch(/dcos:superuser/);
          const system = /"(dcos_[a-z]+)"/.exec(text)?.[1];
          if (system !== undefined) expect(step.systemUid).toBe(system);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses exactly the plans that would leave no superuser, naming the steps to untick', () => {
    fc.assert(
      fc.property(iamState, iamState, (a, b) => {
        const steps = planChanges(a, b);
        const problems = planProblems(a, steps);
        const none = superuserHolders(applyToModel(a, steps)).size === 0;
        expect(problems.length > 0).toBe(superuserHolders(a).size > 0 && none);
        if (problems.length > 0) expect(steps.some((s) => removesSuperuser(a, s))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('asks for what the file cannot carry: a new local user’s password, a new OIDC provider’s client secret', () => {
    const b = {
      ...emptyIamFile(),
      users: [
        { uid: 'new', description: '', provider: 'internal' as const },
        { uid: 'remote', description: '', provider: 'ldap' as const },
      ],
      identityProviders: {
        oidc: [{ id: 'g', description: 'G', issuer: 'i', base_url: 'b', client_id: 'c' }],
        saml: [],
      },
    };
    const needs = planChanges(emptyIamFile(), b).map((s) => [s.key, s.needs]);
    expect(needs).toEqual([
      ['oidc:g:add', 'client-secret'],
      ['user:new:add', 'password'],
      ['user:remote:add', undefined],
    ]);
  });
});
