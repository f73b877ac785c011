// What the IAM does against its directory back-end, played against the simulated one: connect (host, port, LDAPS or
// StartTLS), bind, search with the configured templates. Each step fails the way a real one would, with a code and a
// description the config test shows (the test's failure codes are the simulator's own: the IAM's are not public).
import type { DirectoryEntry, LdapConfig, SimDirectory } from '../db/directory.ts';
import { escapeFilterValue, matchesFilter, parseFilter } from './ldap-filter.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: string; description: string };

export const fail = <T>(code: string, description: string): Outcome<T> => ({ ok: false, code, description });
export const done = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const USERNAME = '%(username)s';
export const GROUPNAME = '%(groupname)s';

/** DNs compare without case and without the spaces around `,` and `=`. */
export function normalizeDn(dn: string): string {
  return dn
    .split(',')
    .map((rdn) =>
      rdn
        .split('=')
        .map((part) => part.trim().toLowerCase())
        .join('='),
    )
    .join(',');
}

/** Escapes a value for a DN (RFC 4514), so a username cannot add RDNs to the DN template. */
function escapeDnValue(value: string): string {
  return value.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`).replace(/^[ #]|[ ]$/g, (c) => `\\${c}`);
}

export function entryAt(directory: SimDirectory, dn: string): DirectoryEntry | undefined {
  const wanted = normalizeDn(dn);
  return directory.entries.find((e) => normalizeDn(e.dn) === wanted);
}

/** Opens the connection the configuration describes; the directory listens on 389 (StartTLS offered) and 636 (LDAPS). */
export function connect(config: LdapConfig, directory: SimDirectory): Outcome<null> {
  const where = `${config.host}:${config.port}`;
  if (config.host.trim().toLowerCase() !== directory.host)
    return fail('CONNECTION_FAILED', `Could not connect to ${where}: name or service not known.`);
  if (config['use-ldaps']) {
    if (config.port === directory.ldapsPort) return done(null);
    if (config.port === directory.plainPort)
      return fail('TLS_FAILED', `TLS handshake with ${where} failed: the server does not speak LDAPS on this port.`);
  } else {
    if (config.port === directory.plainPort) return done(null);
    if (config.port === directory.ldapsPort)
      return fail('CONNECTION_FAILED', `${where} closed the connection: it expects TLS from the start (LDAPS).`);
  }
  return fail('CONNECTION_FAILED', `Could not connect to ${where}: connection refused.`);
}

function bind(directory: SimDirectory, dn: string, password: string): boolean {
  const entry = entryAt(directory, dn);
  return entry?.password !== undefined && password !== '' && entry.password === password;
}

export function search(directory: SimDirectory, base: string, filterText: string): Outcome<DirectoryEntry[]> {
  let filter;
  try {
    filter = parseFilter(filterText);
  } catch (error) {
    return fail('SEARCH_FAILED', (error as Error).message);
  }
  const suffix = normalizeDn(base);
  return done(
    directory.entries.filter((e) => {
      const dn = normalizeDn(e.dn);
      return (dn === suffix || dn.endsWith(`,${suffix}`)) && matchesFilter(e.attributes, filter);
    }),
  );
}

/** The lookup bind of search-bind mode (anonymous without a lookup DN). */
export function lookupBind(config: LdapConfig, directory: SimDirectory): Outcome<null> {
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
  if (more.length > 0)
    return fail('USER_NOT_UNIQUE', `${found.value.length} entries under ${userSearch['search-base']} match ${filter}.`);
  return done(entry);
}

/** Verifies a username and password the way an LDAP sign-in does: find the entry, then bind as it. */
export function authenticate(
  config: LdapConfig,
  directory: SimDirectory,
  username: string,
  password: string,
): Outcome<DirectoryEntry> {
  const found = findUser(config, directory, username);
  if (!found.ok) return found;
  return bind(directory, found.value.dn, password)
    ? found
    : fail('AUTHENTICATION_FAILED', `The directory refused the password for ${found.value.dn}.`);
}

export function firstValue(entry: DirectoryEntry, attribute: string): string | undefined {
  return entry.attributes.get(attribute.toLowerCase())?.[0];
}
