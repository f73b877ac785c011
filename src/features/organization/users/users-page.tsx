import { useState } from 'react';
import { orgPaths } from '@/lib/paths.ts';
import { AccountList } from '../shared/account-list.tsx';
import { BulkActions } from '../shared/bulk-actions.tsx';
import { ExportCsvButton } from '../shared/export-csv-button.tsx';
import { LdapImportDialog } from '../shared/ldap-import-dialog.tsx';
import { CreateUserDialog } from './create-user-dialog.tsx';

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
      <AccountList
        type="user"
        noun={{ one: 'user', many: 'users' }}
        detailPath={orgPaths.user}
        renderActions={({ visible, selected, clearSelection }) => (
          <>
            <BulkActions selected={selected} onDone={clearSelection} noun="users" />
            <ExportCsvButton rows={visible} filename="dcos-users.csv" />
          </>
        )}
      />
      <CreateUserDialog isOpen={creating} onClose={() => setCreating(false)} />
      <LdapImportDialog kind="user" isOpen={importing} onClose={() => setImporting(false)} />
    </>
  );
}
