import type { QueryClient } from '@tanstack/react-query';
import { groupQueries } from '@/api/groups.ts';
import { secretQueries } from '@/api/secrets.ts';
import { userQueries } from '@/api/users.ts';

// What the signed-in routes' loaders run (src/app/router.tsx imports this module when one runs). It travels with the
// shell ("frame", build/plugins/chunk-plan.ts), not in the entry: the sign-in page neither downloads nor evaluates the API modules
// and their schemas, and a signed-in page needs the shell's code anyway before it can show anything.
export { requireSession } from './require-session.ts';

/** Each list page's first read (router.tsx `prefetching`). */
export const firstReads = {
  users: (queryClient: QueryClient) => queryClient.query(userQueries.list('user')),
  groups: (queryClient: QueryClient) => queryClient.query(groupQueries.list()),
  serviceAccounts: (queryClient: QueryClient) => queryClient.query(userQueries.list('service')),
  /** As the secrets page does: a sealed store is not asked for its list (an unreadable seal status does not stop it). */
  secrets: async (queryClient: QueryClient): Promise<unknown> => {
    const seal = await queryClient.query(secretQueries.sealStatus()).catch(() => undefined);
    return seal?.sealed ? undefined : queryClient.query(secretQueries.list());
  },
} satisfies Record<string, (queryClient: QueryClient) => Promise<unknown>>;
