import { createHash } from 'node:crypto';
import { MAX_SEAL_SHARES, type SimBinarySecret, type SimDb, type SimSeal, type SimTextSecret } from './types.ts';

// The Secret Store's data: paths and their rule, the permission rids, the seal with its unseal keys, and the demo seed.

/** The only store DC/OS supports (DOCS security/ent/index.md). */
export const SECRET_STORE = 'default';

/**
 * The path rule of the UI's secret form (`^(\/?[a-zA-Z0-9-_])+$`, UI SecretFormModal.tsx) without the leading `/`
 * that the API docs rule out: segments of letters, digits, `-` and `_`, joined by single slashes, none empty.
 */
const SECRET_PATH = /^[a-zA-Z0-9_-]+(?:\/[a-zA-Z0-9_-]+)*$/;

export function isValidSecretPath(path: string): boolean {
  return SECRET_PATH.test(path);
}

/**
 * The largest value a secret may hold, in bytes (the UTF-8 of a text secret's `value`, or a binary secret's bytes).
 * The docs say "you cannot store a secret larger than one megabyte" and put the limit at ≈1 MB minus ≈1 KB of
 * metadata (the secret is one ZooKeeper node of at most 1 MiB): the simulator allows 1 MiB − 1 KiB of value.
 */
export const MAX_SECRET_VALUE_BYTES = 1024 * 1024 - 1024;

/** The rid that guards a secret's value: one permission per secret, the name must match (DOCS create-secrets). */
export function secretRid(path: string): string {
  return `dcos:secrets:default:/${path}`;
}

/** The rid that allows listing the keys under `path` (`''` is the whole store): `dcos:secrets:list:default:/[<path>]`. */
export function listRid(path: string): string {
  return `dcos:secrets:list:default:/${path}`;
}

/** `path` and each of its ancestors up to the store root: `a/b/c` → `a/b/c`, `a/b`, `a`, `''`. */
export function selfAndAncestors(path: string): string[] {
  const paths = [path];
  let rest = path;
  while (rest !== '') {
    const slash = rest.lastIndexOf('/');
    rest = slash < 0 ? '' : rest.slice(0, slash);
    paths.push(rest);
  }
  return paths;
}

/** Every secret path under `path` (`''`: every path), relative to it and sorted; a secret at `path` itself is not listed. */
export function secretKeysUnder(db: SimDb, path: string): string[] {
  const prefix = path === '' ? '' : `${path}/`;
  const all = sortedSecretPaths(db);
  if (prefix === '') return [...all];
  const keys: string[] = [];
  for (const key of all) if (key.startsWith(prefix)) keys.push(key.slice(prefix.length));
  return keys;
}

/** The store's paths as last sorted, and the map's keys in the order they were when it was sorted. */
const sortedPaths = new WeakMap<SimDb, { inMapOrder: string[]; sorted: readonly string[] }>();

/**
 * Every path in code-unit order, as Go's sort.Strings gives (locale-independent). Sorting 100,000 paths took most of
 * a listing's time (issue 25: the simulator answers a 100,000-item list within 200 ms), so the order is kept per db
 * and used again while the map holds the same keys in the same insertion order (one pass comparing them); any
 * write that adds or removes a path sorts afresh.
 */
function sortedSecretPaths(db: SimDb): readonly string[] {
  const last = sortedPaths.get(db);
  if (last?.inMapOrder.length === db.secrets.size) {
    let i = 0;
    let same = true;
    for (const key of db.secrets.keys()) {
      if (last.inMapOrder[i++] !== key) {
        same = false;
        break;
      }
    }
    if (same) return last.sorted;
  }
  const inMapOrder = [...db.secrets.keys()];
  const sorted = [...inMapOrder].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  sortedPaths.set(db, { inMapOrder, sorted });
  return sorted;
}

// ---- The seal ---------------------------------------------------------------------------------------------------

export const DEFAULT_SEAL_THRESHOLD = 1;
export const DEFAULT_SEAL_SHARES = 1;

/** Why a threshold and share count cannot go together, or null when they can. */
export function sealOptionsProblem(threshold: unknown, shares: unknown): string | null {
  const isCount = (value: unknown) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_SEAL_SHARES;
  if (!isCount(shares)) return `sealShares must be a whole number from 1 to ${MAX_SEAL_SHARES}`;
  if (!isCount(threshold)) return `sealThreshold must be a whole number from 1 to ${MAX_SEAL_SHARES}`;
  if ((threshold as number) > (shares as number))
    return `sealThreshold (${String(threshold)}) must not exceed sealShares (${String(shares)})`;
  return null;
}

/**
 * The unseal key shares of db `dbId`: hex SHA-256 of a fixed label, the db id and the share's index. The default
 * db's id is always `default`, so its keys are the same on every start and `npm start` can print them.
 */
export function deriveUnsealKeys(dbId: string, shares: number): string[] {
  return Array.from({ length: shares }, (_, i) =>
    createHash('sha256').update(`dcos-sim-unseal-key:${dbId}:${i}`).digest('hex'),
  );
}

export function createSeal(dbId: string, options: { threshold: number; shares: number; sealed: boolean }): SimSeal {
  const problem = sealOptionsProblem(options.threshold, options.shares);
  if (problem !== null) throw new Error(`Bad seal options: ${problem}`);
  return {
    sealed: options.sealed,
    threshold: options.threshold,
    shares: options.shares,
    progress: 0,
    keys: deriveUnsealKeys(dbId, options.shares),
    submitted: new Set(),
  };
}

/** The `SealStatus` JSON. */
export function sealStatus(seal: SimSeal) {
  return { sealed: seal.sealed, threshold: seal.threshold, shares: seal.shares, progress: seal.progress };
}

/** Seals the store and forgets any unseal progress (sealing a sealed store does just that). */
export function sealStore(seal: SimSeal): void {
  seal.sealed = true;
  seal.progress = 0;
  seal.submitted.clear();
}

/**
 * One unseal key share. A key that is none of the shares is refused ('invalid'), sealed or not, and leaves the progress
 * alone (docs/decisions/006: DC/OS answers a wrong key with 500 even on an unsealed store); a share already counted is
 * ignored, as Vault does; reaching the threshold unseals and resets the progress. An unsealed store takes a right key
 * and changes nothing.
 */
export function submitUnsealKey(seal: SimSeal, key: string): 'invalid' | 'accepted' {
  const share = key.trim().toLowerCase();
  if (!seal.keys.includes(share)) return 'invalid';
  if (!seal.sealed) return 'accepted';
  seal.submitted.add(share);
  seal.progress = seal.submitted.size;
  if (seal.progress >= seal.threshold) {
    seal.sealed = false;
    seal.progress = 0;
    seal.submitted.clear();
  }
  return 'accepted';
}

const ENCRYPTED_KEY_LABEL = 'dcos-sim-encrypted-unseal-key:';

/**
 * The unseal keys as `GET /secrets/v1/init/default` gives them: "still encrypted" (DC/OS keeps them encrypted with the
 * secrets service's own key, and `PUT /auto-unseal/default` takes one back as it is). The simulator's "encryption" is
 * a base64 wrapping, enough to make them differ from the plain shares: it protects nothing.
 */
export function encryptedUnsealKeys(seal: SimSeal): string[] {
  return seal.keys.map((key) => Buffer.from(`${ENCRYPTED_KEY_LABEL}${key}`, 'utf8').toString('base64'));
}

/** The plain share inside an encrypted unseal key, or null when it is not one `encryptedUnsealKeys` made. */
export function decryptUnsealKey(encrypted: string): string | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encrypted.trim())) return null;
  const plain = Buffer.from(encrypted.trim(), 'base64').toString('utf8');
  return plain.startsWith(ENCRYPTED_KEY_LABEL) ? plain.slice(ENCRYPTED_KEY_LABEL.length) : null;
}

/** What the dev server prints about the default db's Secret Store: its state and every unseal key share. */
export function unsealKeyLines(db: SimDb): string[] {
  const { seal } = db;
  const state = seal.sealed ? 'sealed' : 'unsealed';
  const need = seal.shares === 1 ? 'this key' : `any ${seal.threshold} of these ${seal.shares} keys`;
  const lines = [
    `Secret store "${SECRET_STORE}" is ${state}; unseal it with ${need} (PUT /secrets/v1/unseal/default):`,
  ];
  seal.keys.forEach((key, i) => lines.push(seal.shares === 1 ? `  ${key}` : `  ${i + 1}. ${key}`));
  return lines;
}

// ---- The demo seed ----------------------------------------------------------------------------------------------

/** `length` pseudo-random bytes, the same for the same label: SHA-256 in counter mode. */
function labelledBytes(label: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < length; i++) blocks.push(createHash('sha256').update(`${label}:${i}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

/**
 * A Kerberos keytab (MIT format 0x0502) for the HDFS service principals, with made-up keys: the kind of binary secret
 * (a few hundred bytes, not valid UTF-8) that `hdfs/keytab` holds on a real cluster.
 */
function demoKeytab(): Uint8Array {
  const parts: Buffer[] = [Buffer.from([0x05, 0x02])];
  const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const counted = (text: string) => Buffer.concat([u16(Buffer.byteLength(text)), Buffer.from(text)]);
  const principals = [
    ['hdfs', 'name-0-node.hdfs.autoip.dcos.thisdcos.directory'],
    ['HTTP', 'name-0-node.hdfs.autoip.dcos.thisdcos.directory'],
  ];
  const enctypes = [
    [18, 32], // aes256-cts-hmac-sha1-96
    [17, 16], // aes128-cts-hmac-sha1-96
  ] as const;
  for (const [service = '', host = ''] of principals) {
    for (const [enctype, keyLength] of enctypes) {
      const key = labelledBytes(`hdfs-keytab:${service}:${enctype}`, keyLength);
      const entry = Buffer.concat([
        u16(2), // principal components
        counted('LOCAL'), // realm
        counted(service),
        counted(host),
        u32(1), // KRB5_NT_PRINCIPAL
        u32(1_704_067_200), // timestamp: 2024-01-01T00:00:00Z
        Buffer.from([1]), // key version (8 bits)
        u16(enctype),
        u16(keyLength),
        key,
        u32(1), // key version (32 bits)
      ]);
      parts.push(u32(entry.length), entry);
    }
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** A PEM-armoured block of made-up bytes that looks like the SSH key Jenkins clones with (it is not a valid key). */
function demoPrivateKey(): string {
  const der = Buffer.concat([
    Buffer.from([0x30, 0x82, 0x04, 0xa4, 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00]),
    labelledBytes('jenkins-key', 1180),
  ]);
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  const label = ['RSA', 'PRIVATE', 'KEY'].join(' ');
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`, ''].join('\n');
}

type DemoSecret = Omit<SimTextSecret, 'author' | 'kind'> | Omit<SimBinarySecret, 'author' | 'kind'>;

let demoSecrets: Map<string, DemoSecret> | undefined;

/** The demo secrets, built once per process; every db gets its own copies. */
function demoSecretList(): Map<string, DemoSecret> {
  demoSecrets ??= new Map<string, DemoSecret>([
    [
      'db-password',
      {
        value: 'Pg-8r!ck-Lantern-42',
        description: 'Password of the shared PostgreSQL cluster',
        labels: ['postgres'],
        created: '2024-01-15T09:30:12.000Z',
      },
    ],
    [
      'group/spark/aws-secret-key',
      {
        value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        description: 'AWS secret access key for the Spark event log bucket',
        labels: ['spark', 'aws'],
        created: '2024-02-02T14:05:47.000Z',
      },
    ],
    [
      'group/spark/config/log-level',
      {
        value: 'INFO',
        description: 'Log level of Spark drivers',
        labels: ['spark'],
        created: '2024-02-02T14:07:03.000Z',
      },
    ],
    ['hdfs/keytab', { bytes: demoKeytab(), created: '2024-03-11T08:15:00.000Z' }],
    [
      'jenkins/private-key',
      {
        value: demoPrivateKey(),
        description: 'SSH key Jenkins clones repositories with',
        labels: ['jenkins', 'ssh'],
        created: '2024-03-20T16:42:31.000Z',
      },
    ],
  ]);
  return demoSecrets;
}

/** The fixed demo secrets, all written by `author`. */
export function seedDemoSecrets(db: SimDb, author: string): void {
  for (const [path, secret] of demoSecretList()) {
    if ('bytes' in secret)
      db.secrets.set(path, { kind: 'binary', bytes: secret.bytes.slice(), author, created: secret.created });
    else db.secrets.set(path, { kind: 'text', ...secret, labels: [...secret.labels], author });
  }
}
