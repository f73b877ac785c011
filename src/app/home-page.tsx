import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { metadataQueries } from '@/api/metadata.ts';
import { hasSuperuser, userQueries } from '@/api/users.ts';
import { MODE_SUMMARY } from '@/features/security-mode/mode-info.ts';
import { useSession } from './use-session.ts';

export function HomePage() {
  const session = useSession();
  const permissions = useSuspenseQuery(userQueries.permissions(session.uid)).data;
  const config = useQuery(metadataQueries.bootstrapConfig());
  const uiConfig = useQuery(metadataQueries.uiConfig());
  const grants = permissions.direct.length + permissions.groups.length;

  return (
    <>
      <title>Overview · DC/OS Security Console</title>
      <h1>Overview</h1>
      <div className="grid-2">
        <section className="card" aria-labelledby="account-heading">
          <h2 id="account-heading">Signed-in account</h2>
          <dl className="props">
            <dt>User ID</dt>
            <dd>{session.uid}</dd>
            <dt>Description</dt>
            <dd>{session.description || '—'}</dd>
            <dt>Origin</dt>
            <dd>{session.is_remote ? 'External (single sign-on or directory)' : 'Local account'}</dd>
            <dt>Access</dt>
            <dd>
              {hasSuperuser(permissions)
                ? 'Superuser: unrestricted access'
                : `${grants} permission${grants === 1 ? '' : 's'}`}
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="mode-heading">
          <h2 id="mode-heading">Cluster security</h2>
          {config.isSuccess ? (
            <>
              <p className="mode-name">{config.data.security}</p>
              <p>{MODE_SUMMARY[config.data.security]}</p>
            </>
          ) : (
            <p className="muted">{config.isError ? `Unknown: ${config.error.message}` : 'Reading…'}</p>
          )}
          <dl className="props">
            <dt>Cluster ID</dt>
            <dd className="mono">
              {uiConfig.isSuccess ? (
                uiConfig.data.clusterConfiguration.id
              ) : uiConfig.isError ? (
                <span className="muted">Unknown: {uiConfig.error.message}</span>
              ) : (
                '…'
              )}
            </dd>
          </dl>
        </section>
      </div>
    </>
  );
}
