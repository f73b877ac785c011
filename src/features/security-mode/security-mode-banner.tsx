import { useQuery } from '@tanstack/react-query';
import { isApiError } from '@/api/errors.ts';
import { metadataQueries } from '@/api/metadata.ts';
import { MODE_SUMMARY } from './mode-info.ts';

/** The cluster's security mode on every signed-in page, in colour and in words. */
export function SecurityModeBanner() {
  const config = useQuery(metadataQueries.bootstrapConfig());

  if (config.isPending) {
    return (
      <section className="mode-banner mode-unknown" aria-label="Security mode" aria-busy="true">
        <p>Reading the cluster&apos;s security mode…</p>
      </section>
    );
  }
  if (config.isError) {
    const reason = isApiError(config.error, 'forbidden')
      ? 'Your account may not read the cluster’s bootstrap configuration (dcos:adminrouter:ops:metadata).'
      : config.error.message;
    return (
      <section className="mode-banner mode-unknown" aria-label="Security mode">
        <p>
          <span className="mode-name">Security mode unknown.</span> {reason}
        </p>
        <button type="button" className="btn btn-small" onClick={() => void config.refetch()} disabled={config.isFetching}>
          {config.isFetching ? 'Retrying…' : 'Retry'}
        </button>
      </section>
    );
  }
  const mode = config.data.security;
  return (
    <section className={`mode-banner mode-${mode}`} aria-label="Security mode">
      <p>
        <span className="mode-name">{mode} mode.</span> {MODE_SUMMARY[mode]}
      </p>
    </section>
  );
}
