import { orgPaths } from '@/lib/paths.ts';
import { AccountDetail } from '../shared/account-detail.tsx';
import { UserDetails } from './user-details.tsx';

export function UserDetailPage() {
  return (
    <AccountDetail
      noun="user"
      listLabel="Users"
      listPath={orgPaths.users()}
      pathFor={orgPaths.user}
      renderDetails={(user) => <UserDetails user={user} />}
    />
  );
}
