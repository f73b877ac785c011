import { useMutation, useQueryClient } from '@tanstack/react-query';
import { aclQueries } from '@/api/acls.ts';
import { groupQueries } from '@/api/groups.ts';
import { userQueries } from '@/api/users.ts';
import { useToast } from '@/ui/toast.tsx';

/** Everything that shows permissions: an account's, a group's (and so its members'), and the ACL pages. */
export function useRefreshPermissions() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: userQueries.all() }),
      queryClient.invalidateQueries({ queryKey: groupQueries.all() }),
      queryClient.invalidateQueries({ queryKey: aclQueries.all() }),
    ]);
}

/** A grant or revoke: on success a toast, and every view of permissions refreshes; failures stay with the caller. */
export function usePermissionChange<V>(mutationFn: (variables: V) => Promise<void>, success: (variables: V) => string) {
  const refresh = useRefreshPermissions();
  const toast = useToast();
  return useMutation({
    mutationFn,
    onSuccess: async (_data, variables) => {
      toast.show(success(variables));
      await refresh();
    },
  });
}
