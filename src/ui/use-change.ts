import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useToast } from './toast.tsx';

/**
 * A write the user asked for: on success a toast confirms and every cached query under `refresh` is refetched (a change
 * shows wherever it appears); failures stay with the caller, which shows them in place and keeps the form.
 */
export function useChange<V>(
  mutationFn: (variables: V) => Promise<void>,
  success: (variables: V) => string,
  refresh: readonly QueryKey[],
) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn,
    onSuccess: async (_data, variables) => {
      toast.show(success(variables));
      await Promise.all(refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
