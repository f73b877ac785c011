import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type JWK, type CryptoKey } from 'jose';

export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export async function createSigningKeys(kid = 'dcos-sim-1'): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicKey };
}

/** A DC/OS authentication token: RS256 with exactly the `uid` and `exp` claims the IAM writes. */
export async function signAuthToken(
  keys: SigningKeys,
  uid: string,
  ttlSeconds: number,
  now = Date.now(),
): Promise<string> {
  const exp = Math.floor(now / 1000) + ttlSeconds;
  return new SignJWT({ uid })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keys.kid })
    .setExpirationTime(exp)
    .sign(keys.privateKey);
}

/** The token's uid when the signature, algorithm and `exp` hold; null otherwise. */
export async function verifyAuthToken(keys: SigningKeys, token: string): Promise<{ uid: string; exp: number } | null> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, { algorithms: ['RS256'] });
    if (typeof payload.uid !== 'string' || typeof payload.exp !== 'number') return null;
    return { uid: payload.uid, exp: payload.exp };
  } catch {
    return null;
  }
}

export async function publicJwks(keys: SigningKeys): Promise<{ keys: JWK[] }> {
  const jwk = await exportJWK(keys.publicKey);
  return { keys: [{ kty: 'RSA', alg: 'RS256', use: 'sig', kid: keys.kid, n: jwk.n ?? '', e: jwk.e ?? 'AQAB' }] };
}
