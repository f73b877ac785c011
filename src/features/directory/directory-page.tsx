import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { deleteLdapConfig, ldapQueries } from '@/api/ldap.ts';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { SettingsNav } from '@/ui/settings-nav.tsx';
import { useToast } from '@/ui/toast.tsx';
import { LdapForm } from './ldap-form.tsx';
import { EMPTY_LDAP_VALUES, ldapValues } from './ldap-form-schema.ts';
import { TestConnection } from './test-connection.tsx';

export function DirectoryPage() {
  const config = useQuery(ldapQueries.config());
  const queryClient = useQueryClient();
  const toast = useToast();
  const [deleting, setDeleting] = useState(false);
  const remove = useMutation({
    mutationFn: deleteLdapConfig,
    onSuccess: async () => {
      toast.show('Deleted the LDAP configuration: directory users can no longer sign in.');
      await queryClient.invalidateQueries({ queryKey: ldapQueries.all() });
    },
  });
  const stored = config.data ?? null;
  return (
    <>
      <title>Directory (LDAP) · Settings · DC/OS Security Console</title>
      <div className="page-head">
        <h1>Directory (LDAP)</h1>
        {stored && (
          <div className="actions">
            <button type="button" className="btn btn-danger" onClick={() => setDeleting(true)}>
              Delete configuration
            </button>
          </div>
        )}
      </div>
      <SettingsNav />
      {config.isPending ? (
        <LoadingState>Loading the LDAP configuration…</LoadingState>
      ) : config.isError ? (
        <ErrorState
          title="Could not load the LDAP configuration"
          error={config.error}
          onRetry={() => void config.refetch()}
          retrying={config.isFetching}
        />
      ) : (
        <div className="stack">
          <p className="muted">
            {stored
              ? `LDAP sign-in is on: people in the directory at ${stored.host} sign in with their directory username and password, and are imported on first sign-in. Users and groups can also be imported from the Users and Groups pages.`
              : 'No directory is configured: only local accounts and identity providers can sign in. Describe your LDAP server below to turn LDAP sign-in on.'}
          </p>
          <LdapForm
            key={stored ? 'stored' : 'new'}
            initial={stored ? ldapValues(stored) : EMPTY_LDAP_VALUES}
            hasStoredPassword={stored?.hasLookupPassword ?? false}
            exists={stored !== null}
          />
          {stored && <TestConnection />}
        </div>
      )}
      <ConfirmDialog
        isOpen={deleting}
        title="Delete the LDAP configuration?"
        confirmLabel="Delete configuration"
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutateAsync()}
      >
        <p>
          Directory users can no longer sign in, and nothing can be imported. Accounts already imported stay, with their
          groups and permissions.
        </p>
      </ConfirmDialog>
    </>
  );
}
