import { describe, expect, it } from 'vitest';
import type { LdapConfig } from '@/api/ldap.ts';
import { EMPTY_LDAP_VALUES, ldapFormSchema, ldapValues, toLdapInput, type LdapFormValues } from './ldap-form-schema.ts';

const search: LdapFormValues = {
  ...EMPTY_LDAP_VALUES,
  host: 'ldap.example.com',
  lookupDn: 'cn=lookup,dc=example,dc=com',
  lookupPassword: 'pw',
  userSearchBase: 'ou=people,dc=example,dc=com',
  groupSearchBase: 'ou=groups,dc=example,dc=com',
};
const issues = (values: LdapFormValues, stored = false) =>
  Object.fromEntries(
    (ldapFormSchema(stored).safeParse(values).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]),
  );

describe('LDAP form checks', () => {
  it('accepts a search-bind configuration', () => {
    expect(issues(search)).toEqual({});
  });

  it('checks the DN template of a simple bind', () => {
    expect(issues({ ...search, bindMode: 'template', dnTemplate: 'uid=x,dc=example' })).toEqual({
      dnTemplate: 'The template must contain %(username)s.',
    });
    expect(
      issues({ ...search, bindMode: 'template', dnTemplate: 'uid=%(username)s,ou=people,dc=example,dc=com' }),
    ).toEqual({});
  });

  it('checks the user and group filter templates', () => {
    expect(issues({ ...search, userFilter: '(uid=%(groupname)s)', groupFilter: 'cn=%(groupname)s' })).toEqual({
      userFilter: 'The template must contain %(username)s.',
      groupFilter: 'Write an LDAP filter in parentheses, e.g. (uid=%(groupname)s).',
    });
  });

  it('needs the lookup password with a lookup DN, unless one is stored', () => {
    expect(issues({ ...search, lookupPassword: '' })).toEqual({
      lookupPassword: 'Enter the lookup account’s password.',
    });
    expect(issues({ ...search, lookupPassword: '' }, true)).toEqual({});
    expect(issues({ ...search, lookupDn: '' })).toEqual({ lookupDn: 'Enter the lookup DN the password belongs to.' });
  });

  it('checks host, port and certificates', () => {
    expect(issues({ ...search, host: ' ', port: '70000', caCerts: 'abc' })).toEqual({
      host: 'Enter the directory server’s host name.',
      port: 'Ports go from 1 to 65535.',
      caCerts: 'Paste PEM certificates (-----BEGIN CERTIFICATE----- …).',
    });
  });
});

describe('LDAP form ↔ wire', () => {
  it('sends only what the chosen options use; StartTLS and LDAPS are one choice', () => {
    expect(toLdapInput({ ...search, transport: 'ldaps', port: '636' })).toEqual({
      host: 'ldap.example.com',
      port: 636,
      'enforce-starttls': false,
      'use-ldaps': true,
      'lookup-dn': 'cn=lookup,dc=example,dc=com',
      'lookup-password': 'pw',
      'user-search': { 'search-base': 'ou=people,dc=example,dc=com', 'search-filter-template': '(uid=%(username)s)' },
      'group-search': {
        'search-base': 'ou=groups,dc=example,dc=com',
        'search-filter-template': '(cn=%(groupname)s)',
        'member-attributes': ['member'],
      },
    });
    expect(
      toLdapInput({
        ...search,
        bindMode: 'template',
        dnTemplate: 'uid=%(username)s,dc=x',
        groupSearchBase: '',
        lookupPassword: '',
      }),
    ).toEqual({
      host: 'ldap.example.com',
      port: 389,
      'enforce-starttls': true,
      'use-ldaps': false,
      dntemplate: 'uid=%(username)s,dc=x',
    });
  });

  it('keeps the stored lookup password by not sending one', () => {
    expect(toLdapInput({ ...search, lookupPassword: '' })).not.toHaveProperty('lookup-password');
  });

  it('reads a stored configuration, LDAPS winning when both flags are set', () => {
    const stored: LdapConfig = {
      host: 'ipa.example.org',
      port: 636,
      'enforce-starttls': true,
      'use-ldaps': true,
      'lookup-dn': 'uid=employee',
      'user-search': { 'search-base': 'cn=users', 'search-filter-template': '(uid=%(username)s)' },
      hasLookupPassword: true,
    };
    expect(ldapValues(stored)).toMatchObject({
      transport: 'ldaps',
      bindMode: 'search',
      lookupDn: 'uid=employee',
      lookupPassword: '',
      groupSearchBase: '',
      port: '636',
    });
  });
});
