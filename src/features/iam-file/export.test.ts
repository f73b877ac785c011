import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { simulator } from '@/mocks/node.ts';
import { exportIam } from './export.ts';
import { parseIamFile, serializeIamFile } from './format.ts';

const db = () => simulator.context.defaultDb;
const read = (options: { secretKinds?: boolean } = {}) =>
  exportIam({ signal: new AbortController().signal, ...options });

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

describe('Exporting the IAM', { timeout: 30_000 }, () => {
  it('is complete: every account, group, member, ACL, grant, provider, the directory and the secret paths', async () => {
    const file = await read();
    const sim = db();
    expect(file.users.map((u) => u.uid)).toEqual(
      [...sim.users.values()]
        .filter((u) => !u.isService)
        .map((u) => u.uid)
        .sort(),
    );
    expect(file.serviceAccounts.map((s) => s.uid)).toEqual(
      [...sim.users.values()]
        .filter((u) => u.isService)
        .map((u) => u.uid)
        .sort(),
    );
    expect(file.serviceAccounts.find((s) => s.uid === 'jenkins')?.publicKey).toBe(sim.users.get('jenkins')?.publicKey);
    expect(file.users.find((u) => u.uid === 'dave.kim@example.com')).toEqual({
      uid: 'dave.kim@example.com',
      description: 'Dave Kim',
      provider: 'oidc',
      providerId: 'google-idp',
    });
    expect(file.users.find((u) => u.uid === 'carol')).toMatchObject({ provider: 'ldap' });
    for (const [gid, members] of sim.memberships) {
      expect(file.groups.find((g) => g.gid === gid)?.members).toEqual([...members].sort());
    }
    expect(file.acls.map((a) => a.rid)).toEqual([...sim.acls.keys()].sort());
    for (const acl of sim.acls.values()) {
      const exported = file.acls.find((a) => a.rid === acl.rid);
      expect(exported?.description).toBe(acl.description);
      const grants = [
        ...[...acl.groups].map(([gid, actions]) => ({ group: gid, actions: [...actions].sort() })),
        ...[...acl.users].map(([uid, actions]) => ({ user: uid, actions: [...actions].sort() })),
      ];
      expect(exported?.grants.map((g) => ({ ...g, actions: [...g.actions].sort() }))).toEqual(
        expect.arrayContaining(grants),
      );
      expect(exported?.grants).toHaveLength(grants.length);
    }
    expect(file.identityProviders.oidc.map((p) => p.id)).toEqual([...sim.sso.oidc.keys()].sort());
    expect(file.identityProviders.saml.map((p) => p.id)).toEqual([...sim.sso.saml.keys()].sort());
    expect(file.ldap?.host).toBe(sim.ldap.config?.host);
    expect(file.ldap?.['lookup-dn']).toBe(sim.ldap.config?.['lookup-dn']);
    expect(file.secrets?.map((s) => s.path)).toEqual([...sim.secrets.keys()].sort());
    expect(new Set(file.secrets?.map((s) => s.kind))).toEqual(new Set(['unknown']));
  });

  it('names each secret’s kind only when asked', async () => {
    const file = await read({ secretKinds: true });
    for (const [path, secret] of db().secrets) {
      expect(file.secrets?.find((s) => s.path === path)?.kind).toBe(secret.kind === 'text' ? 'text' : 'file');
    }
  });

  it('is stable: the same cluster gives the same bytes, in sorted order, and reads back to itself', async () => {
    const first = serializeIamFile(await read());
    const second = serializeIamFile(await read());
    expect(second).toBe(first);
    const parsed = parseIamFile(first);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && serializeIamFile(parsed.file)).toBe(first);
    const file = JSON.parse(first) as { users: { uid: string }[]; acls: { rid: string }[] };
    const uids = file.users.map((u) => u.uid);
    expect(uids).toEqual([...uids].sort());
    expect(Object.keys(JSON.parse(first) as object)).toEqual([
      'format',
      'version',
      'users',
      'serviceAccounts',
      'groups',
      'acls',
      'identityProviders',
      'ldap',
      'secrets',
    ]);
  });

  it('stops at once when cancelled', async () => {
    const abort = new AbortController();
    const pending = exportIam({
      signal: abort.signal,
      onProgress: (p) => {
        if (p.phase === 'group members') abort.abort();
      },
    });
    await expect(pending).rejects.toThrow();
  });
});
