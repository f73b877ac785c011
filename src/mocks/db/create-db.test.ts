// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { publicKeyProblem } from '../lib/public-key.ts';
import { isSha512CryptHash, verifySha512Crypt } from '../lib/sha512-crypt.ts';
import { addMember, createDb, grant, groupsOf, removeGroup, removeUser } from './create-db.ts';
import { SEED_PUBLIC_KEYS } from './seed-keys.ts';

const freshDb = () => createDb('seed-test', { securityMode: 'strict', tokenTtlSeconds: 60 });
const membersOf = (db: ReturnType<typeof freshDb>) =>
  Object.fromEntries([...db.memberships].map(([gid, uids]) => [gid, [...uids]]));

describe('the demo seed', () => {
  it('holds the bootstrap superuser, the demo users, remote users and service accounts, in this order', () => {
    expect([...freshDb().users.keys()]).toEqual([
      'bootstrapuser',
      'alice',
      'bob',
      'carol',
      'dave.kim@example.com',
      'erin.lopez@example.com',
      'dcos_marathon',
      'dcos_metronome',
      'jenkins',
    ]);
  });

  it('stores local passwords as $6$ hashes only', () => {
    const db = freshDb();
    for (const [uid, password] of [
      ['bootstrapuser', 'deleteme'],
      ['alice', 'alice-pass'],
      ['bob', 'bob-pass'],
    ] as const) {
      const hash = db.users.get(uid)?.passwordHash ?? '';
      expect(isSha512CryptHash(hash)).toBe(true);
      expect(verifySha512Crypt(password, hash)).toBe(true);
    }
  });

  it('imports carol from LDAP, dave from an OIDC and erin from a SAML provider, without passwords', () => {
    const db = freshDb();
    expect(db.users.get('carol')).toEqual({
      uid: 'carol',
      description: 'Carol Jensen',
      isService: false,
      providerType: 'ldap',
      providerId: '',
    });
    expect(db.users.get('dave.kim@example.com')).toEqual({
      uid: 'dave.kim@example.com',
      description: 'Dave Kim',
      isService: false,
      providerType: 'oidc',
      providerId: 'google-idp',
    });
    expect(db.users.get('erin.lopez@example.com')).toEqual({
      uid: 'erin.lopez@example.com',
      description: 'Erin Lopez',
      isService: false,
      providerType: 'saml',
      providerId: 'okta-saml',
    });
  });

  it('gives each service account its own real RSA public key and no password', () => {
    const db = freshDb();
    const accounts = ['dcos_marathon', 'dcos_metronome', 'jenkins'].map((uid) => db.users.get(uid));
    const keys = accounts.map((account) => account?.publicKey ?? '');
    expect(new Set(keys).size).toBe(3);
    for (const [index, account] of accounts.entries()) {
      expect(account?.isService).toBe(true);
      expect(account?.providerType).toBe('internal');
      expect(account?.passwordHash).toBeUndefined();
      expect(keys[index]).toBe(SEED_PUBLIC_KEYS[index]);
      expect(publicKeyProblem(keys[index] ?? '')).toBeNull();
    }
  });

  it('has the groups and memberships the demo needs', () => {
    const db = freshDb();
    expect([...db.groups.values()]).toEqual([
      { gid: 'superusers', description: 'Superusers: full access to the cluster', providerType: 'internal' },
      { gid: 'operators', description: 'Cluster operators', providerType: 'internal' },
      { gid: 'developers', description: 'Application developers', providerType: 'internal' },
      { gid: 'data-science', description: 'Data science and analytics', providerType: 'internal' },
    ]);
    expect(membersOf(db)).toEqual({
      superusers: ['bootstrapuser'],
      operators: ['alice'],
      developers: ['carol', 'erin.lopez@example.com', 'jenkins'],
      'data-science': ['dave.kim@example.com', 'erin.lopez@example.com'],
    });
  });

  it('is the same every time, hashes included: demo passwords are salted once per process, to keep db creation fast', () => {
    const contents = (db: ReturnType<typeof freshDb>) => ({
      users: [...db.users.values()],
      groups: [...db.groups.values()],
      memberships: membersOf(db),
      acls: [...db.acls.values()],
    });
    const [a, b] = [freshDb(), freshDb()];
    expect(contents(a)).toEqual(contents(b));
    // Equal, yet separate objects: a change in one db never shows in another.
    expect(a.users.get('alice')).not.toBe(b.users.get('alice'));
    expect(a.groups.get('operators')).not.toBe(b.groups.get('operators'));
    const hashes = ['bootstrapuser', 'alice', 'bob'].map((uid) => a.users.get(uid)?.passwordHash);
    expect(new Set(hashes).size).toBe(3);
  });
});

describe('removeUser and removeGroup', () => {
  it('removeUser drops the account, its memberships and its grants, and keeps the ACLs', () => {
    const db = freshDb();
    grant(db, 'dcos:secrets:default:/x', { uid: 'erin.lopez@example.com' }, 'read');
    removeUser(db, 'erin.lopez@example.com');
    expect(db.users.has('erin.lopez@example.com')).toBe(false);
    expect(membersOf(db)).toEqual({
      superusers: ['bootstrapuser'],
      operators: ['alice'],
      developers: ['carol', 'jenkins'],
      'data-science': ['dave.kim@example.com'],
    });
    expect(db.acls.get('dcos:secrets:default:/x')?.users.size).toBe(0);
  });

  it('removeGroup drops the group, its memberships and its grants, and keeps members and ACLs', () => {
    const db = freshDb();
    removeGroup(db, 'developers');
    expect(db.groups.has('developers')).toBe(false);
    expect(db.memberships.has('developers')).toBe(false);
    expect(groupsOf(db, 'erin.lopez@example.com')).toEqual(['data-science']);
    expect(db.users.has('carol')).toBe(true);
    expect([...(db.acls.get('dcos:adminrouter:service:marathon')?.groups.keys() ?? [])]).toEqual(['data-science']);
    expect(db.acls.get('dcos:service:marathon:marathon:services:/dev')?.groups.size).toBe(0);
  });

  it('groupsOf lists groups in group order', () => {
    const db = freshDb();
    addMember(db, 'operators', 'erin.lopez@example.com');
    expect(groupsOf(db, 'erin.lopez@example.com')).toEqual(['operators', 'developers', 'data-science']);
    expect(groupsOf(db, 'bob')).toEqual([]);
  });
});
