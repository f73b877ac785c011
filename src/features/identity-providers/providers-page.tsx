import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { providerQueries, type ProviderSummary } from '@/api/providers.ts';
import { settingsPaths } from '@/lib/paths.ts';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { DeleteProviderDialog } from './delete-provider-dialog.tsx';
import { MissingPermission } from '@/ui/missing-permission.tsx';
import { SettingsNav } from '@/ui/settings-nav.tsx';
import { CONFIGURE, useMayConfigure } from './use-may-configure.ts';

const PROTOCOL = { oidc: 'OpenID Connect', saml: 'SAML 2.0' } as const;

export function ProvidersPage() {
  const providers = useQuery(providerQueries.list());
  const [deleting, setDeleting] = useState<ProviderSummary | null>(null);
  const mayConfigure = useMayConfigure() !== false;
  return (
    <>
      <title>Identity providers · Settings · DC/OS Security Console</title>
      <SettingsNav />
      <div className="page-head">
        <h1>Identity providers</h1>
        {mayConfigure && (
          <div className="actions">
            <Link className="btn btn-primary" to={settingsPaths.newProvider('oidc')}>
              Add OIDC provider
            </Link>
            <Link className="btn" to={settingsPaths.newProvider('saml')}>
              Add SAML provider
            </Link>
          </div>
        )}
      </div>
      {!mayConfigure && <MissingPermission what="Adding, changing or deleting identity providers" rid={CONFIGURE.rid} action={CONFIGURE.action} />}
      <p className="muted">People sign in with these from the sign-in page; the first time, their account is created as an external one.</p>
      {providers.isPending ? (
        <LoadingState>Loading identity providers…</LoadingState>
      ) : providers.isError ? (
        <ErrorState title="Could not load the identity providers" error={providers.error} onRetry={() => void providers.refetch()} retrying={providers.isFetching} />
      ) : providers.data.length === 0 ? (
        <div className="card">
          <p>No identity provider is configured: people sign in with a local account or, if configured, the directory.</p>
        </div>
      ) : (
        <table className="simple-table">
          <caption className="visually-hidden">Configured identity providers</caption>
          <thead>
            <tr>
              <th scope="col">Sign-in button</th>
              <th scope="col">ID</th>
              <th scope="col">Protocol</th>
              {mayConfigure && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {providers.data.map((p) => (
              <tr key={`${p.kind}/${p.id}`}>
                <td>
                  <Link to={settingsPaths.provider(p.kind, p.id)}>Sign in with {p.description}</Link>
                </td>
                <td className="mono">{p.id}</td>
                <td>{PROTOCOL[p.kind]}</td>
                {mayConfigure && (
                  <td>
                    <button type="button" className="btn btn-small btn-danger" aria-label={`Delete provider ${p.id}`} onClick={() => setDeleting(p)}>
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DeleteProviderDialog provider={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
