import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '@/api/errors.ts';
import { providerQueries } from '@/api/providers.ts';
import { settingsPaths } from '@/lib/paths.ts';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { DeleteProviderDialog } from './delete-provider-dialog.tsx';
import { OidcForm } from './oidc-form.tsx';
import { oidcValues, samlValues } from './provider-schemas.ts';
import { SamlForm } from './saml-form.tsx';
import { SamlUrls } from './saml-urls.tsx';

const PROTOCOL = { oidc: 'OpenID Connect', saml: 'SAML 2.0' } as const;

function Frame({ id, children }: { id: string; children: ReactNode }) {
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={settingsPaths.providers()}>Identity providers</Link> / <span aria-current="page">{id}</span>
      </nav>
      {children}
    </>
  );
}

function ProviderPage({ kind, id }: { kind: 'oidc' | 'saml'; id: string }) {
  const navigate = useNavigate();
  const oidc = useQuery({ ...providerQueries.oidc(id), enabled: kind === 'oidc' });
  const saml = useQuery({ ...providerQueries.saml(id), enabled: kind === 'saml' });
  const [deleting, setDeleting] = useState(false);
  const query = kind === 'oidc' ? oidc : saml;
  // Every state names the page in an h1 (the id is known from the URL), so a screen reader user knows where they are.
  const heading = (
    <div className="page-head">
      <h1>{id}</h1>
    </div>
  );
  if (query.isPending)
    return (
      <>
        {heading}
        <LoadingState>Loading {id}…</LoadingState>
      </>
    );
  if (query.isError) {
    return isApiError(query.error, 'not-found') ? (
      <div className="alert alert-error" role="alert">
        <h1 className="alert-title">
          No {PROTOCOL[kind]} provider “{id}”
        </h1>
        <p>
          It may have been deleted. <Link to={settingsPaths.providers()}>Back to identity providers</Link>
        </p>
      </div>
    ) : (
      <>
        {heading}
        <ErrorState
          title={`Could not load ${id}`}
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </>
    );
  }
  const description = query.data.description;
  return (
    <>
      <title>{`${id} · Identity providers · DC/OS Security Console`}</title>
      <div className="page-head">
        <h1>
          {id} <span className="badge">{PROTOCOL[kind]}</span>
        </h1>
        <div className="actions">
          <button type="button" className="btn btn-danger" onClick={() => setDeleting(true)}>
            Delete provider
          </button>
        </div>
      </div>
      <div className="stack">
        {saml.isSuccess && <SamlUrls id={id} spBaseUrl={saml.data.sp_base_url} />}
        {oidc.isSuccess && (
          <OidcForm
            key={id}
            mode="update"
            initial={oidcValues(id, oidc.data)}
            hasClientSecret={oidc.data.hasClientSecret}
            onSaved={() => undefined}
          />
        )}
        {saml.isSuccess && (
          <SamlForm key={id} mode="update" initial={samlValues(id, saml.data)} onSaved={() => undefined} />
        )}
      </div>
      <DeleteProviderDialog
        provider={deleting ? { kind, id, description } : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => void navigate(settingsPaths.providers())}
      />
    </>
  );
}

export function ProviderEditPage() {
  const { kind = '', id = '' } = useParams();
  if (kind !== 'oidc' && kind !== 'saml') {
    return (
      <Frame id={id}>
        <div className="alert alert-error" role="alert">
          <h1 className="alert-title">Providers are OIDC or SAML</h1>
          <p>
            <Link to={settingsPaths.providers()}>Back to identity providers</Link>
          </p>
        </div>
      </Frame>
    );
  }
  return (
    <Frame id={id}>
      <ProviderPage key={`${kind}/${id}`} kind={kind} id={id} />
    </Frame>
  );
}
