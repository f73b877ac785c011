import { useRouteLoaderData } from 'react-router';
import type { SessionInfo } from '@/lib/session.ts';
import { PROTECTED_ROUTE_ID } from './route-ids.ts';

/** The signed-in account, on any page under the protected route. */
export function useSession(): SessionInfo {
  const session = useRouteLoaderData<SessionInfo>(PROTECTED_ROUTE_ID);
  if (!session) throw new Error('useSession() used outside the signed-in routes');
  return session;
}
