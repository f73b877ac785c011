import { useMutation, useQueryClient } from '@tanstack/react-query';
import { groupQueries } from '@/api/groups.ts';
import { userQueries } from '@/api/users.ts';
import { useToast } from '@/ui/toast.tsx';

/**
 * A write to users, groups or memberships: on success everything cached about users and groups is refreshed (a
 * membership shows on both sides) and a toast confirms; failures stay with the caller, which shows them in place.
 */
export function useOrgMutation<V>(mutationFn: (variables: V) => Promise<void>, success: (variables: V) => string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn,
    onSuccess: async (_data, variables) => {
      toast.show(success(variables));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: userQueries.all() }),
        queryClient.invalidateQueries({ queryKey: groupQueries.all() }),
      ]);
    },
  });
}
