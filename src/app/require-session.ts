import type { QueryClient } from '@tanstack/react-query';
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { isApiError } from '@/api/errors.ts';
import { metadataQueries } from '@/api/metadata.ts';
import { secretQueries } from '@/api/secrets.ts';
import { userQueries } from '@/api/users.ts';
import { paths } from '@/lib/paths.ts';
import {
  expireSessionInfo,
  forgetSessionExpiry,
  knownSession,
  readSessionInfo,
  rememberSession,
  sessionExpiresAt,
  type SessionInfo,
} from '@/lib/session.ts';
import { appPath } from '@/lib/base.ts';

/**
 * Loader of every signed-in page: without a session, go to sign-in and come back here afterwards. The session is
 * confirmed by reading the account's own permissions, which every account may do and which gates the UI.
 */
export function requireSession(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs): Promise<SessionInfo> => {
    const url = new URL(request.url);
    // The IAM sends a failed single sign-on back to `/?iam-error=<reason>`. The page that ends single sign-on tells the
    // page that opened the re-authentication popup, or else passes the reason on to the sign-in page.
    const ssoError = url.searchParams.get('iam-error');
    if (ssoError !== null)
      throw redirect(`${paths.ssoDone()}?${new URLSearchParams({ 'iam-error': ssoError }).toString()}`);
    // The request's URL is the address bar's, mount included; the sign-in page's redirect is an in-app path.
    const here = `${appPath(url.pathname) ?? '/'}${url.search}`;
    // The info cookie ends with the session; the account this tab had lets an ended session be renewed in place.
    const session = readSessionInfo() ?? knownSession();
    if (!session) throw redirect(paths.login(here));
    // What the shell reads on every page (security-mode banner, sealed notice) travels alongside the session check
    // and the page's code instead of after them, the first time only: afterwards the shell keeps them current itself,
    // and a navigation should not ask again. Errors stay in the cache for the shell to explain.
    const config = metadataQueries.bootstrapConfig();
    if (!queryClient.getQueryState(config.queryKey)) queryClient.query(config).catch(() => undefined);
    const seal = secretQueries.sealStatus();
    if (!queryClient.getQueryState(seal.queryKey)) queryClient.query(seal).catch(() => undefined);
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
    // A session that works cannot have ended: a past end belongs to an earlier session (one begun elsewhere, whose end
    // the console was never told), so no warning should count down from it.
    const expiresAt = sessionExpiresAt();
    if (expiresAt !== null && expiresAt <= Date.now()) forgetSessionExpiry();
    const current = readSessionInfo() ?? session;
    rememberSession(current);
    return current;
  };
}
