/**
 * RSA keys for DC/OS service accounts, which sign their login tokens with RS256. The IAM stores only the public key,
 * as X.509 SubjectPublicKeyInfo PEM; everything here runs in the browser, so a private key never leaves it.
 */

export interface ServiceAccountKeyPair {
  /** SubjectPublicKeyInfo, `-----BEGIN PUBLIC KEY-----`: what the IAM is given. */
  publicKeyPem: string;
  /** PKCS#8, `-----BEGIN PRIVATE KEY-----`: what the service keeps, and the IAM never sees. */
  privateKeyPem: string;
}

export type PublicKeyCheck = { ok: true; pem: string; bits: number } | { ok: false; reason: string };

/** NIST SP 800-131A: RSA below 2048 bits is no longer acceptable for signatures. */
export const MIN_RSA_BITS = 2048;

const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const RSA_ENCRYPTION_OID = '1.2.840.113549.1.1.1';
const KEY_TYPE_BY_OID: Readonly<Record<string, string>> = {
  '1.2.840.10045.2.1': 'an EC',
  '1.2.840.10040.4.1': 'a DSA',
  '1.2.840.113549.1.1.10': 'an RSA-PSS',
  '1.3.101.110': 'an X25519',
  '1.3.101.111': 'an X448',
  '1.3.101.112': 'an Ed25519',
  '1.3.101.113': 'an Ed448',
};

const PUBLIC_BEGIN = '-----BEGIN PUBLIC KEY-----';
const PUBLIC_BLOCK = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/;
const PRIVATE_ARMOR = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|PuTTY-User-Key-File-/;
const PKCS1_PUBLIC_BEGIN = '-----BEGIN RSA PUBLIC KEY-----';
const CERTIFICATE_ARMOR = /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----/;
const CSR_ARMOR = /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----/;
const OPENSSH_PUBLIC = /(?:^|\s)(ssh-rsa|ssh-dss|ssh-ed25519|ecdsa-sha2-[a-z0-9]+|sk-[a-z0-9-]+@openssh\.com)\s+AAAA/;
const ANY_ARMOR = /-----BEGIN ([A-Z0-9 ]+)-----/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const REASONS = {
  empty: 'Paste the public key: the text of its file, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.',
  privateKey:
    'This is a private key. Never paste a private key here or anywhere else: it stays with the service that signs ' +
    'its login tokens. Paste the matching public key (-----BEGIN PUBLIC KEY-----) instead.',
  pkcs1:
    'This is an RSA public key in PKCS#1 form (-----BEGIN RSA PUBLIC KEY-----), but DC/OS needs the ' +
    'SubjectPublicKeyInfo form (-----BEGIN PUBLIC KEY-----). Convert it with: ' +
    'openssl rsa -pubin -in key.pem -RSAPublicKey_in -pubout',
  certificate:
    'This is a certificate, not a public key. Extract its public key with: openssl x509 -in cert.pem -pubkey -noout',
  csr:
    'This is a certificate signing request, not a public key. Extract its public key with: ' +
    'openssl req -in csr.pem -pubkey -noout',
  openSshRsa:
    'This is an OpenSSH public key (ssh-rsa), but DC/OS needs PEM (-----BEGIN PUBLIC KEY-----). Convert it with: ' +
    'ssh-keygen -e -m PKCS8 -f key.pub',
  openSshOther:
    'This is an OpenSSH public key of a type DC/OS cannot use: service accounts need an RSA key in PEM form.',
  notFound:
    'No public key found: the text must contain a block from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.',
  unterminated: 'The key is cut off: its -----END PUBLIC KEY----- line is missing.',
  base64:
    'The key text is damaged: between its BEGIN and END lines it must be base64 (A–Z, a–z, 0–9, + and /). ' +
    'Copy it again.',
  malformed: 'The key data is not a valid public key. Copy it again from the original file.',
  noWebCrypto: 'This browser cannot check keys on this page: Web Crypto needs the console to be served over HTTPS.',
} as const;

const otherArmor = (label: string) =>
  `This is -----BEGIN ${label}----- text, not a public key (-----BEGIN PUBLIC KEY-----).`;
const severalKeys = (count: number) => `Paste one public key; the text holds ${count}.`;
const notRsa = (kind: string) => `This is ${kind} key. DC/OS service accounts sign with RS256, so the key must be RSA.`;
const tooShort = (bits: number) => `This RSA key has only ${bits} bits; use a key of at least ${MIN_RSA_BITS} bits.`;

function webCrypto(): SubtleCrypto | undefined {
  // Browsers expose `crypto.subtle` only in secure contexts (HTTPS or localhost).
  return (globalThis.crypto as Crypto | undefined)?.subtle;
}

function requireWebCrypto(): SubtleCrypto {
  const subtle = webCrypto();
  if (!subtle) throw new Error(REASONS.noWebCrypto);
  return subtle;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A view made in this realm: WebCrypto's buffers may come from another one (Node's, under jsdom). */
function bytesOf(buffer: ArrayBuffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer);
}

function toPem(label: string, der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** An RSA key pair for a new service account, made and kept in the browser. */
export async function generateServiceAccountKeyPair(): Promise<ServiceAccountKeyPair> {
  const subtle = requireWebCrypto();
  const { publicKey, privateKey } = await subtle.generateKey(
    { ...RS256, modulusLength: MIN_RSA_BITS, publicExponent: new Uint8Array([1, 0, 1]) },
    // Extractable, or neither half could be exported as PEM.
    true,
    ['sign', 'verify'],
  );
  const [spki, pkcs8] = await Promise.all([subtle.exportKey('spki', publicKey), subtle.exportKey('pkcs8', privateKey)]);
  return { publicKeyPem: toPem('PUBLIC KEY', bytesOf(spki)), privateKeyPem: toPem('PRIVATE KEY', bytesOf(pkcs8)) };
}

/** The DER inside the one `PUBLIC KEY` block of `text`, or why there is none, most specific reason first. */
function readPublicKeyDer(text: string): { ok: true; der: Uint8Array<ArrayBuffer> } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, reason: REASONS.empty };
  // Before anything else, so a private key is never reported as merely "not a public key" and retried elsewhere.
  if (PRIVATE_ARMOR.test(trimmed)) return { ok: false, reason: REASONS.privateKey };
  if (trimmed.includes(PKCS1_PUBLIC_BEGIN)) return { ok: false, reason: REASONS.pkcs1 };
  if (CERTIFICATE_ARMOR.test(trimmed)) return { ok: false, reason: REASONS.certificate };
  if (CSR_ARMOR.test(trimmed)) return { ok: false, reason: REASONS.csr };
  const count = trimmed.split(PUBLIC_BEGIN).length - 1;
  if (count === 0) {
    const ssh = OPENSSH_PUBLIC.exec(trimmed);
    if (ssh) return { ok: false, reason: ssh[1] === 'ssh-rsa' ? REASONS.openSshRsa : REASONS.openSshOther };
    const armor = ANY_ARMOR.exec(trimmed);
    return { ok: false, reason: armor?.[1] ? otherArmor(armor[1]) : REASONS.notFound };
  }
  if (count > 1) return { ok: false, reason: severalKeys(count) };
  const block = PUBLIC_BLOCK.exec(trimmed);
  if (!block) return { ok: false, reason: REASONS.unterminated };
  // PEM allows any line length and whitespace inside the block (RFC 7468), and text outside it, which is ignored.
  const body = (block[1] ?? '').replace(/\s+/g, '');
  if (!body || !BASE64.test(body)) return { ok: false, reason: REASONS.base64 };
  return { ok: true, der: Uint8Array.from(atob(body), (char) => char.charCodeAt(0)) };
}

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

/** One DER tag-length-value at `offset`: just enough ASN.1 to name the key's algorithm. */
function readTlv(der: Uint8Array, offset: number): Tlv | undefined {
  const tag = der[offset];
  const first = der[offset + 1];
  if (tag === undefined || first === undefined) return undefined;
  let start = offset + 2;
  let length = first;
  if (first >= 0x80) {
    const size = first - 0x80;
    if (size === 0 || size > 4) return undefined;
    length = 0;
    for (let i = 0; i < size; i += 1) {
      const byte = der[start + i];
      if (byte === undefined) return undefined;
      length = length * 256 + byte;
    }
    start += size;
  }
  const end = start + length;
  return end <= der.length ? { tag, start, end } : undefined;
}

function decodeOid(bytes: Uint8Array): string {
  const arcs: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte % 128);
    if (byte < 0x80) {
      arcs.push(value);
      value = 0;
    }
  }
  const [first = 0, ...rest] = arcs;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...rest].join('.');
}

/**
 * The algorithm OID of a SubjectPublicKeyInfo `SEQUENCE { SEQUENCE { OID, params }, BIT STRING }` that fills `der`
 * exactly; undefined when it is not one.
 */
function spkiAlgorithm(der: Uint8Array): string | undefined {
  const spki = readTlv(der, 0);
  if (spki?.tag !== 0x30 || spki.end !== der.length) return undefined;
  const algorithm = readTlv(der, spki.start);
  if (algorithm?.tag !== 0x30) return undefined;
  const oid = readTlv(der, algorithm.start);
  if (oid?.tag !== 0x06 || oid.end > algorithm.end) return undefined;
  return decodeOid(der.subarray(oid.start, oid.end));
}

/**
 * Whether `text` is one RSA public key of at least 2048 bits in SubjectPublicKeyInfo PEM, checked in the browser
 * before the IAM sees it, so a wrong paste gets a reason that says how to fix it. On success, `pem` is the key
 * re-encoded canonically (64-character lines, LF, no surrounding text).
 */
export async function checkRsaPublicKeyPem(text: string): Promise<PublicKeyCheck> {
  const read = readPublicKeyDer(text);
  if (!read.ok) return read;
  const { der } = read;
  const oid = spkiAlgorithm(der);
  if (oid === undefined) return { ok: false, reason: REASONS.malformed };
  if (oid !== RSA_ENCRYPTION_OID) return { ok: false, reason: notRsa(KEY_TYPE_BY_OID[oid] ?? 'a non-RSA') };
  const subtle = webCrypto();
  if (!subtle) return { ok: false, reason: REASONS.noWebCrypto };
  let key: CryptoKey;
  try {
    // The structural check above only names the algorithm; importing is what proves the key is usable.
    key = await subtle.importKey('spki', der, RS256, true, ['verify']);
  } catch {
    return { ok: false, reason: REASONS.malformed };
  }
  const { modulusLength } = key.algorithm as RsaHashedKeyAlgorithm;
  if (modulusLength < MIN_RSA_BITS) return { ok: false, reason: tooShort(modulusLength) };
  return { ok: true, pem: toPem('PUBLIC KEY', der), bits: modulusLength };
}

/**
 * SHA-256 of the key's DER (SubjectPublicKeyInfo) as colon-separated uppercase hex pairs, the style of `openssl …
 * -fingerprint -sha256`, so an administrator can compare keys without reading base64. Throws on text that is not a
 * public key PEM.
 */
export async function publicKeyFingerprint(pem: string): Promise<string> {
  const read = readPublicKeyDer(pem);
  if (!read.ok) throw new Error(read.reason);
  const digest = bytesOf(await requireWebCrypto().digest('SHA-256', read.der));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(':');
}
