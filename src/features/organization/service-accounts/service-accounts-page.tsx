import { useState } from 'react';
import { orgPaths } from '@/lib/paths.ts';
import { AccountList, type AccountListActions } from '../shared/account-list.tsx';
import { BulkActions } from '../shared/bulk-actions.tsx';
import { BulkRunArea } from '../shared/bulk-run.tsx';
import { ExportCsvButton } from '../shared/export-csv-button.tsx';
import { lazyDialog } from '@/ui/lazy-dialog.tsx';

// Not needed for the list to show: fetched once the page is idle.
const CreateServiceAccountDialog = lazyDialog(async () => (await import('./create-service-account-dialog.tsx')).CreateServiceAccountDialog);

const NOUN = { one: 'service account', many: 'service accounts' };

/** At module level: one identity, so the list's memoized toolbar is not rebuilt on every render of the page. */
function renderActions({ visible, selected, clearSelection }: AccountListActions) {
  return (
    <>
      <BulkActions selected={selected} onDone={clearSelection} noun="service accounts" />
      <ExportCsvButton rows={visible} filename="dcos-service-accounts.csv" />
    </>
  );
}

export function ServiceAccountsPage() {
  const [creating, setCreating] = useState(false);
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
        Accounts marked <span className="badge badge-system">system</span> (ID starting with dcos_) belong to DC/OS components;
        changing them may break the cluster.
      </p>
      <BulkRunArea>
        <AccountList
          type="service"
          noun={NOUN}
          detailPath={orgPaths.serviceAccount}
          renderActions={renderActions}
        />
      </BulkRunArea>
      <CreateServiceAccountDialog isOpen={creating} onClose={() => setCreating(false)} />
    </>
  );
}
