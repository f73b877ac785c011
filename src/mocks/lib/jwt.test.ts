// @vitest-environment node
import { SignJWT, createLocalJWKSet, exportJWK, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeJwtPart } from '../test-support.ts';
import { createSigningKeys, publicJwks, signAuthToken, verifyAuthToken, type SigningKeys } from './jwt.ts';

let keys: SigningKeys;
let otherKeys: SigningKeys;

beforeAll(async () => {
  keys = await createSigningKeys();
  otherKeys = await createSigningKeys();
});

const NOW = Date.UTC(2030, 0, 1, 12, 0, 0);
const NOW_S = NOW / 1000;

describe('signAuthToken', () => {
  it('writes an RS256 token with exactly the uid and exp claims', async () => {
    const token = await signAuthToken(keys, 'alice', 300, NOW);
    expect(decodeJwtPart(token, 0)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'dcos-sim-1' });
    expect(decodeJwtPart(token, 1)).toEqual({ uid: 'alice', exp: NOW_S + 300 });
  });

  it('rounds the current time down to whole seconds', async () => {
    const token = await signAuthToken(keys, 'alice', 10, NOW + 999);
    expect(decodeJwtPart(token, 1)).toEqual({ uid: 'alice', exp: NOW_S + 10 });
  });
});

describe('verifyAuthToken', () => {
  it('returns the claims of a token this key signed', async () => {
    const now = Date.now();
    const token = await signAuthToken(keys, 'bob', 60, now);
    const claims = await verifyAuthToken(keys, token);
    expect(claims?.uid).toBe('bob');
    expect(claims?.exp).toBe(Math.floor(now / 1000) + 60);
  });

  it('refuses an expired token', async () => {
    expect(await verifyAuthToken(keys, await signAuthToken(keys, 'bob', -1))).toBeNull();
    expect(await verifyAuthToken(keys, await signAuthToken(keys, 'bob', 60, Date.now() - 61_000))).toBeNull();
  });

  it('refuses a token signed by another key, even with the same kid', async () => {
    expect(otherKeys.kid).toBe(keys.kid);
    expect(await verifyAuthToken(keys, await signAuthToken(otherKeys, 'bob', 60))).toBeNull();
  });

  it('refuses HS256 and unsigned tokens', async () => {
    const hs256 = await new SignJWT({ uid: 'bob' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-shared-secret-of-enough-length!!'));
    const payload = Buffer.from(JSON.stringify({ uid: 'bob', exp: Math.floor(Date.now() / 1000) + 60 })).toString(
      'base64url',
    );
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect(await verifyAuthToken(keys, hs256)).toBeNull();
    expect(await verifyAuthToken(keys, unsigned)).toBeNull();
  });

  it('refuses a validly signed token without a uid claim', async () => {
    const token = await new SignJWT({ sub: 'bob' })
      .setProtectedHeader({ alg: 'RS256' })
      .setExpirationTime('1h')
      .sign(keys.privateKey);
    expect(await verifyAuthToken(keys, token)).toBeNull();
  });

  it('refuses garbage', async () => {
    expect(await verifyAuthToken(keys, 'not-a-jwt')).toBeNull();
    expect(await verifyAuthToken(keys, '')).toBeNull();
  });
});

describe('publicJwks', () => {
  it('serves the public key as an RS256 signing JWK that verifies the tokens', async () => {
    const jwks = await publicJwks(keys);
    const { n } = await exportJWK(keys.publicKey);
    expect(n).toMatch(/^[\w-]{342}$/); // a 2048-bit modulus
    expect(jwks).toEqual({ keys: [{ kty: 'RSA', alg: 'RS256', use: 'sig', kid: 'dcos-sim-1', n, e: 'AQAB' }] });
    const token = await signAuthToken(keys, 'alice', 60);
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { algorithms: ['RS256'] });
    expect(payload.uid).toBe('alice');
  });
});
