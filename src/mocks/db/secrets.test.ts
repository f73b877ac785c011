// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { effectiveActions } from '../authz.ts';
import { createSimulator } from '../simulator.ts';
import { ALICE_READABLE_SECRET, ALICE_SECRETS_FOLDER, createDb } from './create-db.ts';
import {
  createSeal,
  deriveUnsealKeys,
  isValidSecretPath,
  sealOptionsProblem,
  secretKeysUnder,
  selfAndAncestors,
  submitUnsealKey,
  encryptedUnsealKeys,
  decryptUnsealKey,
  unsealKeyLines,
} from './secrets.ts';
import type { SimDb, SimDbOptions, SimSecret } from './types.ts';

const DEMO_PATHS = [
  'db-password',
  'group/spark/aws-secret-key',
  'group/spark/config/log-level',
  'hdfs/keytab',
  'jenkins/private-key',
];
const seeded = (options: Partial<SimDbOptions> = {}, id = 'secrets-test') =>
  createDb(id, { securityMode: 'strict', tokenTtlSeconds: 60, ...options });
const generated = (db: SimDb) => [...db.secrets].filter(([path]) => !DEMO_PATHS.includes(path));
const text = (secret: SimSecret | undefined) => {
  if (secret?.kind !== 'text') throw new Error('not a text secret');
  return secret;
};

describe('secret paths', () => {
  it.each(['a', 'db-password', 'group/spark/aws-secret-key', 'A_b-9/x', '__dcos_base64__keytab'])(
    'accepts %j',
    (path) => {
      expect(isValidSecretPath(path)).toBe(true);
    },
  );

  it.each(['', '/a', 'a/', 'a//b', 'a b', 'a.b', 'ü', 'a/*', 'a\\b'])('refuses %j', (path) => {
    expect(isValidSecretPath(path)).toBe(false);
  });

  it('walks a path up to the store root', () => {
    expect(selfAndAncestors('a/b/c')).toEqual(['a/b/c', 'a/b', 'a', '']);
    expect(selfAndAncestors('a')).toEqual(['a', '']);
    expect(selfAndAncestors('')).toEqual(['']);
  });

  it('lists the keys under a folder relative to it, by whole segments', () => {
    const db = seeded();
    expect(secretKeysUnder(db, '')).toEqual(DEMO_PATHS);
    expect(secretKeysUnder(db, 'group/spark')).toEqual(['aws-secret-key', 'config/log-level']);
    expect(secretKeysUnder(db, 'grou')).toEqual([]);
    expect(secretKeysUnder(db, 'db-password')).toEqual([]);
  });

  it('lists every write at once, though it keeps the sorted order between writes', () => {
    const db = seeded();
    const listed = secretKeysUnder(db, '');
    listed.reverse(); // a caller's copy: changing it changes nothing kept
    expect(secretKeysUnder(db, '')).toEqual(DEMO_PATHS);
    const first = DEMO_PATHS[0] ?? '';
    const entry = db.secrets.get(first);
    if (!entry) throw new Error('no demo secret');
    db.secrets.set('aaa/new', entry);
    expect(secretKeysUnder(db, '')).toEqual(['aaa/new', ...DEMO_PATHS]);
    db.secrets.delete('aaa/new');
    db.secrets.delete(first);
    db.secrets.set(first, entry); // same keys, another insertion order
    expect(secretKeysUnder(db, '')).toEqual(DEMO_PATHS);
    db.secrets.delete(first);
    db.secrets.set('zzz', entry); // as many keys, one of them new
    expect(secretKeysUnder(db, '')).toEqual([...DEMO_PATHS.slice(1), 'zzz']);
  });
});

describe('the demo secrets', () => {
  it('are the same five in every db, written by bootstrapuser at fixed times', () => {
    const a = seeded({}, 'one');
    const b = seeded({}, 'two');
    expect([...a.secrets.keys()]).toEqual([
      'db-password',
      'group/spark/aws-secret-key',
      'group/spark/config/log-level',
      'hdfs/keytab',
      'jenkins/private-key',
    ]);
    expect(a.secrets).toEqual(b.secrets);
    for (const secret of a.secrets.values()) {
      expect(secret.author).toBe('bootstrapuser');
      expect(secret.created).toMatch(/^2024-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    }
  });

  it('give each db its own copies', () => {
    const a = seeded({}, 'one');
    const b = seeded({}, 'two');
    const keytab = a.secrets.get('hdfs/keytab');
    if (keytab?.kind !== 'binary') throw new Error('hdfs/keytab is not binary');
    keytab.bytes[0] = 0;
    text(a.secrets.get('db-password')).labels.push('changed');
    expect(b.secrets.get('hdfs/keytab')).toMatchObject({ bytes: expect.objectContaining({ 0: 5 }) as unknown });
    expect(text(b.secrets.get('db-password')).labels).toEqual(['postgres']);
    expect(seeded({}, 'three').secrets).toEqual(b.secrets);
  });

  it('hold a binary Kerberos keytab of a few hundred bytes that is not UTF-8 text', () => {
    const keytab = seeded().secrets.get('hdfs/keytab');
    if (keytab?.kind !== 'binary') throw new Error('hdfs/keytab is not binary');
    expect(keytab.bytes.length).toBeGreaterThanOrEqual(200);
    expect(keytab.bytes.length).toBeLessThan(1000);
    expect([keytab.bytes[0], keytab.bytes[1]]).toEqual([0x05, 0x02]);
    expect(Buffer.from(keytab.bytes).toString('latin1')).toContain('name-0-node.hdfs.autoip.dcos.thisdcos.directory');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(keytab.bytes)).toThrow();
  });

  it('hold text secrets with descriptions and labels', () => {
    const db = seeded();
    expect(text(db.secrets.get('group/spark/config/log-level'))).toMatchObject({ value: 'INFO', labels: ['spark'] });
    expect(text(db.secrets.get('db-password')).description).toBe('Password of the shared PostgreSQL cluster');
    const key = text(db.secrets.get('jenkins/private-key')).value;
    expect(key).toMatch(
      /^-----BEGIN RSA PRIVATE KEY-----\n(?:[A-Za-z0-9+/=]{1,64}\n)+-----END RSA PRIVATE KEY-----\n$/,
    );
  });

  it('come with permissions for alice (list group, read one secret) and none for bob', () => {
    const db = seeded();
    expect(ALICE_SECRETS_FOLDER).toBe('group');
    expect(ALICE_READABLE_SECRET).toBe('group/spark/aws-secret-key');
    const secretsOf = (uid: string) =>
      [...effectiveActions(db, uid)]
        .filter(([rid]) => rid.startsWith('dcos:secrets'))
        .map(([rid, actions]) => [rid, [...actions]]);
    expect(secretsOf('alice')).toEqual([
      ['dcos:secrets:list:default:/group', ['read']],
      ['dcos:secrets:default:/group/spark/aws-secret-key', ['read']],
    ]);
    expect(secretsOf('bob')).toEqual([]);
  });
});

describe('generated secrets (the secrets scale option)', () => {
  it('adds none by default and exactly as many as asked', () => {
    expect(seeded().secrets.size).toBe(5);
    const db = seeded({ secrets: 500 });
    expect(db.scale.secrets).toBe(500);
    expect(db.secrets.size).toBe(505);
    expect(generated(db)).toHaveLength(500);
  });

  it('gives the same secrets for the same count, whatever the db id', () => {
    expect(seeded({ secrets: 300 }, 'a').secrets).toEqual(seeded({ secrets: 300 }, 'b').secrets);
  });

  it('draws secrets in order: fewer are a prefix of more', () => {
    const small = generated(seeded({ secrets: 100 }));
    const large = generated(seeded({ secrets: 150 }));
    expect(large.slice(0, 100)).toEqual(small);
  });

  it('writes realistic, valid, unique nested paths with small text values', () => {
    const db = seeded({ secrets: 3000 });
    const depths = new Map<number, number>();
    for (const [path, secret] of generated(db)) {
      expect(isValidSecretPath(path)).toBe(true);
      const depth = path.split('/').length;
      depths.set(depth, (depths.get(depth) ?? 0) + 1);
      expect(secret.kind).toBe('text');
      const { value, description, labels, author, created } = text(secret);
      expect(value.length).toBeGreaterThanOrEqual(16);
      expect(value.length).toBeLessThanOrEqual(80);
      expect(description).toMatch(/ for [a-z]+/);
      expect(labels[0]).toBe(path.split('/')[0]);
      expect(['bootstrapuser', 'jenkins']).toContain(author);
      expect(created >= '2023-01-01' && created < '2025-01-01').toBe(true);
      expect(new Date(created).toISOString()).toBe(created);
    }
    expect([...depths.keys()].sort()).toEqual([2, 3, 4]);
    // 15% team/name, 30% team/app/name, 55% team/app/env/name.
    expect((depths.get(2) ?? 0) / 3000).toBeCloseTo(0.15, 1);
    expect((depths.get(4) ?? 0) / 3000).toBeCloseTo(0.55, 1);
    expect(generated(db).some(([path]) => /-\d+$/.test(path))).toBe(true);
  });

  it('generates 10,000 secrets in well under a second', () => {
    seeded({ secrets: 1000 });
    const started = performance.now();
    const db = seeded({ secrets: 10_000 });
    const elapsed = performance.now() - started;
    expect(db.secrets.size).toBe(10_005);
    expect(elapsed).toBeLessThan(500);
  });
});

describe('the seal', () => {
  it('defaults to 1 of 1, unsealed, with no progress', () => {
    const { seal } = seeded();
    expect(seal).toMatchObject({ sealed: false, threshold: 1, shares: 1, progress: 0 });
    expect(seal.keys).toEqual(deriveUnsealKeys('secrets-test', 1));
  });

  it('takes sealThreshold, sealShares and sealed', () => {
    const { seal } = seeded({ sealThreshold: 3, sealShares: 5, sealed: true });
    expect(seal).toMatchObject({ sealed: true, threshold: 3, shares: 5, progress: 0 });
    expect(seal.keys).toHaveLength(5);
  });

  it('derives distinct hex keys per db and share, the same every time', () => {
    const keys = deriveUnsealKeys('db-1', 10);
    expect(new Set(keys).size).toBe(10);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(deriveUnsealKeys('db-1', 3)).toEqual(keys.slice(0, 3));
    expect(deriveUnsealKeys('db-2', 1)[0]).not.toBe(keys[0]);
  });

  it('keeps the default db keys across simulator restarts', async () => {
    const first = await createSimulator({ securityMode: 'strict', tokenTtlSeconds: 60, sealShares: 3 });
    const second = await createSimulator({ securityMode: 'strict', tokenTtlSeconds: 60, sealShares: 3 });
    expect(first.context.defaultDb.seal.keys).toEqual(second.context.defaultDb.seal.keys);
    expect(first.context.defaultDb.seal.keys).toEqual(deriveUnsealKeys('default', 3));
    expect(first.context.reset().seal.keys).toEqual(deriveUnsealKeys('default', 3));
  });

  it.each([
    [1, 1, null],
    [2, 3, null],
    [10, 10, null],
    [2, 1, 'sealThreshold (2) must not exceed sealShares (1)'],
    [0, 1, 'sealThreshold must be a whole number from 1 to 10'],
    [1, 11, 'sealShares must be a whole number from 1 to 10'],
    [1, 0, 'sealShares must be a whole number from 1 to 10'],
    [1.5, 2, 'sealThreshold must be a whole number from 1 to 10'],
    ['1', 2, 'sealThreshold must be a whole number from 1 to 10'],
  ])('threshold %j of %j shares: %s', (threshold, shares, problem) => {
    expect(sealOptionsProblem(threshold, shares)).toBe(problem);
  });

  it('refuses bad seal options when a db is created', () => {
    expect(() => seeded({ sealThreshold: 3, sealShares: 2 })).toThrow(
      new Error('Bad seal options: sealThreshold (3) must not exceed sealShares (2)'),
    );
  });

  it('counts distinct valid shares and unseals at the threshold', () => {
    const seal = createSeal('x', { threshold: 2, shares: 3, sealed: true });
    const [k1 = '', k2 = ''] = seal.keys;
    expect(submitUnsealKey(seal, 'nope')).toBe('invalid');
    expect(submitUnsealKey(seal, k2)).toBe('accepted');
    expect(submitUnsealKey(seal, k2)).toBe('accepted');
    expect(seal).toMatchObject({ sealed: true, progress: 1 });
    expect(submitUnsealKey(seal, k1)).toBe('accepted');
    expect(seal).toMatchObject({ sealed: false, progress: 0 });
    expect(seal.submitted.size).toBe(0);
  });

  it('refuses a wrong key on an unsealed store too, and takes a right one without change', () => {
    const seal = createSeal('x', { threshold: 1, shares: 1, sealed: false });
    expect(submitUnsealKey(seal, 'wrongkey')).toBe('invalid');
    expect(submitUnsealKey(seal, seal.keys[0] ?? '')).toBe('accepted');
    expect(seal).toMatchObject({ sealed: false, progress: 0 });
  });

  it('wraps the keys for init and unwraps only what it wrapped', () => {
    const seal = createSeal('x', { threshold: 2, shares: 3, sealed: true });
    const wrapped = encryptedUnsealKeys(seal);
    expect(wrapped.map(decryptUnsealKey)).toEqual(seal.keys);
    expect(wrapped).not.toEqual(seal.keys);
    expect(decryptUnsealKey(seal.keys[0] ?? '')).toBeNull();
    expect(decryptUnsealKey('not base64!')).toBeNull();
  });
});

describe('unsealKeyLines (printed by the dev server)', () => {
  it('prints the one key of a 1-of-1 store', () => {
    const db = seeded({}, 'default');
    const [key = ''] = deriveUnsealKeys('default', 1);
    expect(unsealKeyLines(db)).toEqual([
      'Secret store "default" is unsealed; unseal it with this key (PUT /secrets/v1/unseal/default):',
      `  ${key}`,
    ]);
  });

  it('prints every numbered share and the threshold', () => {
    const db = seeded({ sealThreshold: 2, sealShares: 3, sealed: true }, 'default');
    const keys = deriveUnsealKeys('default', 3);
    expect(unsealKeyLines(db)).toEqual([
      'Secret store "default" is sealed; unseal it with any 2 of these 3 keys (PUT /secrets/v1/unseal/default):',
      `  1. ${keys[0] ?? ''}`,
      `  2. ${keys[1] ?? ''}`,
      `  3. ${keys[2] ?? ''}`,
    ]);
  });
});
