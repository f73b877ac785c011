import { useQueryClient } from '@tanstack/react-query';
import { aclQueries } from '@/api/acls.ts';
import { groupQueries } from '@/api/groups.ts';
import { userQueries } from '@/api/users.ts';
import { useChange } from '@/ui/use-change.ts';

/** Everything that shows permissions: an account's, a group's (and so its members'), and the ACL pages. */
const PERMISSION_VIEWS = [userQueries.all(), groupQueries.all(), aclQueries.all()];

export function useRefreshPermissions() {
  const queryClient = useQueryClient();
  return () => Promise.all(PERMISSION_VIEWS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** A grant or revoke: a toast, and every view of permissions refreshes; failures stay with the caller. */
export function usePermissionChange<V>(mutationFn: (variables: V) => Promise<void>, success: (variables: V) => string) {
  return useChange(mutationFn, success, PERMISSION_VIEWS);
}
