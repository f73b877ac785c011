import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { providerQueries, type ProviderSummary } from '@/api/providers.ts';
import { settingsPaths } from '@/lib/paths.ts';
import { sortProviders } from '@/lib/provider-order.ts';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { DeleteProviderDialog } from './delete-provider-dialog.tsx';
import { MissingPermission } from '@/ui/missing-permission.tsx';
import { SettingsNav } from '@/ui/settings-nav.tsx';
import { CONFIGURE, useMayConfigure } from './use-may-configure.ts';

const PROTOCOL = { oidc: 'OpenID Connect', saml: 'SAML 2.0' } as const;

function AddLinks() {
  return (
    <>
      <Link className="btn btn-primary" to={settingsPaths.newProvider('oidc')}>
        Add OIDC provider
      </Link>
      <Link className="btn" to={settingsPaths.newProvider('saml')}>
        Add SAML provider
      </Link>
    </>
  );
}

export function ProvidersPage() {
  const providers = useQuery(providerQueries.list());
  const [deleting, setDeleting] = useState<ProviderSummary | null>(null);
  const mayConfigure = useMayConfigure() !== false;
  const none = providers.isSuccess && providers.data.length === 0;
  return (
    <>
      <title>Identity providers · Settings · DC/OS Security Console</title>
      <div className="page-head">
        <h1>Identity providers</h1>
        {/* With none yet, the empty state below carries the two actions instead. */}
        {mayConfigure && !none && (
          <div className="actions">
            <AddLinks />
          </div>
        )}
      </div>
      <SettingsNav />
      {!mayConfigure && (
        <MissingPermission
          what="Adding, changing or deleting identity providers"
          rid={CONFIGURE.rid}
          action={CONFIGURE.action}
        />
      )}
      <p className="muted">
        People sign in with these from the sign-in page, which lists them in this order; the first time, their account
        is created as an external one.
      </p>
      {providers.isPending ? (
        <LoadingState>Loading identity providers…</LoadingState>
      ) : providers.isError ? (
        <ErrorState
          title="Could not load the identity providers"
          error={providers.error}
          onRetry={() => void providers.refetch()}
          retrying={providers.isFetching}
        />
      ) : none ? (
        <section className="card empty-state" aria-labelledby="no-providers">
          <h2 id="no-providers">No identity provider yet</h2>
          <p>
            People sign in with a local account or, if configured, the directory. Add a provider to offer “Sign in with
            …” on the sign-in page.
          </p>
          {mayConfigure && (
            <div className="empty-state-actions">
              <AddLinks />
            </div>
          )}
        </section>
      ) : (
        <table className="simple-table providers-table">
          <caption className="visually-hidden">Configured identity providers</caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Protocol</th>
              <th scope="col">Sign-in button</th>
              {mayConfigure && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {/* The sign-in page's order (lib/provider-order.ts): what is first here is first there. */}
            {sortProviders(providers.data).map((p) => (
              <tr key={`${p.kind}/${p.id}`}>
                <td>
                  {/* Named as the admin knows it, ID and description; the link opens its settings, it signs nobody in. */}
                  <Link
                    to={settingsPaths.provider(p.kind, p.id)}
                    aria-label={`${mayConfigure ? 'Edit' : 'View'} ${p.id} — ${p.description}`}
                  >
                    <span className="mono">{p.id}</span> — {p.description}
                  </Link>
                </td>
                <td>{PROTOCOL[p.kind]}</td>
                <td className="muted">Sign in with {p.description}</td>
                {mayConfigure && (
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn btn-quiet btn-small"
                      aria-label={`Delete provider ${p.id}`}
                      onClick={() => setDeleting(p)}
                    >
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
