import { useQuery } from '@tanstack/react-query';
import { hasSuperuser, userQueries } from '@/api/users.ts';
import { readSessionInfo } from '@/lib/session.ts';

/** Seal and unseal are for superusers; others see the state only. */
export function useIsSuperuser(): boolean {
  const uid = readSessionInfo()?.uid ?? '';
  const permissions = useQuery({ ...userQueries.permissions(uid), enabled: uid !== '' });
  return permissions.data !== undefined && hasSuperuser(permissions.data);
}
