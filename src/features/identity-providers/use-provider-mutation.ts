import { useMutation, useQueryClient } from '@tanstack/react-query';
import { providerQueries } from '@/api/providers.ts';
import { useToast } from '@/ui/toast.tsx';

/** A change to a provider: a toast confirms it and every cached provider answer (lists, details) is refreshed. */
export function useProviderMutation<V>(mutationFn: (variables: V) => Promise<void>, success: (variables: V) => string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn,
    onSuccess: async (_data, variables) => {
      toast.show(success(variables));
      await queryClient.invalidateQueries({ queryKey: providerQueries.all() });
    },
  });
}
