// @vitest-environment node
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SEED_PUBLIC_KEYS } from '../db/seed-keys.ts';
import { publicKeyProblem } from './public-key.ts';

const pem = (key: KeyObject, type: 'spki' | 'pkcs1' | 'pkcs8') => key.export({ type, format: 'pem' }).toString();
const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
const spki = pem(rsa.publicKey, 'spki');
const NOT_A_KEY = 'Could not deserialize key data.';

describe('publicKeyProblem', () => {
  it('accepts RSA SubjectPublicKeyInfo PEM, with or without surrounding whitespace', () => {
    expect(publicKeyProblem(spki)).toBeNull();
    expect(publicKeyProblem(spki.trim())).toBeNull();
    expect(publicKeyProblem(`\n  ${spki}\n\n`)).toBeNull();
  });

  it.each(SEED_PUBLIC_KEYS.map((key, index) => [index, key]))('accepts the seeded key #%i', (_index, key) => {
    expect(publicKeyProblem(key)).toBeNull();
  });

  it.each([
    ['EC P-256', generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey],
    ['Ed25519', generateKeyPairSync('ed25519').publicKey],
    ['RSA-PSS', generateKeyPairSync('rsa-pss', { modulusLength: 1024 }).publicKey],
  ])('refuses an %s key in SPKI form: "Key must be of type RSA"', (_what, key) => {
    expect(publicKeyProblem(pem(key, 'spki'))).toBe('Key must be of type RSA');
  });

  it.each([
    ['an empty string', ''],
    ['text', 'ThisIsAnInvalidPublicKey'],
    ['a PKCS#1 RSA PUBLIC KEY', pem(rsa.publicKey, 'pkcs1')],
    ['a PKCS#8 private key', pem(rsa.privateKey, 'pkcs8')],
    ['a PKCS#1 private key', pem(rsa.privateKey, 'pkcs1')],
    ['SPKI content under the PKCS#1 armor', spki.replaceAll('PUBLIC KEY', 'RSA PUBLIC KEY')],
    ['the armor alone', '-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n'],
    ['a corrupted body', spki.replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!')],
    ['a truncated body', `${spki.slice(0, 100)}\n-----END PUBLIC KEY-----`],
    ['text before the key', `key: ${spki}`],
    ['text after the key', `${spki}trailing`],
    ['two keys', `${spki}${spki}`],
    ['the DER bytes in base64 without armor', spki.replace(/-----[A-Z ]+-----/g, '').trim()],
  ])('refuses %s: "Could not deserialize key data."', (_what, pem) => {
    expect(publicKeyProblem(pem)).toBe(NOT_A_KEY);
  });
});
