import { useQuery } from '@tanstack/react-query';
import { allows, hasSuperuser, ownPermissionsQuery } from '@/api/users.ts';
import { secretRid } from '@/lib/rid.ts';
import { readSessionInfo } from '@/lib/session.ts';

/** The signed-in account's permissions (read by the session check already, so from the cache); undefined while unknown. */
function useOwnPermissions() {
  return useQuery(ownPermissionsQuery(readSessionInfo()?.uid ?? '')).data;
}

/** Seal and unseal are for superusers; others see the state only. */
export function useIsSuperuser(): boolean {
  const permissions = useOwnPermissions();
  return permissions !== undefined && hasSuperuser(permissions);
}

/**
 * What the signed-in account may do with one secret (issue 19: alice, who may only read a secret, was offered Delete
 * and Replace). `undefined` while the permissions are unknown: the actions then show, and the store still decides.
 */
export function useSecretAccess(path: string): Record<'read' | 'update' | 'delete', boolean | undefined> {
  const permissions = useOwnPermissions();
  const may = (action: string) =>
    permissions === undefined ? undefined : allows(permissions, secretRid(path), action);
  return { read: may('read'), update: may('update'), delete: may('delete') };
}
