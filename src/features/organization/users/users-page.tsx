import { useState } from 'react';
import { orgPaths } from '@/lib/paths.ts';
import { AccountList, type AccountListActions } from '../shared/account-list.tsx';
import { BulkActions } from '../shared/bulk-actions.tsx';
import { BulkRunArea } from '../shared/bulk-run.tsx';
import { ExportCsvButton } from '../shared/export-csv-button.tsx';
import { lazyDialog } from '@/ui/lazy-dialog.tsx';

// Not needed for the list to show: fetched once the page is idle.
const CreateUserDialog = lazyDialog(async () => (await import('./create-user-dialog.tsx')).CreateUserDialog);
const LdapImportDialog = lazyDialog(async () => (await import('../shared/ldap-import-dialog.tsx')).LdapImportDialog);

const NOUN = { one: 'user', many: 'users' };

/** At module level: one identity, so the list's memoized toolbar is not rebuilt on every render of the page. */
function renderActions({ visible, selected, clearSelection }: AccountListActions) {
  return (
    <>
      <BulkActions selected={selected} onDone={clearSelection} noun="users" />
      <ExportCsvButton rows={visible} filename="dcos-users.csv" />
    </>
  );
}

export function UsersPage() {
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  return (
    <>
      <title>Users · DC/OS Security Console</title>
      <div className="page-head">
        <h1>Users</h1>
        <div className="actions">
          <button type="button" className="btn" onClick={() => setImporting(true)}>
            Import from LDAP
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            Create user
          </button>
        </div>
      </div>
      <BulkRunArea>
        <AccountList
          type="user"
          noun={NOUN}
          detailPath={orgPaths.user}
          renderActions={renderActions}
        />
      </BulkRunArea>
      <CreateUserDialog isOpen={creating} onClose={() => setCreating(false)} />
      <LdapImportDialog kind="user" isOpen={importing} onClose={() => setImporting(false)} />
    </>
  );
}
