import { z } from 'zod/mini';
import type { LdapConfig, LdapConfigInput } from '@/api/ldap.ts';
import {
  dnTemplateProblem,
  filterTemplateProblem,
  GROUPNAME_PLACEHOLDER,
  USERNAME_PLACEHOLDER,
} from '@/lib/ldap-templates.ts';

export type Transport = 'none' | 'starttls' | 'ldaps';
export type BindMode = 'template' | 'search';

const PEM = /-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/;

/**
 * The form over `LDAPConfiguration`: StartTLS and LDAPS are one exclusive choice, and users are found either by a DN
 * template (simple bind) or by a search with an optional lookup account. The templates are checked here as the IAM
 * checks them. `hasStoredPassword`: a lookup password is stored, so leaving the field blank keeps it.
 */
export function ldapFormSchema(hasStoredPassword: boolean) {
  return z
    .object({
      host: z.string().check(z.trim(), z.minLength(1, 'Enter the directory server’s host name.')),
      port: z.string().check(
        z.trim(),
        z.regex(/^\d{1,5}$/, 'Enter a port number.'),
        z.refine((p) => Number(p) >= 1 && Number(p) <= 65535, 'Ports go from 1 to 65535.'),
      ),
      transport: z.enum(['none', 'starttls', 'ldaps']),
      bindMode: z.enum(['template', 'search']),
      dnTemplate: z.string(),
      lookupDn: z.string(),
      lookupPassword: z.string(),
      userSearchBase: z.string(),
      userFilter: z.string(),
      groupSearchBase: z.string(),
      groupFilter: z.string(),
      memberAttributes: z.string(),
      caCerts: z.string(),
      clientCert: z.string(),
    })
    .check(
      z.superRefine((v, ctx) => {
        const issue = (path: string, message: string | null) => {
          if (message) ctx.addIssue({ code: 'custom', path: [path], message });
        };
        if (v.bindMode === 'template') {
          issue('dnTemplate', dnTemplateProblem(v.dnTemplate));
        } else {
          issue(
            'userSearchBase',
            v.userSearchBase.trim() === '' ? 'Enter the DN under which users are searched.' : null,
          );
          issue('userFilter', filterTemplateProblem(v.userFilter, USERNAME_PLACEHOLDER));
          const dn = v.lookupDn.trim();
          issue(
            'lookupDn',
            dn === '' && v.lookupPassword !== '' ? 'Enter the lookup DN the password belongs to.' : null,
          );
          issue(
            'lookupPassword',
            dn !== '' && v.lookupPassword === '' && !hasStoredPassword ? 'Enter the lookup account’s password.' : null,
          );
        }
        if (v.groupSearchBase.trim() !== '' || v.groupFilter.trim() !== '') {
          issue(
            'groupSearchBase',
            v.groupSearchBase.trim() === '' ? 'Enter the DN under which groups are searched.' : null,
          );
          issue('groupFilter', filterTemplateProblem(v.groupFilter, GROUPNAME_PLACEHOLDER));
        }
        issue(
          'caCerts',
          v.caCerts.trim() !== '' && !PEM.test(v.caCerts)
            ? 'Paste PEM certificates (-----BEGIN CERTIFICATE----- …).'
            : null,
        );
        issue(
          'clientCert',
          v.clientCert.trim() !== '' && !PEM.test(v.clientCert) ? 'Paste the client certificate as PEM.' : null,
        );
      }),
    );
}
export type LdapFormValues = z.infer<ReturnType<typeof ldapFormSchema>>;

export const EMPTY_LDAP_VALUES: LdapFormValues = {
  host: '',
  port: '389',
  transport: 'starttls',
  bindMode: 'search',
  dnTemplate: '',
  lookupDn: '',
  lookupPassword: '',
  userSearchBase: '',
  userFilter: '(uid=%(username)s)',
  groupSearchBase: '',
  groupFilter: '(cn=%(groupname)s)',
  memberAttributes: 'member',
  caCerts: '',
  clientCert: '',
};

/** LDAPS wins when a stored configuration sets both flags (the IAM accepts that). */
export function ldapValues(config: LdapConfig): LdapFormValues {
  return {
    host: config.host,
    port: String(config.port),
    transport: config['use-ldaps'] ? 'ldaps' : config['enforce-starttls'] ? 'starttls' : 'none',
    bindMode: config.dntemplate !== undefined ? 'template' : 'search',
    dnTemplate: config.dntemplate ?? '',
    lookupDn: config['lookup-dn'] ?? '',
    lookupPassword: '',
    userSearchBase: config['user-search']?.['search-base'] ?? '',
    userFilter: config['user-search']?.['search-filter-template'] ?? EMPTY_LDAP_VALUES.userFilter,
    groupSearchBase: config['group-search']?.['search-base'] ?? '',
    groupFilter:
      config['group-search']?.['search-filter-template'] ??
      (config['group-search'] ? '' : EMPTY_LDAP_VALUES.groupFilter),
    memberAttributes: (config['group-search']?.['member-attributes'] ?? ['member']).join(', '),
    caCerts: config['ca-certs'] ?? '',
    clientCert: config['client-cert'] ?? '',
  };
}

/** The wire configuration: only the keys the chosen options use; a blank lookup password keeps the stored one. */
export function toLdapInput(v: LdapFormValues): LdapConfigInput {
  const input: LdapConfigInput = {
    host: v.host.trim(),
    port: Number(v.port),
    'enforce-starttls': v.transport === 'starttls',
    'use-ldaps': v.transport === 'ldaps',
  };
  if (v.bindMode === 'template') {
    input.dntemplate = v.dnTemplate.trim();
  } else {
    input['user-search'] = { 'search-base': v.userSearchBase.trim(), 'search-filter-template': v.userFilter.trim() };
    if (v.lookupDn.trim() !== '') {
      input['lookup-dn'] = v.lookupDn.trim();
      if (v.lookupPassword !== '') input['lookup-password'] = v.lookupPassword;
    }
  }
  if (v.groupSearchBase.trim() !== '') {
    const attributes = v.memberAttributes
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    input['group-search'] = {
      'search-base': v.groupSearchBase.trim(),
      'search-filter-template': v.groupFilter.trim(),
      ...(attributes.length > 0 ? { 'member-attributes': attributes } : {}),
    };
  }
  if (v.caCerts.trim() !== '') input['ca-certs'] = v.caCerts;
  if (v.clientCert.trim() !== '') input['client-cert'] = v.clientCert;
  return input;
}

/** The IAM names the offending key in backticks; this is where each key lives in the form. */
export const LDAP_ERROR_FIELDS = {
  host: 'host',
  port: 'port',
  dntemplate: 'dnTemplate',
  'lookup-dn': 'lookupDn',
  'lookup-password': 'lookupPassword',
  'user-search.search-filter-template': 'userFilter',
  'group-search.search-filter-template': 'groupFilter',
  'user-search': 'userSearchBase',
  'ca-certs': 'caCerts',
  'client-cert': 'clientCert',
} as const satisfies Record<string, keyof LdapFormValues>;
