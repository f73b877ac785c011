// The IAM file never carries a secret (ASVS V14.2): not a password or its hash, an OIDC client secret, the LDAP
// lookup password, a private key, nor a secret's value — checked on a database seeded with canary values, with every
// option of the export on. Reading a file back refuses one that tries to carry such a value (ASVS V2.2).
import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { simulator } from '@/mocks/node.ts';
import { exportIam } from './export.ts';
import { emptyIamFile, parseIamFile, serializeIamFile } from './format.ts';

const CANARY = 'CANARY-7f3a9c';
const PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----\nMIIB${CANARY}private\n-----END PRIVATE KEY-----\n`;
const RSA_PRIVATE_KEY = `-----BEGIN RSA PRIVATE KEY-----\nMIIE${CANARY}rsa\n-----END RSA PRIVATE KEY-----\n`;
const CERT = '-----BEGIN CERTIFICATE-----\nMIIDcert\n-----END CERTIFICATE-----\n';

function seedCanaries() {
  const db = simulator.context.defaultDb;
  for (const user of db.users.values()) if (user.passwordHash) user.passwordHash = `$6$${CANARY}$hash`;
  const oidc = db.sso.oidc.get('google-idp');
  if (!oidc) throw new Error('the seed has changed: no google-idp');
  oidc.client_secret = `${CANARY}-client-secret`;
  oidc.ca_certs = `${CERT}${PRIVATE_KEY}`;
  const ldap = db.ldap.config;
  if (!ldap) throw new Error('the seed has changed: no LDAP configuration');
  ldap['lookup-password'] = `${CANARY}-lookup`;
  ldap['client-cert'] = `${CERT}${RSA_PRIVATE_KEY}`;
  ldap['ca-certs'] = CERT;
  db.secrets.set('canary/text', {
    kind: 'text',
    value: `${CANARY}-text-value`,
    description: 'canary',
    labels: [],
    author: 'bootstrapuser',
    created: new Date(0).toISOString(),
  });
  db.secrets.set('canary/file', {
    kind: 'binary',
    bytes: new TextEncoder().encode(`${CANARY}-file-value`),
    author: 'bootstrapuser',
    created: new Date(0).toISOString(),
  });
  db.secrets.set('canary/service-account', {
    kind: 'text',
    value: JSON.stringify({ private_key: PRIVATE_KEY, uid: 'jenkins' }),
    description: '',
    labels: [],
    author: 'bootstrapuser',
    created: new Date(0).toISOString(),
  });
}

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

describe('The IAM file', { timeout: 30_000 }, () => {
  it('[ASVS 14.2.6] never holds a password, hash, client secret, lookup password, private key or secret value', async () => {
    seedCanaries();
    const text = serializeIamFile(
      await exportIam({ signal: new AbortController().signal, secretKinds: true, exportedAt: 'now' }),
    );
    expect(text).not.toContain(CANARY);
    expect(text).not.toMatch(/PRIVATE KEY/);
    expect(text).not.toMatch(/\$6\$/);
    expect(text).not.toMatch(/password"\s*:/i);
    expect(text).not.toMatch(/client_secret/);
    // What it does hold: the paths and kinds of those secrets, and the certificates without their keys.
    const file = JSON.parse(text) as { secrets: { path: string; kind: string }[]; ldap: Record<string, string> };
    expect(file.secrets).toEqual(
      expect.arrayContaining([
        { path: 'canary/text', kind: 'text' },
        { path: 'canary/file', kind: 'file' },
      ]),
    );
    expect(file.ldap['client-cert']).toBe(CERT);
  });

  it('[ASVS 2.2.1] refuses a file that carries a password, a client secret or a private key, naming where', () => {
    const base = JSON.parse(serializeIamFile(emptyIamFile())) as Record<string, unknown>;
    const withPassword = { ...base, users: [{ uid: 'eve', description: '', provider: 'internal', password: 'x' }] };
    const withSecret = {
      ...base,
      identityProviders: {
        oidc: [{ id: 'p', description: '', issuer: 'i', base_url: 'b', client_id: 'c', client_secret: 's' }],
        saml: [],
      },
    };
    const withKey = { ...base, serviceAccounts: [{ uid: 'svc', description: '', publicKey: PRIVATE_KEY }] };
    const problems = [withPassword, withSecret, withKey].map((value) => parseIamFile(JSON.stringify(value)));
    expect(problems.map((p) => (p.ok ? [] : p.errors))).toEqual([
      ['users[0]: not part of the format: “password”.'],
      ['identityProviders.oidc[0]: not part of the format: “client_secret”.'],
      ['serviceAccounts[0].publicKey: A private key may not be in an IAM file.'],
    ]);
  });
});
