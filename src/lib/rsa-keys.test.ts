import { Buffer } from 'node:buffer';
import {
  type KeyObject,
  createHash,
  createPrivateKey,
  createPublicKey,
  createVerify,
  generateKeyPairSync,
} from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type PublicKeyCheck,
  type ServiceAccountKeyPair,
  checkRsaPublicKeyPem,
  generateServiceAccountKeyPair,
  publicKeyFingerprint,
} from './rsa-keys.ts';

const spkiPem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
const spkiDer = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' });

/** The fingerprint computed by OpenSSL through node, independently of the code under test. */
function nodeFingerprint(pem: string): string {
  const hex = createHash('sha256').update(spkiDer(pem)).digest('hex').toUpperCase();
  return (hex.match(/../g) ?? []).join(':');
}

/** An OpenSSH `authorized_keys` line: the key's wire format (RFC 4253 §6.6) in base64. */
function openSshLine(type: string, ...fields: Buffer[]): string {
  const sshString = (bytes: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  return `${type} ${Buffer.concat([Buffer.from(type), ...fields].map(sshString)).toString('base64')} alice@laptop`;
}

function mpint(base64url: string | undefined): Buffer {
  const bytes = Buffer.from(base64url ?? '', 'base64url');
  // Positive, so a leading byte with its top bit set needs a zero before it.
  return (bytes[0] ?? 0) >= 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
}

/** Only the armor matters to these cases; the body is a stand-in. */
const armored = (label: string, body: string) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;

function pemLines(pem: string): string[] {
  expect(pem.endsWith('\n')).toBe(true);
  expect(pem).not.toContain('\r');
  return pem.slice(0, -1).split('\n');
}

function reasonOf(result: PublicKeyCheck): string {
  if (result.ok) throw new Error('expected the key to be refused');
  return result.reason;
}

let generated: ServiceAccountKeyPair;
let rsa1024: KeyObject;
let rsa3072: KeyObject;
let rsa2048: { publicKey: KeyObject; privateKey: KeyObject };
let ec: { publicKey: KeyObject; privateKey: KeyObject };
let ed25519: KeyObject;

// Key generation is slow: every key the tests need is made once.
beforeAll(async () => {
  generated = await generateServiceAccountKeyPair();
  rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
  rsa3072 = generateKeyPairSync('rsa', { modulusLength: 3072 }).publicKey;
  rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 });
  ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  ed25519 = generateKeyPairSync('ed25519').publicKey;
});

describe('generateServiceAccountKeyPair', () => {
  it('makes a 2048-bit RSA pair whose public PEM passes the check unchanged', async () => {
    expect(createPublicKey(generated.publicKeyPem).asymmetricKeyDetails).toEqual({
      modulusLength: 2048,
      publicExponent: 65537n,
    });
    await expect(checkRsaPublicKeyPem(generated.publicKeyPem)).resolves.toEqual({
      ok: true,
      pem: generated.publicKeyPem,
      bits: 2048,
    });
  });

  it('makes a private key that signs RS256 tokens the public key verifies', async () => {
    const der = createPrivateKey(generated.privateKeyPem).export({ type: 'pkcs8', format: 'der' });
    const privateKey = await crypto.subtle.importKey(
      'pkcs8',
      new Uint8Array(der),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const message = new TextEncoder().encode('{"uid":"jenkins","exp":1700000000}');
    const signature = Buffer.from(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', privateKey, new Uint8Array(message)));

    expect(createVerify('SHA256').update(message).verify(generated.publicKeyPem, signature)).toBe(true);
    expect(createVerify('SHA256').update('tampered').verify(generated.publicKeyPem, signature)).toBe(false);
    // The two halves belong together: the public key derived from the private one is the one returned.
    expect(spkiPem(createPublicKey(generated.privateKeyPem))).toBe(generated.publicKeyPem);
  });

  it('writes SPKI and PKCS#8 PEM with base64 wrapped at 64 characters', () => {
    for (const [pem, label, type] of [
      [generated.publicKeyPem, 'PUBLIC KEY', 'spki'],
      [generated.privateKeyPem, 'PRIVATE KEY', 'pkcs8'],
    ] as const) {
      const lines = pemLines(pem);
      expect(lines[0]).toBe(`-----BEGIN ${label}-----`);
      expect(lines.at(-1)).toBe(`-----END ${label}-----`);
      const body = lines.slice(1, -1);
      expect(body.length).toBeGreaterThan(1);
      for (const line of body.slice(0, -1)) expect(line).toMatch(/^[A-Za-z0-9+/]{64}$/);
      expect(body.at(-1)).toMatch(/^[A-Za-z0-9+/]{1,62}={0,2}$/);
      expect(body.at(-1)?.length).toBeLessThanOrEqual(64);
      // Exactly how OpenSSL writes it.
      const key = type === 'spki' ? createPublicKey(pem) : createPrivateKey(pem);
      expect(key.export({ type, format: 'pem' }).toString()).toBe(pem);
    }
  });

  it('makes a new pair every time', async () => {
    const other = await generateServiceAccountKeyPair();
    expect(other.publicKeyPem).not.toBe(generated.publicKeyPem);
    expect(other.privateKeyPem).not.toBe(generated.privateKeyPem);
  });
});

describe('checkRsaPublicKeyPem', () => {
  it('accepts an OpenSSL RSA public key and reports its size', async () => {
    const pem = spkiPem(rsa3072);
    await expect(checkRsaPublicKeyPem(pem)).resolves.toEqual({ ok: true, pem, bits: 3072 });
  });

  it('normalises line ends, wrapping, indentation and text around the block', async () => {
    const pem = spkiPem(rsa2048.publicKey);
    const body = pem.split('\n').slice(1, -2).join('');
    const variants = [
      `\n\n  ${pem}  \n`,
      pem.replaceAll('\n', '\r\n'),
      `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`,
      `-----BEGIN PUBLIC KEY-----${body}-----END PUBLIC KEY-----`,
      `-----BEGIN PUBLIC KEY-----\n${(body.match(/.{1,76}/g) ?? []).join('\n')}\n-----END PUBLIC KEY-----\n`,
      pem.replaceAll('\n', '\n    '),
      `Service account key for jenkins:\n${pem}\nGenerated 2024-05-01\n`,
    ];
    for (const variant of variants) {
      await expect(checkRsaPublicKeyPem(variant)).resolves.toEqual({ ok: true, pem, bits: 2048 });
    }
  });

  it.each(['', '   ', '\n\t\r\n'])('asks for a key when given %j', async (text) => {
    expect(reasonOf(await checkRsaPublicKeyPem(text))).toMatch(/^Paste the public key/);
  });

  it('refuses every kind of private key, warning never to paste one', async () => {
    const pems = [
      rsa2048.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      rsa2048.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      rsa2048.privateKey
        .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' })
        .toString(),
      ec.privateKey.export({ type: 'sec1', format: 'pem' }).toString(),
      generated.privateKeyPem,
      armored('OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ=='),
      'PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\n',
      // Both halves pasted together: still refused, the private key must not travel.
      `${generated.publicKeyPem}${generated.privateKeyPem}`,
    ];
    expect(pems.slice(0, 4).map((pem) => pem.split('\n')[0])).toEqual([
      '-----BEGIN PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----',
      '-----BEGIN ENCRYPTED PRIVATE KEY-----',
      '-----BEGIN EC PRIVATE KEY-----',
    ]);
    for (const pem of pems) {
      const reason = reasonOf(await checkRsaPublicKeyPem(pem));
      expect(reason).toMatch(/^This is a private key\. Never paste a private key/);
      expect(reason).toContain('-----BEGIN PUBLIC KEY-----');
    }
  });

  it('explains how to convert a PKCS#1 RSA PUBLIC KEY', async () => {
    const pem = rsa2048.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(pem).toMatch(/^-----BEGIN RSA PUBLIC KEY-----\n/);

    const reason = reasonOf(await checkRsaPublicKeyPem(pem));

    expect(reason).toMatch(/PKCS#1/);
    expect(reason).toContain('SubjectPublicKeyInfo');
    expect(reason).toContain('openssl rsa -pubin -in key.pem -RSAPublicKey_in -pubout');
  });

  it('explains how to convert an OpenSSH ssh-rsa key', async () => {
    const jwk = rsa2048.publicKey.export({ format: 'jwk' });
    const line = openSshLine('ssh-rsa', mpint(jwk.e), mpint(jwk.n));
    expect(line).toMatch(/^ssh-rsa AAAAB3NzaC1yc2E[A-Za-z0-9+/=]+ alice@laptop$/);

    for (const text of [line, `${line}\n`, `restrict,command="true" ${line}`]) {
      const reason = reasonOf(await checkRsaPublicKeyPem(text));
      expect(reason).toMatch(/^This is an OpenSSH public key \(ssh-rsa\)/);
      expect(reason).toContain('ssh-keygen -e -m PKCS8 -f key.pub');
    }
  });

  it('refuses an OpenSSH key that is not RSA', async () => {
    const raw = Buffer.from(ed25519.export({ format: 'jwk' }).x ?? '', 'base64url');
    const line = openSshLine('ssh-ed25519', raw);
    expect(line).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5/);

    expect(reasonOf(await checkRsaPublicKeyPem(line))).toMatch(/OpenSSH public key of a type DC\/OS cannot use.*RSA/);
  });

  it('explains how to get the public key out of a certificate or a signing request', async () => {
    const certificate = armored('CERTIFICATE', 'MIIBszCCAVmgAwIBAgIUZ29vZA==');
    expect(reasonOf(await checkRsaPublicKeyPem(certificate))).toMatch(
      /^This is a certificate, not a public key\..*openssl x509 -in cert\.pem -pubkey -noout/,
    );
    // A chain with the key in it is still a certificate paste, not the key alone.
    expect(reasonOf(await checkRsaPublicKeyPem(`${certificate}${generated.publicKeyPem}`))).toMatch(/certificate/);

    const request = armored('CERTIFICATE REQUEST', 'MIIBszCCAVmgAwIBAgIUZ29vZA==');
    expect(reasonOf(await checkRsaPublicKeyPem(request))).toMatch(/certificate signing request.*openssl req/);
  });

  it.each([
    ['a base64url character', (body: string) => `${body.slice(0, 10)}_${body.slice(11)}`],
    ['a stray symbol', (body: string) => `${body.slice(0, 10)}!${body.slice(11)}`],
    ['a missing character', (body: string) => body.slice(1)],
    ['padding in the middle', (body: string) => `${body.slice(0, 8)}==${body.slice(10)}`],
    ['nothing at all', () => ''],
    ['non-ASCII letters', (body: string) => `${body.slice(0, 10)}é${body.slice(11)}`],
  ])('says the base64 is damaged when it has %s', async (_, damage) => {
    const body = generated.publicKeyPem.split('\n').slice(1, -2).join('');
    const pem = `-----BEGIN PUBLIC KEY-----\n${damage(body)}\n-----END PUBLIC KEY-----\n`;

    expect(reasonOf(await checkRsaPublicKeyPem(pem))).toMatch(/^The key text is damaged: .*base64/);
  });

  it('says the key is cut off when its END line is missing', async () => {
    const truncated = generated.publicKeyPem.split('\n').slice(0, 4).join('\n');
    expect(reasonOf(await checkRsaPublicKeyPem(truncated))).toMatch(/cut off.*-----END PUBLIC KEY-----/);
  });

  it('asks for one key when given several', async () => {
    const two = `${generated.publicKeyPem}${spkiPem(rsa2048.publicKey)}`;
    expect(reasonOf(await checkRsaPublicKeyPem(two))).toBe('Paste one public key; the text holds 2.');
  });

  it.each([
    ['text with no key in it', 'my key is on my laptop', /^No public key found/],
    [
      'another kind of armored text',
      armored('PGP PUBLIC KEY BLOCK', 'mQENBF=='),
      /^This is -----BEGIN PGP PUBLIC KEY BLOCK----- text, not a public key/,
    ],
    ['bare base64 without armor', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA', /^No public key found/],
  ])('says what is wrong with %s', async (_, text, reason) => {
    expect(reasonOf(await checkRsaPublicKeyPem(text))).toMatch(reason);
  });

  it.each([
    ['an EC key', () => spkiPem(ec.publicKey), 'This is an EC key'],
    ['an Ed25519 key', () => spkiPem(ed25519), 'This is an Ed25519 key'],
  ])('refuses %s: service accounts need RSA', async (_, pem, start) => {
    const reason = reasonOf(await checkRsaPublicKeyPem(pem()));
    expect(reason).toBe(`${start}. DC/OS service accounts sign with RS256, so the key must be RSA.`);
  });

  it.each([
    ['bytes that are not DER', Buffer.from('definitely not a key')],
    ['a truncated key', () => spkiDer(spkiPem(rsa2048.publicKey)).subarray(0, 200)],
    ['a key with bytes after it', () => Buffer.concat([spkiDer(spkiPem(rsa2048.publicKey)), Buffer.from([0, 0])])],
    [
      'an RSA header over a broken modulus',
      () => {
        const der = Buffer.from(spkiDer(spkiPem(rsa2048.publicKey)));
        // The BIT STRING's RSAPublicKey SEQUENCE tag becomes an OCTET STRING.
        der[24] = 0x04;
        return der;
      },
    ],
  ])('refuses %s as not a valid public key', async (_, der) => {
    const bytes = typeof der === 'function' ? der() : der;
    const pem = `-----BEGIN PUBLIC KEY-----\n${bytes.toString('base64')}\n-----END PUBLIC KEY-----\n`;

    expect(reasonOf(await checkRsaPublicKeyPem(pem))).toMatch(/^The key data is not a valid public key/);
  });

  it('refuses an RSA key shorter than 2048 bits', async () => {
    expect(reasonOf(await checkRsaPublicKeyPem(spkiPem(rsa1024)))).toBe(
      'This RSA key has only 1024 bits; use a key of at least 2048 bits.',
    );
  });

  it('says so when the browser has no Web Crypto (plain HTTP)', async () => {
    vi.stubGlobal('crypto', undefined);
    try {
      expect(reasonOf(await checkRsaPublicKeyPem(generated.publicKeyPem))).toMatch(/HTTPS/);
      // Pasting mistakes are still explained without it.
      expect(reasonOf(await checkRsaPublicKeyPem(generated.privateKeyPem))).toMatch(/private key/);
      await expect(generateServiceAccountKeyPair()).rejects.toThrow(/HTTPS/);
      await expect(publicKeyFingerprint(generated.publicKeyPem)).rejects.toThrow(/HTTPS/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('publicKeyFingerprint', () => {
  it('is the SHA-256 of the DER as colon-separated uppercase hex, as OpenSSL computes it', async () => {
    for (const pem of [generated.publicKeyPem, spkiPem(rsa2048.publicKey), spkiPem(ec.publicKey)]) {
      const fingerprint = await publicKeyFingerprint(pem);
      expect(fingerprint).toMatch(/^(?:[0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect(fingerprint).toBe(nodeFingerprint(pem));
    }
  });

  it('does not depend on how the PEM is wrapped', async () => {
    const pem = spkiPem(rsa3072);
    const reflowed = `  ${pem.replaceAll('\n', '\r\n').replace(/\r\n(?=[A-Za-z0-9+/])/g, '')}`;
    expect(reflowed).not.toBe(pem);
    await expect(publicKeyFingerprint(reflowed)).resolves.toBe(nodeFingerprint(pem));
  });

  it('differs between keys', async () => {
    expect(await publicKeyFingerprint(generated.publicKeyPem)).not.toBe(
      await publicKeyFingerprint(spkiPem(rsa2048.publicKey)),
    );
  });

  it('throws the reason for text that is not a public key', async () => {
    await expect(publicKeyFingerprint(generated.privateKeyPem)).rejects.toThrow(/^This is a private key/);
    await expect(publicKeyFingerprint('')).rejects.toThrow(/^Paste the public key/);
  });
});
