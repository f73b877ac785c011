import { useMemo, useState } from 'react';
import { orgPaths } from '@/lib/paths.ts';
import { AccountList } from '../shared/account-list.tsx';
import { BulkRunArea } from '../shared/bulk-run.tsx';
import { lazyDialog } from '@/ui/lazy-dialog.tsx';

// Not needed for the list to show: fetched once the page is idle.
const CreateUserDialog = lazyDialog(async () => (await import('./create-user-dialog.tsx')).CreateUserDialog);
const LdapImportDialog = lazyDialog(async () => (await import('../shared/ldap-import-dialog.tsx')).LdapImportDialog);

const NOUN = { one: 'user', many: 'users' };

export function UsersPage() {
  const [creating, setCreating] = useState(false);
  // One identity: the list's empty state offers it.
  const create = useMemo(() => ({ label: 'Create user', onCreate: () => setCreating(true) }), []);
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
        <AccountList type="user" noun={NOUN} detailPath={orgPaths.user} csvFilename="dcos-users.csv" create={create} />
      </BulkRunArea>
      <CreateUserDialog isOpen={creating} onClose={() => setCreating(false)} />
      <LdapImportDialog kind="user" isOpen={importing} onClose={() => setImporting(false)} />
    </>
  );
}
