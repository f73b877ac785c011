import type { QueryClient } from '@tanstack/react-query';
import { holdEarlyResponse } from '@/api/early-responses.ts';
import { groupQueries } from '@/api/groups.ts';
import { secretListPath, secretQueries } from '@/api/secrets.ts';
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
  /**
   * As the secrets page does: a sealed store is not asked for its list (an unreadable seal status does not stop it).
   * The list theme-init.js asked for early is held meanwhile, and used only if the store is open.
   */
  secrets: async (queryClient: QueryClient): Promise<unknown> => {
    const release = holdEarlyResponse(secretListPath());
    const seal = await queryClient.query(secretQueries.sealStatus()).catch(() => undefined);
    if (seal?.sealed) return undefined;
    release?.();
    return queryClient.query(secretQueries.list());
  },
} satisfies Record<string, (queryClient: QueryClient) => Promise<unknown>>;
