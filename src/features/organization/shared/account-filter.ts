import { originOf, type User } from '@/api/users.ts';

export const ORIGIN_FILTERS = ['all', 'local', 'external'] as const;
export type OriginFilter = (typeof ORIGIN_FILTERS)[number];

/** Each account with its ID and description in lower case, worked out once per list (not per account per keystroke). */
const searchKeys = new WeakMap<readonly User[], readonly { user: User; uid: string; description: string }[]>();

/** The accounts matching the search and the origin filter, in the given order; the list itself when all match. */
export function filterAccounts(users: readonly User[], query: string, filter: OriginFilter): readonly User[] {
  if (query === '' && filter === 'all') return users;
  let keyed = searchKeys.get(users);
  if (!keyed) searchKeys.set(users, (keyed = users.map((user) => ({ user, uid: user.uid.toLowerCase(), description: user.description.toLowerCase() }))));
  const out: User[] = [];
  for (const { user, uid, description } of keyed) {
    if (filter !== 'all' && (originOf(user) === 'local') !== (filter === 'local')) continue;
    if (query === '' || uid.includes(query) || description.includes(query)) out.push(user);
  }
  return out;
}
