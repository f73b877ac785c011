import { sha512Crypt } from '../lib/sha512-crypt.ts';
import { SUPERUSERS_GID, SUPERUSER_RID, addGroup, addMember, addServiceAccount, addUser, grant } from './entities.ts';
import { SEED_PUBLIC_KEYS } from './seed-keys.ts';
import type { Action, ProviderType, SimDb, SimScale } from './types.ts';

// The scale knob: `users`, `groups`, `serviceAccounts`, `secrets` and `acls` extra entities on top of the fixed demo seed, for
// trying the console against a large organization. Everything comes from seeded PRNGs, so the same counts give the same data.
// Each kind has its own stream and entities are drawn in order, so N users are also the first N of N + 1 users.

/** The password of every generated local user. */
export const GENERATED_PASSWORD = 'password';

/** Domains for OIDC (`google-idp`) and SAML (`okta-saml`) uids, which identity providers hand over as e-mail addresses. */
export const OIDC_PROVIDER_ID = 'google-idp';
export const SAML_PROVIDER_ID = 'okta-saml';
const EMAIL_DOMAIN = 'example.com';

let sharedHash: string | undefined;

/**
 * One `$6$` hash of GENERATED_PASSWORD, computed once per process and shared by every generated local user: hashing
 * takes milliseconds (5000 SHA-512 rounds), so a hash per user would make 10,000 users take a minute. The fixed salt
 * keeps the generated data deterministic. Real clusters salt every hash; only generated demo users share one.
 */
export function generatedPasswordHash(): string {
  sharedHash ??= sha512Crypt(GENERATED_PASSWORD, 'dcossimgenerated');
  return sharedHash;
}

/** mulberry32: a small, fast, seedable PRNG; returns floats in [0, 1). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

// Plain ASCII names: one accented character makes encoding the JSON of GET /users (1.7 MB for 10,000 users) leave
// V8's fast path and take several times as long. Unicode descriptions are still stored and served as given.
const FIRST_NAMES = [
  'Maria',
  'Jose',
  'Wei',
  'Aisha',
  'James',
  'Olga',
  'Hiroshi',
  'Fatima',
  'Liam',
  'Sofia',
  'Mateo',
  'Chloe',
  'Arjun',
  'Priya',
  'Noah',
  'Emma',
  'Lucas',
  'Zoe',
  'Mohammed',
  'Yuki',
  'Anna',
  'Ivan',
  'Grace',
  'Daniel',
  'Lea',
  'Omar',
  'Sara',
  'Elena',
  'David',
  'Nina',
  'Tomas',
  'Ingrid',
  'Kwame',
  'Amara',
  'Jonas',
  'Mei',
  'Rafael',
  'Hannah',
  'Ethan',
  'Isabel',
  'Kenji',
  'Laila',
  'Oscar',
  'Paula',
  'Ravi',
  'Sven',
  'Tanya',
  'Umar',
  'Vera',
  'Xavier',
  'Yara',
  'Zane',
  'Bjorn',
  'Carmen',
  'Dmitri',
  'Eva',
  'Farah',
  'Gustavo',
  'Helga',
  'Inigo',
] as const;

const LAST_NAMES = [
  'Garcia',
  'Smith',
  'Chen',
  'Khan',
  'Muller',
  'Rossi',
  'Tanaka',
  'Silva',
  'Kowalski',
  'Dubois',
  'Novak',
  'Patel',
  'Johnson',
  'Nguyen',
  'Kim',
  'Ivanova',
  'Lopez',
  'Andersson',
  'Okafor',
  'Haddad',
  'Schmidt',
  'Fernandez',
  'Wang',
  'Sato',
  'Brown',
  'Jensen',
  'Costa',
  'Moreau',
  'Yilmaz',
  'Nakamura',
  'Singh',
  'Wilson',
  'Popescu',
  'Horvat',
  'Berg',
  'Murphy',
  'Okoro',
  'Reyes',
  'Fischer',
  'Lindqvist',
  'Kovacs',
  'Ortiz',
  'Park',
  'Santos',
  'Weber',
  'Ali',
  'Cohen',
  'Dimitrov',
  'Eriksen',
  'Gomez',
  'Hoffmann',
  'Ito',
  'Nunez',
  'Larsen',
  'Mendes',
  "O'Brien",
  'Petrov',
  'Quinn',
  'Richter',
  'Zhang',
] as const;

const TEAMS = [
  'payments',
  'search',
  'checkout',
  'platform',
  'data',
  'mobile',
  'web',
  'infra',
  'security',
  'billing',
  'analytics',
  'ml',
  'growth',
  'identity',
  'messaging',
  'logistics',
  'catalog',
  'pricing',
  'support',
  'reporting',
] as const;

const SERVICE_APPS = [
  { uid: 'jenkins-agent', name: 'Jenkins agent' },
  { uid: 'gitlab-runner', name: 'GitLab runner' },
  { uid: 'spark-history', name: 'Spark history server' },
  { uid: 'kafka-connect', name: 'Kafka Connect worker' },
  { uid: 'airflow-worker', name: 'Airflow worker' },
  { uid: 'prometheus', name: 'Prometheus scraper' },
  { uid: 'grafana', name: 'Grafana dashboards' },
  { uid: 'vault-sync', name: 'Vault secret sync' },
  { uid: 'backup', name: 'Nightly backup job' },
  { uid: 'etl-pipeline', name: 'ETL pipeline' },
] as const;

/** Lower-case ASCII for a uid: `José` → `jose`, `O'Brien` → `obrien`. */
function asciiSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `base`, or `base2`, `base3`… (with `separator` before the number) the first one `isTaken` refuses. */
function uniqueName(
  base: string,
  counts: Map<string, number>,
  isTaken: (name: string) => boolean,
  separator = '',
): string {
  let n = counts.get(base) ?? 0;
  let name: string;
  do {
    n += 1;
    name = n === 1 ? base : `${base}${separator}${n}`;
  } while (isTaken(name));
  counts.set(base, n);
  return name;
}

/** ~70% local, 15% LDAP, 10% OIDC, 5% SAML, like a company that is moving to single sign-on. */
function providerFor(r: number): ProviderType {
  if (r < 0.7) return 'internal';
  if (r < 0.85) return 'ldap';
  if (r < 0.95) return 'oidc';
  return 'saml';
}

/** 0–3 groups, most accounts in one. */
function membershipCount(r: number): number {
  if (r < 0.15) return 0;
  if (r < 0.65) return 1;
  if (r < 0.9) return 2;
  return 3;
}

function joinRandomGroups(db: SimDb, random: () => number, uid: string, pool: readonly string[], count: number): void {
  if (pool.length === 0) return;
  const chosen = new Set<string>();
  const wanted = Math.min(count, pool.length);
  while (chosen.size < wanted) chosen.add(pick(random, pool));
  for (const gid of chosen) addMember(db, gid, uid);
}

function generateGroups(db: SimDb, count: number): void {
  const random = prng(0x5eed0001);
  const perTeam = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const team = pick(random, TEAMS);
    const n = (perTeam.get(team) ?? 0) + 1;
    perTeam.set(team, n);
    const gid = `team-${team}-${n}`;
    addGroup(db, gid, `${capitalize(team)} team ${n}`);
    grant(db, 'dcos:adminrouter:service:marathon', { gid }, 'full', 'Marathon UI and API');
    grant(db, `dcos:service:marathon:marathon:services:/${gid}`, { gid }, 'full', `Marathon apps under /${gid}`);
  }
}

function generateUsers(db: SimDb, count: number, pool: readonly string[]): void {
  const random = prng(0x5eed0002);
  const counts = new Map<string, number>();
  const hash = count > 0 ? generatedPasswordHash() : '';
  for (let i = 0; i < count; i++) {
    const first = pick(random, FIRST_NAMES);
    const last = pick(random, LAST_NAMES);
    const providerType = providerFor(random());
    const remoteEmail = providerType === 'oidc' || providerType === 'saml';
    // Unique on the local part, so `maria.garcia` and `maria.garcia@example.com` are never two different people.
    const local = uniqueName(
      `${asciiSlug(first)}.${asciiSlug(last)}`,
      counts,
      (name) => db.users.has(name) || db.users.has(`${name}@${EMAIL_DOMAIN}`),
    );
    const uid = remoteEmail ? `${local}@${EMAIL_DOMAIN}` : local;
    const description = `${first} ${last}`;
    if (providerType === 'internal') addUser(db, { uid, description, passwordHash: hash });
    else {
      const providerId = providerType === 'oidc' ? OIDC_PROVIDER_ID : providerType === 'saml' ? SAML_PROVIDER_ID : '';
      addUser(db, { uid, description, providerType, providerId });
    }
    joinRandomGroups(db, random, uid, pool, membershipCount(random()));
  }
}

function generateServiceAccounts(db: SimDb, count: number, pool: readonly string[]): void {
  const random = prng(0x5eed0003);
  const counts = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const app = pick(random, SERVICE_APPS);
    // Numbered from 1 (`gitlab-runner-1`), skipping any uid the db already has.
    let n = counts.get(app.uid) ?? 0;
    do n += 1;
    while (db.users.has(`${app.uid}-${n}`));
    counts.set(app.uid, n);
    const uid = `${app.uid}-${n}`;
    const publicKey = SEED_PUBLIC_KEYS[i % SEED_PUBLIC_KEYS.length] ?? '';
    addServiceAccount(db, { uid, description: `${app.name} ${n}`, publicKey });
    if (random() < 0.3) joinRandomGroups(db, random, uid, pool, 1);
  }
}

const SECRET_APPS = [
  'api',
  'web',
  'worker',
  'gateway',
  'scheduler',
  'etl',
  'indexer',
  'notifier',
  'auth',
  'cache',
  'queue',
  'reports',
] as const;
const SECRET_ENVS = ['prod', 'staging', 'dev', 'qa'] as const;

type SecretValueKind = 'password' | 'token' | 'hex' | 'url';
const SECRET_NAMES: readonly { name: string; kind: SecretValueKind; what: string }[] = [
  { name: 'db-password', kind: 'password', what: 'Database password' },
  { name: 'redis-password', kind: 'password', what: 'Redis password' },
  { name: 'smtp-password', kind: 'password', what: 'SMTP relay password' },
  { name: 'api-key', kind: 'token', what: 'API key' },
  { name: 'oauth-client-secret', kind: 'token', what: 'OAuth client secret' },
  { name: 'webhook-token', kind: 'token', what: 'Webhook token' },
  { name: 's3-secret-key', kind: 'token', what: 'S3 secret key' },
  { name: 'license-key', kind: 'token', what: 'License key' },
  { name: 'jwt-signing-key', kind: 'hex', what: 'JWT signing key' },
  { name: 'encryption-key', kind: 'hex', what: 'Data encryption key' },
  { name: 'sentry-dsn', kind: 'url', what: 'Sentry DSN' },
  { name: 'slack-webhook-url', kind: 'url', what: 'Slack webhook URL' },
];

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const PASSWORD_CHARS = `${BASE62}!#%&*+-=?@^_`;
const HEX = '0123456789abcdef';

function randomText(random: () => number, alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet.charAt(Math.floor(random() * alphabet.length));
  return text;
}

function secretValue(random: () => number, kind: SecretValueKind, team: string): string {
  switch (kind) {
    case 'password':
      return randomText(random, PASSWORD_CHARS, 16 + Math.floor(random() * 9));
    case 'token':
      return randomText(random, BASE62, 24 + Math.floor(random() * 17));
    case 'hex':
      return randomText(random, HEX, 64);
    case 'url':
      return `https://hooks.example.com/${team}/${randomText(random, BASE62, 24)}`;
  }
}

/** The author of most generated secrets (the rest were written by the `jenkins` service account). */
const BOOTSTRAP_AUTHOR = 'bootstrapuser';

/** Generated secrets are spread over 2023 and 2024. */
const SECRETS_EPOCH = Date.UTC(2023, 0, 1);
const TWO_YEARS_SECONDS = 2 * 365 * 24 * 60 * 60;

/**
 * `team/name`, `team/app/name` or `team/app/env/name` (15%, 30%, 55%), each a small text secret with a description
 * and labels. A path already taken gets a numbered last segment (`api-key-2`).
 */
function generateSecrets(db: SimDb, count: number): void {
  const random = prng(0x5eed0004);
  const counts = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const team = pick(random, TEAMS);
    const app = pick(random, SECRET_APPS);
    const env = pick(random, SECRET_ENVS);
    const secret = pick(random, SECRET_NAMES);
    const depth = random();
    const folder = depth < 0.15 ? team : depth < 0.45 ? `${team}/${app}` : `${team}/${app}/${env}`;
    const path = uniqueName(`${folder}/${secret.name}`, counts, (name) => db.secrets.has(name), '-');
    const where = depth < 0.15 ? team : depth < 0.45 ? `${team}/${app}` : `${team}/${app} (${env})`;
    db.secrets.set(path, {
      kind: 'text',
      value: secretValue(random, secret.kind, team),
      description: `${secret.what} for ${where}`,
      labels: depth < 0.45 ? [team] : [team, env],
      author: random() < 0.8 ? BOOTSTRAP_AUTHOR : 'jenkins',
      created: new Date(SECRETS_EPOCH + Math.floor(random() * TWO_YEARS_SECONDS) * 1000).toISOString(),
    });
  }
}

/**
 * The one large group every db with generated ACLs gets: it holds `read` on every generated ACL, so its Permissions
 * tab lists as many entries as `SIM_ACLS` asks for (the bench's walk opens it). It has no members.
 */
export const ACL_AUDITORS_GID = 'acl-auditors';

const JOB_NAMES = ['nightly-backup', 'report', 'cleanup', 'sync', 'reindex', 'export', 'rotate-logs'] as const;

/** A generated ACL's rid and description, before it is made unique. */
interface AclSketch {
  /** The rid without its last segment's number: `${base}${n}` (n from 2) when taken. */
  base: string;
  /** What follows the number (`/*` for a secrets folder), so the numbered rid keeps its shape. */
  suffix: string;
  description: string;
}

/**
 * Rids as a cluster's admins write them (DOCS perms-reference): Marathon service groups (45%), secrets (25%: a
 * folder with `/*` or one secret), Admin Router routes to services (10%), Mesos roles and Linux task users (15%) and
 * Metronome jobs (5%). Every one passes the IAM's rid rule the simulator enforces (handlers/acl-common.ts).
 */
function sketchAcl(random: () => number): AclSketch {
  const team = pick(random, TEAMS);
  const app = pick(random, SECRET_APPS);
  const env = pick(random, SECRET_ENVS);
  const kind = random();
  if (kind < 0.45) {
    const deep = random() < 0.5;
    const group = deep ? `/${team}/${app}/${env}` : `/${team}/${app}`;
    return {
      base: `dcos:service:marathon:marathon:services:${group}`,
      suffix: '',
      description: `Marathon apps under ${group}`,
    };
  }
  if (kind < 0.7) {
    const secret = pick(random, SECRET_NAMES);
    if (random() < 0.5)
      return {
        base: `dcos:secrets:default:/${team}/${app}/${env}`,
        suffix: '/*',
        description: `Secrets of ${team}/${app} (${env})`,
      };
    return {
      base: `dcos:secrets:default:/${team}/${app}/${env}/${secret.name}`,
      suffix: '',
      description: `${secret.what} for ${team}/${app} (${env})`,
    };
  }
  if (kind < 0.8)
    return {
      base: `dcos:adminrouter:service:${team}-${app}`,
      suffix: '',
      description: `Admin Router: /service/${team}-${app}`,
    };
  if (kind < 0.95) {
    const which = random();
    if (which < 0.4)
      return {
        base: `dcos:mesos:master:framework:role:${team}-${app}`,
        suffix: '',
        description: `Register frameworks with the ${team}-${app} role`,
      };
    if (which < 0.7)
      return {
        base: `dcos:mesos:master:reservation:role:${team}-${env}`,
        suffix: '',
        description: `Reserve resources for the ${team}-${env} role`,
      };
    // The Linux account a team's app runs as (`nobody` and `root` are the demo's and the cluster's own).
    return {
      base: `dcos:mesos:master:task:user:${team}-${app}`,
      suffix: '',
      description: `Run Mesos tasks as the Linux user ${team}-${app}`,
    };
  }
  const job = pick(random, JOB_NAMES);
  return {
    base: `dcos:service:metronome:metronome:jobs:${team}.${job}`,
    suffix: '',
    description: `Metronome job ${team}.${job}`,
  };
}

/** Mostly `read` or `full`; now and then a single write action. */
function aclAction(r: number): Action {
  if (r < 0.5) return 'read';
  if (r < 0.8) return 'full';
  if (r < 0.9) return 'create';
  if (r < 0.95) return 'update';
  return 'delete';
}

/**
 * `count` new ACLs (rids the db does not have yet), each granted to 1–3 of the generated groups and accounts (none of
 * the demo ones, whose permissions the tests rely on), and `read` on all of them to ACL_AUDITORS_GID.
 */
function generateAcls(db: SimDb, count: number, gids: readonly string[], uids: readonly string[]): void {
  if (count === 0) return;
  const random = prng(0x5eed0005);
  addGroup(db, ACL_AUDITORS_GID, 'Auditors: read access to every generated resource');
  const counts = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const sketch = sketchAcl(random);
    let n = counts.get(sketch.base) ?? 0;
    let rid: string;
    do {
      n += 1;
      rid = n === 1 ? `${sketch.base}${sketch.suffix}` : `${sketch.base}-${n}${sketch.suffix}`;
    } while (db.acls.has(rid));
    counts.set(sketch.base, n);
    const description = n === 1 ? sketch.description : `${sketch.description} (${n})`;
    grant(db, rid, { gid: ACL_AUDITORS_GID }, 'read', description);
    const holders = 1 + Math.floor(random() * 3);
    for (let h = 0; h < holders; h++) {
      const toGroup = random() < 0.6;
      const pool = toGroup ? gids : uids;
      const r = random();
      const action = aclAction(random());
      if (pool.length === 0) continue;
      const id = pool[Math.floor(r * pool.length)] ?? '';
      grant(db, rid, toGroup ? { gid: id } : { uid: id }, action);
    }
  }
  addSuperusers(db, uids);
}

/**
 * A few generated accounts are superusers, as in a real cluster: one in 2,000 joins `superusers`, one in 5,000 holds
 * `dcos:superuser` directly (at least one of each), so the access review meets both paths at scale. Its own random
 * stream, so the ACLs above stay what they were.
 */
function addSuperusers(db: SimDb, uids: readonly string[]): void {
  if (uids.length === 0) return;
  const random = prng(0x5eed0006);
  const pick = () => uids[Math.floor(random() * uids.length)] ?? '';
  for (let i = 0; i < Math.max(1, Math.round(uids.length / 2000)); i++) addMember(db, SUPERUSERS_GID, pick());
  for (let i = 0; i < Math.max(1, Math.round(uids.length / 5000)); i++)
    grant(db, SUPERUSER_RID, { uid: pick() }, 'full');
}

/**
 * Adds the generated groups, then users and service accounts spread over every group but `superusers`, then secrets,
 * then ACLs granted to the generated groups and accounts.
 */
export function seedScale(db: SimDb, scale: SimScale): void {
  const demoGids = new Set(db.groups.keys());
  const demoUids = new Set(db.users.keys());
  generateGroups(db, scale.groups);
  const pool = [...db.groups.keys()].filter((gid) => gid !== SUPERUSERS_GID);
  generateUsers(db, scale.users, pool);
  generateServiceAccounts(db, scale.serviceAccounts, pool);
  generateSecrets(db, scale.secrets);
  generateAcls(
    db,
    scale.acls,
    [...db.groups.keys()].filter((gid) => !demoGids.has(gid)),
    [...db.users.keys()].filter((uid) => !demoUids.has(uid)),
  );
}
