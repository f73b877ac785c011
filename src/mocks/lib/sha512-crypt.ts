import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Ulrich Drepper's SHA-crypt ($6$), the scheme glibc's crypt(3) uses and the DC/OS IAM stores.
// https://www.akkadia.org/drepper/SHA-crypt.txt

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DEFAULT_ROUNDS = 5000;
const MIN_ROUNDS = 1000;
const MAX_ROUNDS = 999_999_999;
const MAX_SALT = 16;

// The spec's byte order for turning the 64-byte digest into 86 characters.
const ORDER: readonly (readonly [number, number, number])[] = [
  [0, 21, 42],
  [22, 43, 1],
  [44, 2, 23],
  [3, 24, 45],
  [25, 46, 4],
  [47, 5, 26],
  [6, 27, 48],
  [28, 49, 7],
  [50, 8, 29],
  [9, 30, 51],
  [31, 52, 10],
  [53, 11, 32],
  [12, 33, 54],
  [34, 55, 13],
  [56, 14, 35],
  [15, 36, 57],
  [37, 58, 16],
  [59, 17, 38],
  [18, 39, 60],
  [40, 61, 19],
  [62, 20, 41],
];

function sha512(...parts: Buffer[]): Buffer {
  const hash = createHash('sha512');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** `source` repeated (and cut) to exactly `length` bytes. */
function stretch(source: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let offset = 0; offset < length; offset += source.length)
    source.copy(out, offset, 0, Math.min(source.length, length - offset));
  return out;
}

function encode(digest: Buffer): string {
  const at = (i: number) => digest[i] ?? 0;
  let out = '';
  const put = (b2: number, b1: number, b0: number, n: number) => {
    let w = (b2 << 16) | (b1 << 8) | b0;
    for (let i = 0; i < n; i++) {
      out += ITOA64.charAt(w & 0x3f);
      w >>= 6;
    }
  };
  for (const [a, b, c] of ORDER) put(at(a), at(b), at(c), 4);
  put(0, 0, at(63), 2);
  return out;
}

function digestFor(password: Buffer, salt: Buffer, rounds: number): Buffer {
  const b = sha512(password, salt, password);
  const a = createHash('sha512').update(password).update(salt);
  a.update(stretch(b, password.length));
  for (let n = password.length; n > 0; n >>= 1) a.update(n & 1 ? b : password);
  let c = a.digest();

  const dp = createHash('sha512');
  for (let i = password.length; i > 0; i--) dp.update(password);
  const p = stretch(dp.digest(), password.length);

  const ds = createHash('sha512');
  for (let i = 0; i < 16 + (c[0] ?? 0); i++) ds.update(salt);
  const s = stretch(ds.digest(), salt.length);

  for (let i = 0; i < rounds; i++) {
    const h = createHash('sha512');
    h.update(i & 1 ? p : c);
    if (i % 3) h.update(s);
    if (i % 7) h.update(p);
    h.update(i & 1 ? c : p);
    c = h.digest();
  }
  return c;
}

function randomSalt(): string {
  return Array.from(randomBytes(MAX_SALT), (byte) => ITOA64[byte & 0x3f]).join('');
}

/** Hashes like `crypt(password, "$6$[rounds=N$]salt")`. */
export function sha512Crypt(password: string, salt: string = randomSalt(), rounds?: number): string {
  const cleanSalt = salt.slice(0, MAX_SALT);
  const effective = rounds === undefined ? DEFAULT_ROUNDS : Math.min(MAX_ROUNDS, Math.max(MIN_ROUNDS, rounds));
  const digest = digestFor(Buffer.from(password, 'utf8'), Buffer.from(cleanSalt, 'utf8'), effective);
  const roundsPart = rounds === undefined ? '' : `rounds=${effective}$`;
  return `$6$${roundsPart}${cleanSalt}$${encode(digest)}`;
}

const HASH_PATTERN = /^\$6\$(?:rounds=(\d+)\$)?([^$]{0,16})\$([./0-9A-Za-z]{86})$/;

export function isSha512CryptHash(value: string): boolean {
  return HASH_PATTERN.test(value);
}

/** Verifies `password` against a stored `$6$` hash in constant time. */
export function verifySha512Crypt(password: string, stored: string): boolean {
  const match = HASH_PATTERN.exec(stored);
  if (!match) return false;
  const [, rounds, salt = ''] = match;
  const computed = Buffer.from(sha512Crypt(password, salt, rounds === undefined ? undefined : Number(rounds)));
  const expected = Buffer.from(stored);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
