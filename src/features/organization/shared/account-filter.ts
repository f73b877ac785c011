import { originOf, type User } from '@/api/users.ts';
import { filterByText } from '@/lib/text-search.ts';

export const ORIGIN_FILTERS = ['all', 'local', 'external'] as const;
export type OriginFilter = (typeof ORIGIN_FILTERS)[number];

const searchFields = (user: User) => [user.uid, user.description];

/** The accounts whose ID or description holds the search (any case) and that pass the origin filter, in order. */
export function filterAccounts(users: readonly User[], query: string, filter: OriginFilter): readonly User[] {
  const matching = filterByText(users, query, searchFields);
  if (filter === 'all') return matching;
  return matching.filter((user) => (originOf(user) === 'local') === (filter === 'local'));
}
