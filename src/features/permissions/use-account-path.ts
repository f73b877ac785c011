import { useQuery } from '@tanstack/react-query';
import { isSystemAccount, userQueries, type User } from '@/api/users.ts';
import { orgPaths, type UserTab } from '@/lib/paths.ts';

// Module-level so the Set is rebuilt only when the list changes, not on every render.
const uidsOf = (list: User[]) => new Set(list.map((account) => account.uid));

/**
 * The page of an account named only by its uid (ACL holders, the checker): the IAM's ACL answers do not say whether a
 * uid is a service account, so the (cached) service-account list decides; until it answers, or when it cannot be read,
 * the `dcos_` prefix does, since component accounts are always service accounts.
 */
export function useAccountPath() {
  const services = useQuery({ ...userQueries.list('service'), select: uidsOf });
  return (uid: string, tab: UserTab = 'details') =>
    (services.data?.has(uid) ?? isSystemAccount(uid)) ? orgPaths.serviceAccount(uid, tab) : orgPaths.user(uid, tab);
}
