import { groupQueries } from '@/api/groups.ts';
import { userQueries } from '@/api/users.ts';
import { useChange } from '@/ui/use-change.ts';

/** A write to users, groups or memberships: everything cached about users and groups refreshes (a membership shows on both sides). */
export function useOrgMutation<V>(mutationFn: (variables: V) => Promise<void>, success: (variables: V) => string) {
  return useChange(mutationFn, success, [userQueries.all(), groupQueries.all()]);
}
