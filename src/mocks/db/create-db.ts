import { sha512Crypt } from '../lib/sha512-crypt.ts';
import { SUPERUSERS_GID, SUPERUSER_RID, addGroup, addMember, addServiceAccount, addUser, grant } from './entities.ts';
import { createLdap } from './directory.ts';
import { seedScale } from './generate.ts';
import {
  DEFAULT_SEAL_SHARES,
  DEFAULT_SEAL_THRESHOLD,
  createSeal,
  listRid,
  secretRid,
  seedDemoSecrets,
} from './secrets.ts';
import { createSso } from './sso.ts';
import { JENKINS_PUBLIC_KEY, MARATHON_PUBLIC_KEY, METRONOME_PUBLIC_KEY } from './seed-keys.ts';
import type { SimDb, SimDbOptions } from './types.ts';

export {
  SUPERUSERS_GID,
  SUPERUSER_RID,
  addGroup,
  addMember,
  addServiceAccount,
  addUser,
  grant,
  groupsOf,
  removeGroup,
  removeUser,
} from './entities.ts';

export const BOOTSTRAP_UID = 'bootstrapuser';
export const BOOTSTRAP_PASSWORD = 'deleteme';

/** Demo accounts besides the superuser, so a fresh simulator shows partial access too. */
export const DEMO_USERS = [
  { uid: 'alice', password: 'alice-pass', description: 'Alice Operator', groups: ['operators'] },
  { uid: 'bob', password: 'bob-pass', description: 'Bob (no permissions)', groups: [] },
] as const;

/** Demo groups besides `superusers` and `operators`. */
export const DEMO_GROUPS = [
  { gid: 'developers', description: 'Application developers' },
  { gid: 'data-science', description: 'Data science and analytics' },
] as const;

/** Users imported from a directory or an identity provider: no password, `is_remote: true`. */
export const DEMO_REMOTE_USERS = [
  { uid: 'carol', description: 'Carol Jensen', providerType: 'ldap', providerId: '', groups: ['developers'] },
  {
    uid: 'dave.kim@example.com',
    description: 'Dave Kim',
    providerType: 'oidc',
    providerId: 'google-idp',
    groups: ['data-science'],
  },
  {
    uid: 'erin.lopez@example.com',
    description: 'Erin Lopez',
    providerType: 'saml',
    providerId: 'okta-saml',
    groups: ['developers', 'data-science'],
  },
] as const;

/** Two DC/OS component accounts (the `dcos_` prefix marks them) and one custom service account. */
export const DEMO_SERVICE_ACCOUNTS = [
  { uid: 'dcos_marathon', description: 'Marathon service account', publicKey: MARATHON_PUBLIC_KEY, groups: [] },
  { uid: 'dcos_metronome', description: 'Metronome service account', publicKey: METRONOME_PUBLIC_KEY, groups: [] },
  { uid: 'jenkins', description: 'Jenkins CI pipelines', publicKey: JENKINS_PUBLIC_KEY, groups: ['developers'] },
] as const;

const seedHashes = new Map<string, string>();

/**
 * The `$6$` hash of a demo password, salted once per process and shared by every db: hashing takes milliseconds
 * (5000 SHA-512 rounds), and every e2e test creates a db. Passwords set through the API get their own salt.
 */
function seedHash(password: string): string {
  let hash = seedHashes.get(password);
  if (hash === undefined) {
    hash = sha512Crypt(password);
    seedHashes.set(password, hash);
  }
  return hash;
}

/** The secrets alice may list (the folder) and read (one secret in it); bob holds no secrets permission. */
export const ALICE_SECRETS_FOLDER = 'group';
export const ALICE_READABLE_SECRET = 'group/spark/aws-secret-key';

/**
 * A fresh, deterministic DC/OS: the bootstrap superuser, a few demo accounts, groups, service accounts and secrets,
 * plus as many generated entities as `options` asks for (db/generate.ts).
 */
export function createDb(id: string, options: SimDbOptions): SimDb {
  const scale = {
    users: options.users ?? 0,
    groups: options.groups ?? 0,
    serviceAccounts: options.serviceAccounts ?? 0,
    secrets: options.secrets ?? 0,
    acls: options.acls ?? 0,
  };
  const seal = createSeal(id, {
    threshold: options.sealThreshold ?? DEFAULT_SEAL_THRESHOLD,
    shares: options.sealShares ?? DEFAULT_SEAL_SHARES,
    sealed: options.sealed ?? false,
  });
  const db: SimDb = {
    id,
    securityMode: options.securityMode,
    tokenTtlSeconds: options.tokenTtlSeconds,
    scale,
    users: new Map(),
    groups: new Map(),
    memberships: new Map(),
    acls: new Map(),
    secrets: new Map(),
    seal,
    sso: createSso(),
    ldap: createLdap(),
  };

  addUser(db, { uid: BOOTSTRAP_UID, passwordHash: seedHash(BOOTSTRAP_PASSWORD), description: 'Bootstrap superuser' });
  addGroup(db, SUPERUSERS_GID, 'Superusers: full access to the cluster');
  addMember(db, SUPERUSERS_GID, BOOTSTRAP_UID);
  grant(db, SUPERUSER_RID, { gid: SUPERUSERS_GID }, 'full', 'Superuser ACL');

  addGroup(db, 'operators', 'Cluster operators');
  grant(db, 'dcos:adminrouter:ops:metadata', { gid: 'operators' }, 'full', 'Cluster metadata');
  for (const demo of DEMO_USERS) {
    addUser(db, { uid: demo.uid, passwordHash: seedHash(demo.password), description: demo.description });
    for (const gid of demo.groups) addMember(db, gid, demo.uid);
  }

  for (const group of DEMO_GROUPS) addGroup(db, group.gid, group.description);
  grant(db, 'dcos:adminrouter:service:marathon', { gid: 'developers' }, 'full', 'Marathon UI and API');
  grant(db, 'dcos:service:marathon:marathon:services:/dev', { gid: 'developers' }, 'full', 'Marathon apps under /dev');
  grant(db, 'dcos:adminrouter:service:marathon', { gid: 'data-science' }, 'full');
  grant(
    db,
    'dcos:service:marathon:marathon:services:/data-science',
    { gid: 'data-science' },
    'full',
    'Marathon apps under /data-science',
  );
  grant(db, 'dcos:secrets:default:/data-science/*', { gid: 'data-science' }, 'read', 'Data science secrets');

  for (const remote of DEMO_REMOTE_USERS) {
    addUser(db, {
      uid: remote.uid,
      description: remote.description,
      providerType: remote.providerType,
      providerId: remote.providerId,
    });
    for (const gid of remote.groups) addMember(db, gid, remote.uid);
  }
  for (const account of DEMO_SERVICE_ACCOUNTS) {
    addServiceAccount(db, account);
    for (const gid of account.groups) addMember(db, gid, account.uid);
  }
  grant(db, 'dcos:mesos:master:task:app_id', { uid: 'dcos_marathon' }, 'create', 'Launch Mesos tasks');
  grant(
    db,
    'dcos:mesos:master:framework:role:slave_public',
    { uid: 'dcos_marathon' },
    'create',
    'Register with the slave_public role',
  );
  grant(db, 'dcos:mesos:master:task:app_id', { uid: 'dcos_metronome' }, 'create');
  grant(db, 'dcos:mesos:master:task:user:nobody', { uid: 'dcos_metronome' }, 'create', 'Run Mesos tasks as nobody');
  grant(db, 'dcos:secrets:default:/jenkins/*', { uid: 'jenkins' }, 'read', 'Jenkins secrets');

  seedDemoSecrets(db, BOOTSTRAP_UID);
  grant(db, listRid(ALICE_SECRETS_FOLDER), { uid: 'alice' }, 'read', 'List the secrets under group');
  grant(db, secretRid(ALICE_READABLE_SECRET), { uid: 'alice' }, 'read', 'Spark AWS secret key');

  seedScale(db, scale);
  return db;
}
