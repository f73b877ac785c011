import { Link, useNavigate, useParams } from 'react-router';
import { settingsPaths } from '@/lib/paths.ts';
import { OidcForm } from './oidc-form.tsx';
import { emptyOidcValues, emptySamlValues } from './provider-schemas.ts';
import { SamlForm } from './saml-form.tsx';
import { MissingPermission } from '@/ui/missing-permission.tsx';
import { CONFIGURE, useMayConfigure } from './use-may-configure.ts';

export function ProviderCreatePage() {
  const { kind } = useParams();
  const navigate = useNavigate();
  const origin = window.location.origin;
  const mayConfigure = useMayConfigure();
  const title =
    kind === 'oidc'
      ? 'New OpenID Connect provider'
      : kind === 'saml'
        ? 'New SAML 2.0 provider'
        : 'Unknown provider type';
  const breadcrumbs = (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      <Link to={settingsPaths.providers()}>Identity providers</Link> / <span aria-current="page">New</span>
    </nav>
  );
  return (
    <>
      <title>{`${title} · Settings · DC/OS Security Console`}</title>
      {breadcrumbs}
      <h1>{title}</h1>
      {mayConfigure === false && (kind === 'oidc' || kind === 'saml') ? (
        <MissingPermission what="Adding an identity provider" rid={CONFIGURE.rid} action={CONFIGURE.action} />
      ) : kind === 'oidc' ? (
        <OidcForm
          mode="create"
          initial={emptyOidcValues(origin)}
          onSaved={(id) => void navigate(settingsPaths.provider('oidc', id))}
        />
      ) : kind === 'saml' ? (
        <SamlForm
          mode="create"
          initial={emptySamlValues(origin)}
          onSaved={(id) => void navigate(settingsPaths.provider('saml', id))}
        />
      ) : (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">Providers are OIDC or SAML.</p>
          <p>
            <Link to={settingsPaths.providers()}>Back to identity providers</Link>
          </p>
        </div>
      )}
    </>
  );
}
