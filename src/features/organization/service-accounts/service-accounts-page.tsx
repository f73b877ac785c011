import { useMemo, useState } from 'react';
import { orgPaths } from '@/lib/paths.ts';
import { AccountList } from '../shared/account-list.tsx';
import { BulkRunArea } from '../shared/bulk-run.tsx';
import { lazyDialog } from '@/ui/lazy-dialog.tsx';

// Not needed for the list to show: fetched once the page is idle.
const CreateServiceAccountDialog = lazyDialog(
  async () => (await import('./create-service-account-dialog.tsx')).CreateServiceAccountDialog,
);

const NOUN = { one: 'service account', many: 'service accounts' };

export function ServiceAccountsPage() {
  const [creating, setCreating] = useState(false);
  // One identity: the list's empty state offers it.
  const create = useMemo(() => ({ label: 'Create service account', onCreate: () => setCreating(true) }), []);
  return (
    <>
      <title>Service accounts · DC/OS Security Console</title>
      <div className="page-head">
        <h1>Service accounts</h1>
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            Create service account
          </button>
        </div>
      </div>
      <p className="muted">
        Accounts marked <span className="badge badge-system">system</span> (ID starting with dcos_) belong to DC/OS
        components; changing them may break the cluster.
      </p>
      <BulkRunArea>
        <AccountList
          type="service"
          noun={NOUN}
          detailPath={orgPaths.serviceAccount}
          csvFilename="dcos-service-accounts.csv"
          create={create}
        />
      </BulkRunArea>
      <CreateServiceAccountDialog isOpen={creating} onClose={() => setCreating(false)} />
    </>
  );
}
