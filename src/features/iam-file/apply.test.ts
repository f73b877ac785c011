import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { simulator } from '@/mocks/node.ts';
import { applyStep } from './apply.ts';
import { exportIam } from './export.ts';
import { canonical, type IamFile } from './format.ts';
import { planChanges, planProblems, runnable, SUPERUSER_RID, SUPERUSERS_GID } from './plan.ts';

const signal = () => new AbortController().signal;
const mask = (n: number) => fc.array(fc.boolean(), { minLength: n, maxLength: n });

/** What an admin may write into a file: drops, additions and edits of every kind, kept consistent. */
const edits = fc.record({
  dropAccounts: mask(8),
  dropGroups: mask(4),
  dropAcls: mask(16),
  dropGrants: mask(16),
  dropMembers: mask(16),
  addLocal: fc.boolean(),
  addRemote: fc.boolean(),
  addService: fc.boolean(),
  addGroup: fc.boolean(),
  addAcl: fc.boolean(),
  describe: fc.boolean(),
  ldapPort: fc.boolean(),
  dropSaml: fc.boolean(),
  addOidc: fc.boolean(),
});

type Edits = typeof edits extends fc.Arbitrary<infer T> ? T : never;

function edit(a: IamFile, e: Edits, publicKey: string): IamFile {
  const keep = (m: boolean[], i: number) => m[i % m.length] !== true;
  const protectedUid = (uid: string) => uid === 'bootstrapuser';
  const accounts = [...a.users, ...a.serviceAccounts].map((u) => u.uid);
  const dropped = new Set(accounts.filter((uid, i) => !protectedUid(uid) && !keep(e.dropAccounts, i)));
  const droppedGroups = new Set(
    a.groups.map((g) => g.gid).filter((gid, i) => gid !== SUPERUSERS_GID && !keep(e.dropGroups, i)),
  );
  let n = 0;
  const b: IamFile = structuredClone(a);
  b.users = b.users.filter((u) => !dropped.has(u.uid));
  b.serviceAccounts = b.serviceAccounts.filter((u) => !dropped.has(u.uid));
  b.groups = b.groups
    .filter((g) => !droppedGroups.has(g.gid))
    .map((g) => ({
      ...g,
      members: g.members.filter(
        (uid) => !dropped.has(uid) && (g.gid === SUPERUSERS_GID ? true : keep(e.dropMembers, (n += 1))),
      ),
    }));
  b.acls = b.acls
    .filter((acl, i) => acl.rid === SUPERUSER_RID || keep(e.dropAcls, i))
    .map((acl) => ({
      ...acl,
      grants: acl.grants.filter((g, i) =>
        'user' in g
          ? !dropped.has(g.user) && (acl.rid === SUPERUSER_RID || keep(e.dropGrants, i + acl.rid.length))
          : !droppedGroups.has(g.group) && (acl.rid === SUPERUSER_RID || keep(e.dropGrants, i + acl.rid.length)),
      ),
    }));
  if (e.addLocal) b.users.push({ uid: 'new-local', description: 'New local user', provider: 'internal' });
  if (e.addRemote)
    b.users.push({ uid: 'new@example.com', description: 'New OIDC user', provider: 'oidc', providerId: 'google-idp' });
  if (e.addService) b.serviceAccounts.push({ uid: 'new-service', description: 'New service', publicKey });
  if (e.addGroup)
    b.groups.push({ gid: 'new-group', description: 'New group', members: e.addLocal ? ['new-local'] : [] });
  if (e.addAcl)
    b.acls.push({
      rid: 'dcos:adminrouter:ops:mesos',
      description: 'Mesos UI',
      grants: [
        ...(e.addGroup ? [{ group: 'new-group', actions: ['full' as const] }] : []),
        ...(e.addService ? [{ user: 'new-service', actions: ['read' as const, 'update' as const] }] : []),
      ],
    });
  if (e.describe) {
    for (const list of [b.users, b.serviceAccounts, b.groups, b.acls]) {
      const first = list[0];
      if (first) first.description = `${first.description} (edited)`;
    }
  }
  if (e.ldapPort && b.ldap) b.ldap = { ...b.ldap, port: 636, 'use-ldaps': true, 'enforce-starttls': false };
  if (e.dropSaml) b.identityProviders.saml = [];
  if (e.addOidc)
    b.identityProviders.oidc.push({
      id: 'new-idp',
      description: 'New IdP',
      issuer: 'https://login.example.com',
      base_url: 'http://127.0.0.1:5173',
      client_id: 'new-client',
    });
  return canonical(b);
}

describe('Applying a plan to the simulator', { timeout: 120_000 }, () => {
  it('turns the cluster into the file: apply(plan(live, file)) and export again gives the file', async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (e) => {
        simulator.context.reset();
        await login({ uid: 'bootstrapuser', password: 'deleteme' });
        const live = await exportIam({ signal: signal() });
        const target = edit(live, e, live.serviceAccounts.find((s) => s.uid === 'jenkins')?.publicKey ?? '');
        const steps = planChanges(live, target);
        expect(planProblems(live, steps)).toEqual([]);
        const secrets = new Map(
          steps.flatMap((s) => (s.needs ? [[s.key, s.needs === 'password' ? 'new-user-pass' : 'typed-secret']] : [])),
        );
        const failures: string[] = [];
        for (const step of steps.filter(runnable)) {
          await applyStep(step, secrets, signal()).catch((error: unknown) => {
            failures.push(`${step.label}: ${error instanceof Error ? error.message : String(error)}`);
          });
        }
        expect(failures).toEqual([]);
        expect(await exportIam({ signal: signal() })).toEqual(target);
      }),
      { numRuns: 25 },
    );
  });
});
