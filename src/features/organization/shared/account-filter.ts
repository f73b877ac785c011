import { originOf, type User } from '@/api/users.ts';

export const ORIGIN_FILTERS = ['all', 'local', 'external'] as const;
export type OriginFilter = (typeof ORIGIN_FILTERS)[number];

/** What the search box matches: an account's ID or description (any case). */
export const accountSearchFields = (user: User) => [user.uid, user.description];

/** The origin filter as a row test (null: every account); one identity per filter, so the list keeps its rows. */
export const ORIGIN_KEEP: Readonly<Record<OriginFilter, ((user: User) => boolean) | null>> = {
  all: null,
  local: (user) => originOf(user) === 'local',
  external: (user) => originOf(user) !== 'local',
};
