import { orgPaths } from '@/lib/paths.ts';
import { AccountDetail } from '../shared/account-detail.tsx';
import { ServiceAccountDetails } from './service-account-details.tsx';

export function ServiceAccountDetailPage() {
  return (
    <AccountDetail
      noun="service account"
      listLabel="Service accounts"
      listPath={orgPaths.serviceAccounts()}
      pathFor={orgPaths.serviceAccount}
      renderDetails={(account) => <ServiceAccountDetails account={account} />}
    />
  );
}
