// The simulated cluster's directory back-end: a small LDAP tree the IAM can bind to, search and import from, and the
// IAM's LDAP configuration (§6, stored in its wire shape with dashed keys).

/** `LDAPConfiguration`; optional keys are present only when set. */
export interface LdapConfig {
  host: string;
  port: number;
  'enforce-starttls': boolean;
  'use-ldaps': boolean;
  dntemplate?: string;
  'lookup-dn'?: string;
  'lookup-password'?: string;
  'user-search'?: { 'search-base': string; 'search-filter-template': string };
  'group-search'?: { 'search-base': string; 'search-filter-template': string; 'member-attributes'?: string[] };
  'ca-certs'?: string;
  'client-cert'?: string;
}

/** One directory entry: its DN, attributes (names lower-cased, multi-valued) and, for bindable entries, a password. */
export interface DirectoryEntry {
  dn: string;
  attributes: Map<string, string[]>;
  password?: string;
}

export interface SimDirectory {
  /** Where the directory server listens: plain LDAP (StartTLS offered) on 389, LDAPS on 636. */
  host: string;
  plainPort: number;
  ldapsPort: number;
  entries: DirectoryEntry[];
}

export interface SimLdap {
  config: LdapConfig | null;
  directory: SimDirectory;
}

export const DIRECTORY_HOST = 'ldap.example.com';
export const DIRECTORY_BASE = 'dc=example,dc=com';
export const PEOPLE_BASE = `ou=people,${DIRECTORY_BASE}`;
export const GROUPS_BASE = `ou=groups,${DIRECTORY_BASE}`;
export const LOOKUP_DN = `cn=dcos-lookup,ou=services,${DIRECTORY_BASE}`;
export const LOOKUP_PASSWORD = 'lookup-pass';

/**
 * Directory people: each signs in with `<uid>-pass`. `alice` is also a local user (with another password), so she
 * cannot be imported and her directory password opens nothing.
 */
export const DIRECTORY_PEOPLE = [
  { uid: 'carol', cn: 'Carol Jensen' },
  { uid: 'grace', cn: 'Grace Hopper' },
  { uid: 'heidi', cn: 'Heidi Park' },
  { uid: 'ivan', cn: 'Ivan Petrov' },
  { uid: 'judy', cn: 'Judy Chen' },
  { uid: 'alice', cn: 'Alice Directory', password: 'alice-directory-pass' },
] as const;

/** Directory groups (groupOfNames with `member` DNs); `auditors` holds `alice`, whose import fails (202). */
export const DIRECTORY_GROUPS = [
  { cn: 'engineering', description: 'Engineering (directory)', members: ['carol', 'grace', 'heidi'] },
  { cn: 'platform-ops', description: 'Platform operations (directory)', members: ['ivan', 'judy'] },
  { cn: 'auditors', description: 'Auditors (directory)', members: ['judy', 'alice'] },
] as const;

export function personDn(uid: string): string {
  return `uid=${uid},${PEOPLE_BASE}`;
}

function entry(dn: string, attributes: Record<string, string[]>, password?: string): DirectoryEntry {
  const map = new Map(Object.entries(attributes).map(([name, values]) => [name.toLowerCase(), values]));
  return password === undefined ? { dn, attributes: map } : { dn, attributes: map, password };
}

/** The preset configuration: search-bind with a lookup account, users by `uid`, groups by `cn`. */
export function presetLdapConfig(): LdapConfig {
  return {
    host: DIRECTORY_HOST,
    port: 389,
    'enforce-starttls': true,
    'use-ldaps': false,
    'lookup-dn': LOOKUP_DN,
    'lookup-password': LOOKUP_PASSWORD,
    'user-search': { 'search-base': PEOPLE_BASE, 'search-filter-template': '(uid=%(username)s)' },
    'group-search': {
      'search-base': GROUPS_BASE,
      'search-filter-template': '(cn=%(groupname)s)',
      'member-attributes': ['member'],
    },
  };
}

/**
 * A fresh directory and a preset LDAP configuration pointing at it, so the seeded LDAP user `carol` can sign in
 * (`carol` / `carol-pass`) on a fresh simulator. Deleting the configuration turns LDAP sign-in off.
 */
export function createLdap(): SimLdap {
  const entries: DirectoryEntry[] = [
    entry(LOOKUP_DN, { objectClass: ['person'], cn: ['dcos-lookup'] }, LOOKUP_PASSWORD),
    ...DIRECTORY_PEOPLE.map((p) =>
      entry(
        personDn(p.uid),
        { objectClass: ['inetOrgPerson'], uid: [p.uid], cn: [p.cn], mail: [`${p.uid}@example.com`] },
        'password' in p ? p.password : `${p.uid}-pass`,
      ),
    ),
    ...DIRECTORY_GROUPS.map((g) =>
      entry(`cn=${g.cn},${GROUPS_BASE}`, {
        objectClass: ['groupOfNames'],
        cn: [g.cn],
        description: [g.description],
        member: g.members.map(personDn),
      }),
    ),
  ];
  return { config: presetLdapConfig(), directory: { host: DIRECTORY_HOST, plainPort: 389, ldapsPort: 636, entries } };
}
