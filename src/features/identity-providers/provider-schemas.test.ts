import { describe, expect, it } from 'vitest';
import {
  emptyOidcValues,
  emptySamlValues,
  isHttpUrl,
  oidcFormSchema,
  oidcValues,
  samlFormSchema,
  toOidcInput,
} from './provider-schemas.ts';

const ORIGIN = 'https://dcos.example.com';
const METADATA =
  '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:idp"><IDPSSODescriptor/></EntityDescriptor>';
const oidc = {
  ...emptyOidcValues(ORIGIN),
  id: 'corp-sso',
  description: 'Corp',
  issuer: 'https://sso.example.com',
  clientId: 'dcos',
  clientSecret: 's3cret',
};
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('Provider IDs', () => {
  it.each(['google-idp', 'okta', 'a', 'idp-2'])('accepts %s', (id) => {
    expect(oidcFormSchema('create').safeParse({ ...oidc, id }).success).toBe(true);
  });

  it.each([
    ['', 'Enter an ID.'],
    ['Google', 'Use only lowercase letters, digits and -.'],
    ['google_idp', 'Use only lowercase letters, digits and -.'],
    ['google idp', 'Use only lowercase letters, digits and -.'],
    ['a'.repeat(65), 'At most 64 characters.'],
  ])('refuses %j: %s', (id, message) => {
    expect(messages(oidcFormSchema('create').safeParse({ ...oidc, id })).id).toBe(message);
  });
});

describe('URLs', () => {
  it.each([
    ['https://accounts.google.com', true, true],
    ['http://127.0.0.1:5173', false, true],
    ['http://sso.example.com', true, false],
    ['https://user:pass@sso.example.com', false, false],
    ['accounts.google.com', false, false],
    ['javascript:alert(1)', false, false],
    ['', false, false],
  ])('%j (https only: %s) is %s', (url, httpsOnly, ok) => {
    expect(isHttpUrl(url, httpsOnly)).toBe(ok);
  });

  it('wants an https issuer and an http(s) cluster URL, said at the field', () => {
    expect(
      messages(oidcFormSchema('create').safeParse({ ...oidc, issuer: 'http://sso.example.com', baseUrl: 'dcos' })),
    ).toEqual({
      issuer: 'Enter the issuer’s https URL, e.g. https://accounts.google.com.',
      baseUrl: 'Enter the cluster URL, e.g. https://dcos.example.com.',
    });
  });
});

describe('The OIDC form', () => {
  it('needs the client secret to create, not to update (blank keeps it)', () => {
    expect(messages(oidcFormSchema('create').safeParse({ ...oidc, clientSecret: '' }))).toEqual({
      clientSecret: 'Enter the client secret.',
    });
    expect(oidcFormSchema('update').safeParse({ ...oidc, clientSecret: '' }).success).toBe(true);
  });

  it('takes PEM certificates or nothing', () => {
    expect(messages(oidcFormSchema('create').safeParse({ ...oidc, caCerts: 'MIIB...' })).caCerts).toMatch(/PEM/);
    expect(
      oidcFormSchema('create').safeParse({
        ...oidc,
        caCerts: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      }).success,
    ).toBe(true);
  });

  it('maps to the wire and back, never carrying the stored secret into the form', () => {
    expect(toOidcInput(oidc)).toEqual({
      description: 'Corp',
      issuer: 'https://sso.example.com',
      base_url: ORIGIN,
      client_id: 'dcos',
      client_secret: 's3cret',
      verify_server_certificate: true,
      ca_certs: '',
    });
    const back = oidcValues('corp-sso', {
      description: 'Corp',
      issuer: 'https://sso.example.com',
      base_url: ORIGIN,
      client_id: 'dcos',
      hasClientSecret: true,
    });
    expect(back).toEqual({ ...oidc, clientSecret: '', verifyServerCertificate: false });
  });
});

describe('The SAML form', () => {
  it('checks the metadata in the browser', () => {
    const base = { ...emptySamlValues(ORIGIN), id: 'adfs', description: 'ADFS' };
    expect(samlFormSchema.safeParse({ ...base, idpMetadata: METADATA }).success).toBe(true);
    expect(messages(samlFormSchema.safeParse({ ...base, idpMetadata: '<EntityDescriptor' })).idpMetadata).toBe(
      'This is not well-formed XML.',
    );
  });
});
