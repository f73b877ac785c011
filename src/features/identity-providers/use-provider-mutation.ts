import { providerQueries } from '@/api/providers.ts';
import { useChange } from '@/ui/use-change.ts';

/** A change to a provider: a toast confirms it and every cached provider answer (lists, details) is refreshed. */
export function useProviderMutation<V>(mutationFn: (variables: V) => Promise<void>, success: (variables: V) => string) {
  return useChange(mutationFn, success, [providerQueries.all()]);
}
