import { describe, expect, it } from 'vitest';
import {
  MAX_SECRET_BYTES,
  secretInputSize,
  secretPathSchema,
  secretSizeProblem,
  serviceAccountSecret,
} from './secrets.ts';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];
const CHARACTERS = 'Use only letters, digits, - and _ in each segment, separated by /.';

describe('secret paths, checked before sending (the DC/OS UI rule)', () => {
  it.each(['db-password', 'group/spark/aws-secret-key', 'A_b-9/x', 'hdfs/keytab'])('accepts %s', (path) => {
    expect(secretPathSchema.safeParse(path)).toEqual({ success: true, data: path });
  });

  it('trims surrounding white space rather than refusing it', () => {
    expect(secretPathSchema.safeParse('  group/app \n')).toEqual({ success: true, data: 'group/app' });
  });

  it.each([
    ['', 'Enter a path, for example group/app/password.'],
    ['   ', 'Enter a path, for example group/app/password.'],
    ['/group/app', 'No / at the start or the end.'],
    ['group/app/', 'No / at the start or the end.'],
    ['/', 'No / at the start or the end.'],
    ['group//app', 'Empty segments (//) are not allowed.'],
  ])('refuses %j: %s', (path, message) => {
    expect(messages(secretPathSchema.safeParse(path))).toContain(message);
  });

  it.each([
    ['group/app.conf', `Not allowed: “.”. ${CHARACTERS}`],
    ['my secret', `Not allowed: a space. ${CHARACTERS}`],
    ['group/ünïcode', `Not allowed: “ü”, “ï”. ${CHARACTERS}`],
    ['a.b.c d', `Not allowed: “.”, a space. ${CHARACTERS}`],
    ['keys/🔑', `Not allowed: “🔑”. ${CHARACTERS}`],
    ['group\\app', `Not allowed: “\\”. ${CHARACTERS}`],
  ])('refuses %j naming the characters', (path, message) => {
    expect(messages(secretPathSchema.safeParse(path))).toEqual([message]);
  });
});

describe('the size limit, checked before uploading', () => {
  const text = (value: string) => ({ kind: 'text', value }) as const;
  const file = (bytes: number) => ({ kind: 'file', file: new Blob([new Uint8Array(bytes)]) }) as const;

  it('is 1 MiB less 1 KiB', () => {
    expect(MAX_SECRET_BYTES).toBe(1_047_552);
  });

  it('lets exactly the limit through and refuses one byte more, text or file', () => {
    expect(secretSizeProblem(text('x'.repeat(MAX_SECRET_BYTES)))).toBeNull();
    expect(secretSizeProblem(file(MAX_SECRET_BYTES))).toBeNull();
    expect(secretSizeProblem(text('x'.repeat(MAX_SECRET_BYTES + 1)))).not.toBeNull();
    expect(secretSizeProblem(file(MAX_SECRET_BYTES + 1))).not.toBeNull();
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(secretInputSize(text('é€🔑'))).toBe(2 + 3 + 4);
    // Half as many characters as the limit, but each takes two bytes.
    const half = 'é'.repeat(MAX_SECRET_BYTES / 2);
    expect(secretSizeProblem(text(half))).toBeNull();
    expect(secretSizeProblem(text(`${half}x`))).toBe(
      'This secret is 1,047,553 bytes (1023.0 KiB); the secret store takes at most 1,047,552 bytes (1 MiB less 1 KiB of metadata).',
    );
  });

  it('shows the size of what was chosen', () => {
    expect(secretSizeProblem(file(5 * 1024 * 1024))).toBe(
      'This secret is 5,242,880 bytes (5.00 MiB); the secret store takes at most 1,047,552 bytes (1 MiB less 1 KiB of metadata).',
    );
  });
});

describe('a service account secret', () => {
  it('is the JSON DC/OS services log in with: exactly login_endpoint, scheme RS256, private_key and uid', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
    const secret = JSON.parse(serviceAccountSecret('etl-job', pem)) as Record<string, unknown>;
    expect(Object.keys(secret).sort()).toEqual(['login_endpoint', 'private_key', 'scheme', 'uid']);
    expect(secret).toEqual({
      login_endpoint: 'https://leader.mesos/acs/api/v1/auth/login',
      scheme: 'RS256',
      private_key: pem,
      uid: 'etl-job',
    });
  });
});
