// What the IAM does against its directory back-end, played against the simulated one: connect (host, port, LDAPS or
// StartTLS), bind, search with the configured templates. Each step fails the way a real one would, with a code and a
// description the config test shows (the test's failure codes are the simulator's own: the IAM's are not public).
import type { DirectoryEntry, LdapConfig, SimDirectory } from '../db/directory.ts';
import { escapeFilterValue, matchesFilter, parseFilter } from './ldap-filter.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: string; description: string };

const fail = <T>(code: string, description: string): Outcome<T> => ({ ok: false, code, description });
const done = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const USERNAME = '%(username)s';
export const GROUPNAME = '%(groupname)s';

/** DNs compare without case and without the spaces around `,` and `=`. */
export function normalizeDn(dn: string): string {
  return dn
    .split(',')
    .map((rdn) => rdn.split('=').map((part) => part.trim().toLowerCase()).join('='))
    .join(',');
}

/** Escapes a value for a DN (RFC 4514), so a username cannot add RDNs to the DN template. */
function escapeDnValue(value: string): string {
  return value.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`).replace(/^[ #]|[ ]$/g, (c) => `\\${c}`);
}

function entryAt(directory: SimDirectory, dn: string): DirectoryEntry | undefined {
  const wanted = normalizeDn(dn);
  return directory.entries.find((e) => normalizeDn(e.dn) === wanted);
}

/** Opens the connection the configuration describes; the directory listens on 389 (StartTLS offered) and 636 (LDAPS). */
function connect(config: LdapConfig, directory: SimDirectory): Outcome<null> {
  const where = `${config.host}:${config.port}`;
  if (config.host.trim().toLowerCase() !== directory.host) return fail('CONNECTION_FAILED', `Could not connect to ${where}: name or service not known.`);
  if (config['use-ldaps']) {
    if (config.port === directory.ldapsPort) return done(null);
    if (config.port === directory.plainPort) return fail('TLS_FAILED', `TLS handshake with ${where} failed: the server does not speak LDAPS on this port.`);
  } else {
    if (config.port === directory.plainPort) return done(null);
    if (config.port === directory.ldapsPort) return fail('CONNECTION_FAILED', `${where} closed the connection: it expects TLS from the start (LDAPS).`);
  }
  return fail('CONNECTION_FAILED', `Could not connect to ${where}: connection refused.`);
}

function bind(directory: SimDirectory, dn: string, password: string): boolean {
  const entry = entryAt(directory, dn);
  return entry?.password !== undefined && password !== '' && entry.password === password;
}

function search(directory: SimDirectory, base: string, filterText: string): Outcome<DirectoryEntry[]> {
  let filter;
  try {
    filter = parseFilter(filterText);
  } catch (error) {
    return fail('SEARCH_FAILED', (error as Error).message);
  }
  const suffix = normalizeDn(base);
  return done(directory.entries.filter((e) => {
    const dn = normalizeDn(e.dn);
    return (dn === suffix || dn.endsWith(`,${suffix}`)) && matchesFilter(e.attributes, filter);
  }));
}

/** The lookup bind of search-bind mode (anonymous without a lookup DN). */
function lookupBind(config: LdapConfig, directory: SimDirectory): Outcome<null> {
  const dn = config['lookup-dn'];
  if (dn === undefined) return done(null);
  return bind(directory, dn, config['lookup-password'] ?? '')
    ? done(null)
    : fail('LOOKUP_BIND_FAILED', `The directory refused the lookup credentials for ${dn}.`);
}

/** The directory entry behind a username, by the DN template or by the user search. */
export function findUser(config: LdapConfig, directory: SimDirectory, username: string): Outcome<DirectoryEntry> {
  const connected = connect(config, directory);
  if (!connected.ok) return connected;
  if (config.dntemplate !== undefined) {
    const dn = config.dntemplate.replaceAll(USERNAME, escapeDnValue(username));
    const entry = entryAt(directory, dn);
    return entry ? done(entry) : fail('USER_NOT_FOUND', `No directory entry at ${dn}.`);
  }
  const userSearch = config['user-search'];
  if (!userSearch) return fail('CONFIG_INCOMPLETE', 'The configuration has neither a DN template nor a user search.');
  const looked = lookupBind(config, directory);
  if (!looked.ok) return looked;
  const filter = userSearch['search-filter-template'].replaceAll(USERNAME, escapeFilterValue(username));
  const found = search(directory, userSearch['search-base'], filter);
  if (!found.ok) return found;
  const [entry, ...more] = found.value;
  if (!entry) return fail('USER_NOT_FOUND', `No entry under ${userSearch['search-base']} matches ${filter}.`);
  if (more.length > 0) return fail('USER_NOT_UNIQUE', `${found.value.length} entries under ${userSearch['search-base']} match ${filter}.`);
  return done(entry);
}

/** Verifies a username and password the way an LDAP sign-in does: find the entry, then bind as it. */
export function authenticate(config: LdapConfig, directory: SimDirectory, username: string, password: string): Outcome<DirectoryEntry> {
  const found = findUser(config, directory, username);
  if (!found.ok) return found;
  return bind(directory, found.value.dn, password)
    ? found
    : fail('AUTHENTICATION_FAILED', `The directory refused the password for ${found.value.dn}.`);
}

/** The attribute usernames live in: the one the user filter or DN template puts `%(username)s` into. */
export function usernameAttribute(config: LdapConfig): string {
  const template = config.dntemplate ?? config['user-search']?.['search-filter-template'] ?? '';
  const match = /([A-Za-z][\w-]*)\s*=\s*%\(username\)s/.exec(template);
  return (match?.[1] ?? 'uid').toLowerCase();
}

export function firstValue(entry: DirectoryEntry, attribute: string): string | undefined {
  return entry.attributes.get(attribute.toLowerCase())?.[0];
}

/** The group entry for a name, by the group search. */
export function findGroup(config: LdapConfig, directory: SimDirectory, groupname: string): Outcome<DirectoryEntry> {
  const groupSearch = config['group-search'];
  if (!groupSearch) return fail('CONFIG_INCOMPLETE', 'The configuration has no group search.');
  const connected = connect(config, directory);
  if (!connected.ok) return connected;
  const looked = lookupBind(config, directory);
  if (!looked.ok) return looked;
  const filter = groupSearch['search-filter-template'].replaceAll(GROUPNAME, escapeFilterValue(groupname));
  const found = search(directory, groupSearch['search-base'], filter);
  if (!found.ok) return found;
  const group = found.value[0];
  return group ? done(group) : fail('GROUP_NOT_FOUND', `No entry under ${groupSearch['search-base']} matches ${filter}.`);
}

/** A group's members as directory entries or, for values naming no entry, as the raw value (reported as failed). */
export function groupMembers(config: LdapConfig, directory: SimDirectory, group: DirectoryEntry): (DirectoryEntry | string)[] {
  const attributes = config['group-search']?.['member-attributes'] ?? ['member', 'uniqueMember', 'memberUid'];
  const members: (DirectoryEntry | string)[] = [];
  for (const attribute of attributes) {
    for (const value of group.attributes.get(attribute.toLowerCase()) ?? []) {
      // `member`/`uniqueMember` hold DNs; `memberUid` holds usernames.
      const entry = value.includes('=') ? entryAt(directory, value) : findUser(config, directory, value);
      if (entry === undefined) members.push(value);
      else if ('ok' in entry) members.push(entry.ok ? entry.value : value);
      else members.push(entry);
    }
  }
  return members;
}
