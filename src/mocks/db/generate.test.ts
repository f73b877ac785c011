// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { groupsOf } from './entities.ts';
import { isValidGid, isValidUid } from '../handlers/iam.ts';
import { publicKeyProblem } from '../lib/public-key.ts';
import { isSha512CryptHash, verifySha512Crypt } from '../lib/sha512-crypt.ts';
import { createSimulator } from '../simulator.ts';
import { apiRequest, loginAs } from '../test-support.ts';
import { createDb } from './create-db.ts';
import { GENERATED_PASSWORD, generatedPasswordHash } from './generate.ts';
import { SEED_PUBLIC_KEYS } from './seed-keys.ts';
import type { SimDb, SimScale } from './types.ts';

const DEMO_UIDS = new Set([
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
const DEMO_GIDS = new Set(['superusers', 'operators', 'developers', 'data-science']);

const seeded = (scale: Partial<SimScale>) =>
  createDb('generate-test', { securityMode: 'strict', tokenTtlSeconds: 60, ...scale });
const generatedUsers = (db: SimDb) => [...db.users.values()].filter((user) => !DEMO_UIDS.has(user.uid));
const generatedGroups = (db: SimDb) => [...db.groups.values()].filter((group) => !DEMO_GIDS.has(group.gid));

/** Everything a db holds, in a comparable form. */
function snapshot(db: SimDb) {
  return {
    users: [...db.users.values()].filter((user) => !DEMO_UIDS.has(user.uid)),
    groups: [...db.groups.values()],
    memberships: [...db.memberships].map(([gid, members]) => [gid, [...members]]),
    acls: [...db.acls.values()].map((acl) => ({
      ...acl,
      users: [...acl.users].map(([uid, actions]) => [uid, [...actions]]),
      groups: [...acl.groups].map(([gid, actions]) => [gid, [...actions]]),
    })),
  };
}

describe('the scale knob', () => {
  it('adds nothing by default', () => {
    const db = createDb('plain', { securityMode: 'strict', tokenTtlSeconds: 60 });
    expect(db.scale).toEqual({ users: 0, groups: 0, serviceAccounts: 0, secrets: 0, acls: 0 });
    expect(new Set(db.users.keys())).toEqual(DEMO_UIDS);
    expect(new Set(db.groups.keys())).toEqual(DEMO_GIDS);
  });

  it('adds exactly the asked number of users, groups and service accounts', () => {
    const db = seeded({ users: 120, groups: 15, serviceAccounts: 9 });
    expect(db.scale).toEqual({ users: 120, groups: 15, serviceAccounts: 9, secrets: 0, acls: 0 });
    expect(generatedUsers(db).filter((user) => !user.isService)).toHaveLength(120);
    expect(generatedUsers(db).filter((user) => user.isService)).toHaveLength(9);
    expect(generatedGroups(db)).toHaveLength(15);
    expect(db.memberships.size).toBe(db.groups.size);
  });

  it('gives the same data for the same counts', () => {
    const scale = { users: 300, groups: 12, serviceAccounts: 20 };
    expect(snapshot(seeded(scale))).toEqual(snapshot(seeded(scale)));
  });

  it('draws entities in order: fewer users are a prefix of more users', () => {
    const small = generatedUsers(seeded({ users: 50, groups: 5 }));
    const large = generatedUsers(seeded({ users: 80, groups: 5 }));
    expect(large.slice(0, 50)).toEqual(small);
    const fewGroups = generatedGroups(seeded({ groups: 7 }));
    expect(generatedGroups(seeded({ groups: 30 })).slice(0, 7)).toEqual(fewGroups);
  });

  it('mixes about 70% local, 15% LDAP, 10% OIDC and 5% SAML users', () => {
    const users = generatedUsers(seeded({ users: 10000 }));
    const share = (type: string) => users.filter((user) => user.providerType === type).length / users.length;
    expect(users).toHaveLength(10000);
    expect(share('internal')).toBeGreaterThan(0.67);
    expect(share('internal')).toBeLessThan(0.73);
    expect(share('ldap')).toBeGreaterThan(0.13);
    expect(share('ldap')).toBeLessThan(0.17);
    expect(share('oidc')).toBeGreaterThan(0.085);
    expect(share('oidc')).toBeLessThan(0.115);
    expect(share('saml')).toBeGreaterThan(0.035);
    expect(share('saml')).toBeLessThan(0.065);
  });

  it('writes realistic, valid and unique users', () => {
    const db = seeded({ users: 10000 });
    const users = generatedUsers(db);
    expect(new Set(users.map((user) => user.uid)).size).toBe(10000);
    // The local part is unique across providers: no `x.y` next to `x.y@example.com`.
    expect(new Set(users.map((user) => user.uid.replace('@example.com', ''))).size).toBe(10000);
    for (const user of users) {
      expect(isValidUid(user.uid)).toBe(true);
      expect(user.isService).toBe(false);
      expect(user.description).toMatch(/^\p{Lu}\p{L}* \p{Lu}[\p{L}']*$/u);
      const [first = '', last = ''] = user.description.split(' ');
      const slug = (name: string) =>
        name
          .normalize('NFD')
          .replace(/[^A-Za-z]/g, '')
          .toLowerCase();
      expect(user.uid.startsWith(`${slug(first)}.${slug(last)}`)).toBe(true);
      if (user.providerType === 'internal' || user.providerType === 'ldap')
        expect(user.uid).toMatch(/^[a-z]+\.[a-z]+\d*$/);
      else expect(user.uid).toMatch(/^[a-z]+\.[a-z]+\d*@example\.com$/);
      expect(user.providerId).toBe(
        { internal: '', ldap: '', oidc: 'google-idp', saml: 'okta-saml' }[user.providerType],
      );
    }
    expect(users.some((user) => user.uid === 'maria.garcia')).toBe(true);
    expect(users.some((user) => /\d$/.test(user.uid))).toBe(true);
    // ASCII only, which keeps encoding a 10,000-user list on V8's fast path (see generate.ts).
    expect(users.every((user) => /^[ -~]+$/.test(user.description))).toBe(true);
    expect(users.some((user) => user.description.includes("'"))).toBe(true);
  });

  it('gives every generated local user the one shared hash of "password", and remote users none', () => {
    const users = generatedUsers(seeded({ users: 200 }));
    const hash = generatedPasswordHash();
    expect(isSha512CryptHash(hash)).toBe(true);
    expect(verifySha512Crypt(GENERATED_PASSWORD, hash)).toBe(true);
    expect(generatedPasswordHash()).toBe(hash);
    for (const user of users) expect(user.passwordHash).toBe(user.providerType === 'internal' ? hash : undefined);
  });

  it('names groups like team-payments-12, each with its own Marathon folder', () => {
    const db = seeded({ groups: 60 });
    const groups = generatedGroups(db);
    expect(new Set(groups.map((group) => group.gid)).size).toBe(60);
    for (const group of groups) {
      expect(group.gid).toMatch(/^team-[a-z]+-\d+$/);
      expect(isValidGid(group.gid)).toBe(true);
      const [, team = '', n = ''] = /^team-([a-z]+)-(\d+)$/.exec(group.gid) ?? [];
      expect(group.description).toBe(`${team.charAt(0).toUpperCase()}${team.slice(1)} team ${n}`);
      expect(group.providerType).toBe('internal');
      expect(db.acls.get(`dcos:service:marathon:marathon:services:/${group.gid}`)?.groups.get(group.gid)).toEqual(
        new Set(['full']),
      );
      expect(db.acls.get('dcos:adminrouter:service:marathon')?.groups.get(group.gid)).toEqual(new Set(['full']));
    }
    // Numbered per team: the first group of every team is number 1.
    expect(groups.some((group) => group.gid.endsWith('-1'))).toBe(true);
  });

  it('spreads memberships over every group but superusers, most users in one or two', () => {
    const db = seeded({ users: 10000, groups: 20 });
    const users = generatedUsers(db);
    const counts = users.map((user) => groupsOf(db, user.uid).length);
    const average = counts.reduce((sum, n) => sum + n, 0) / counts.length;
    expect(average).toBeGreaterThan(1.1);
    expect(average).toBeLessThan(1.6);
    expect(Math.max(...counts)).toBe(3);
    expect(counts.filter((n) => n === 0).length / counts.length).toBeGreaterThan(0.1);
    expect(counts.filter((n) => n === 1).length / counts.length).toBeGreaterThan(0.4);
    expect([...(db.memberships.get('superusers') ?? [])]).toEqual(['bootstrapuser']);
    for (const [gid, members] of db.memberships) {
      if (gid === 'superusers') continue;
      const generatedMembers = [...members].filter((uid) => !DEMO_UIDS.has(uid)).length;
      // 23 groups share ~13,000 memberships: each gets a fair part, none all of them.
      expect(generatedMembers).toBeGreaterThan(300);
      expect(generatedMembers).toBeLessThan(900);
    }
  });

  it('makes service accounts with real RSA keys, some of them in groups', () => {
    const db = seeded({ serviceAccounts: 40, groups: 4 });
    const accounts = generatedUsers(db).filter((user) => user.isService);
    expect(accounts).toHaveLength(40);
    expect(new Set(accounts.map((account) => account.uid)).size).toBe(40);
    for (const account of accounts) {
      expect(account.uid).toMatch(/^[a-z]+(-[a-z]+)*-\d+$/);
      expect(account.description).toMatch(/^[A-Z].* \d+$/);
      expect(account.providerType).toBe('internal');
      expect(account.passwordHash).toBeUndefined();
      expect(SEED_PUBLIC_KEYS).toContain(account.publicKey);
      expect(publicKeyProblem(account.publicKey ?? '')).toBeNull();
    }
    const inGroups = accounts.filter((account) => groupsOf(db, account.uid).length > 0).length;
    expect(inGroups).toBeGreaterThan(4);
    expect(inGroups).toBeLessThan(25);
  });

  it('serves 10,000 generated users through GET /acs/api/v1/users', async () => {
    const sim = await createSimulator({
      securityMode: 'strict',
      tokenTtlSeconds: 60,
      users: 10000,
      groups: 50,
      serviceAccounts: 500,
    });
    const token = await loginAs(sim, 'bootstrapuser', 'deleteme');
    const users = (await (await sim.handle(apiRequest('/acs/api/v1/users', { via: 'token', token }))).json()) as {
      array: { uid: string }[];
    };
    expect(users.array).toHaveLength(10006);
    expect(users.array.slice(0, 6).map((user) => user.uid)).toEqual([
      'bootstrapuser',
      'alice',
      'bob',
      'carol',
      'dave.kim@example.com',
      'erin.lopez@example.com',
    ]);
    const services = (await (
      await sim.handle(apiRequest('/acs/api/v1/users?type=service', { via: 'token', token }))
    ).json()) as { array: unknown[] };
    expect(services.array).toHaveLength(503);
    const groups = (await (await sim.handle(apiRequest('/acs/api/v1/groups', { via: 'token', token }))).json()) as {
      array: unknown[];
    };
    expect(groups.array).toHaveLength(54);
  });
});
