import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/api/errors.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Only a cluster that could not answer is worth asking again; a 4xx or a wrong shape will not change.
        retry: (failures, error) => failures < 2 && isApiError(error, 'unavailable'),
        // A page the account may not use shows the access-denied page (route error boundary) rather than a fragment.
        throwOnError: (error) => isApiError(error, 'forbidden'),
      },
      mutations: { retry: false },
    },
  });
}
