import type { QueryClient } from '@tanstack/react-query';
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { isApiError } from '@/api/errors.ts';
import { userQueries } from '@/api/users.ts';
import { paths } from '@/lib/paths.ts';
import { expireSessionInfo, readSessionInfo, type SessionInfo } from '@/lib/session.ts';

export const PROTECTED_ROUTE_ID = 'protected';

/**
 * Loader of every signed-in page: without a session, go to sign-in and come back here afterwards. The session is
 * confirmed by reading the account's own permissions, which every account may do and which gates the UI.
 */
export function requireSession(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs): Promise<SessionInfo> => {
    const url = new URL(request.url);
    const here = `${url.pathname}${url.search}`;
    const session = readSessionInfo();
    if (!session) throw redirect(paths.login(here));
    try {
      await queryClient.query(userQueries.permissions(session.uid));
    } catch (error) {
      if (isApiError(error, 'unauthenticated')) {
        expireSessionInfo();
        queryClient.clear();
        throw redirect(paths.login(here));
      }
      throw error;
    }
    return session;
  };
}
