import { createPublicKey } from 'node:crypto';

const BEGIN = '-----BEGIN PUBLIC KEY-----';
const END = '-----END PUBLIC KEY-----';

/**
 * Why `pem` is not an RSA public key in X.509 SubjectPublicKeyInfo PEM form (`-----BEGIN PUBLIC KEY-----`), the only
 * form the IAM accepts for service accounts (BNC app/crypt.py `validate_pubkey`); null when it is one. The messages
 * follow the IAM's, which passes on the `cryptography` library's words.
 */
export function publicKeyProblem(pem: string): string | null {
  const text = pem.trim();
  // One armored SPKI block and nothing around it: no PKCS#1 `RSA PUBLIC KEY`, no certificate, no private key (from
  // which node would happily derive a public key).
  if (!text.startsWith(BEGIN) || !text.endsWith(END) || text.includes(BEGIN, 1))
    return 'Could not deserialize key data.';
  let type: string | undefined;
  try {
    type = createPublicKey({ key: text, format: 'pem' }).asymmetricKeyType;
  } catch {
    return 'Could not deserialize key data.';
  }
  return type === 'rsa' ? null : 'Key must be of type RSA';
}
