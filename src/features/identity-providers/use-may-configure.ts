import { useQuery } from '@tanstack/react-query';
import { allows, IAM_RID, ownPermissionsQuery } from '@/api/users.ts';
import { readSessionInfo } from '@/lib/session.ts';

/** What every change to identity providers needs: Admin Router's gate for the IAM, `full`. */
export const CONFIGURE = { rid: IAM_RID, action: 'full' } as const;

/**
 * Whether the signed-in account may add, change or delete identity providers; undefined while unknown. The provider
 * lists are public (the sign-in page reads them), so an account without the IAM's permission reaches these pages and
 * was offered forms it could never save (issue 19).
 */
export function useMayConfigure(): boolean | undefined {
  const permissions = useQuery(ownPermissionsQuery(readSessionInfo()?.uid ?? '')).data;
  return permissions === undefined ? undefined : allows(permissions, CONFIGURE.rid, CONFIGURE.action);
}
