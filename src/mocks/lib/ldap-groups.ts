// Group import against the simulated directory: find a group with the configured group search, list its members, and
// tell which attribute holds a member's username.
import type { DirectoryEntry, LdapConfig, SimDirectory } from '../db/directory.ts';
import { escapeFilterValue } from './ldap-filter.ts';
import {
  GROUPNAME,
  connect,
  done,
  entryAt,
  fail,
  findUser,
  lookupBind,
  search,
  type Outcome,
} from './ldap-directory.ts';

/** The attribute usernames live in: the one the user filter or DN template puts `%(username)s` into. */
export function usernameAttribute(config: LdapConfig): string {
  const template = config.dntemplate ?? config['user-search']?.['search-filter-template'] ?? '';
  const match = /([A-Za-z][\w-]*)\s*=\s*%\(username\)s/.exec(template);
  return (match?.[1] ?? 'uid').toLowerCase();
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
  return group
    ? done(group)
    : fail('GROUP_NOT_FOUND', `No entry under ${groupSearch['search-base']} matches ${filter}.`);
}

/** A group's members as directory entries or, for values naming no entry, as the raw value (reported as failed). */
export function groupMembers(
  config: LdapConfig,
  directory: SimDirectory,
  group: DirectoryEntry,
): (DirectoryEntry | string)[] {
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
