import { useQuery } from '@tanstack/react-query';
import { isApiError } from '@/api/errors.ts';
import { metadataQueries } from '@/api/metadata.ts';
import { ShieldIcon } from '@/ui/icons.tsx';
import { MODE_SUMMARY } from './mode-info.ts';

/**
 * The cluster's security mode on every signed-in page, in colour and in words, in one of two places (never both, so
 * there is always exactly one "Security mode" region): strict mode, the safe one, as a compact chip in the header
 * (`SecurityModeChip`); permissive and disabled, which weaken the cluster, and a mode that could not be read, as a
 * full-width banner under it (`SecurityModeBanner`).
 */
function useSecurityMode() {
  return useQuery(metadataQueries.bootstrapConfig());
}

/** Reading again can help only when the cluster or the network failed: not a missing permission or an ended session. */
function mayHelpToRetry(error: Error): boolean {
  return !isApiError(error) || error.kind === 'unavailable' || error.kind === 'malformed';
}

/** The header's part: strict mode, and the mode while it is being read (a chip, so the page does not move when it arrives). */
export function SecurityModeChip() {
  const config = useSecurityMode();
  if (config.isPending) {
    return (
      <section className="mode-chip mode-unknown" aria-label="Security mode" aria-busy="true">
        <span aria-hidden="true">Mode…</span>
        <span className="visually-hidden">Reading the cluster&apos;s security mode…</span>
      </section>
    );
  }
  if (config.isError || config.data.security !== 'strict') return null;
  const mode = config.data.security;
  // The sentence is there for screen readers and, as a tooltip, for the pointer; the chip shows the mode's name.
  return (
    <section className={`mode-chip mode-${mode}`} aria-label="Security mode" title={MODE_SUMMARY[mode]}>
      <ShieldIcon />
      <span className="mode-name">
        {mode}
        <span className="mode-chip-word"> mode</span>
      </span>
      <span className="visually-hidden">. {MODE_SUMMARY[mode]}</span>
    </section>
  );
}

/** The banner under the header: a mode that weakens the cluster, or why the mode is unknown. */
export function SecurityModeBanner() {
  const config = useSecurityMode();
  if (config.isPending) return null;
  if (config.isError) {
    const forbidden = isApiError(config.error, 'forbidden');
    const reason = forbidden
      ? 'Your account may not read the cluster’s bootstrap configuration (dcos:adminrouter:ops:metadata).'
      : config.error.message;
    return (
      <section className="mode-banner mode-unknown" aria-label="Security mode">
        <p>
          <span className="mode-name">Security mode unknown.</span> {reason}
        </p>
        {mayHelpToRetry(config.error) && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void config.refetch()}
            disabled={config.isFetching}
          >
            {config.isFetching ? 'Retrying…' : 'Retry'}
          </button>
        )}
      </section>
    );
  }
  const mode = config.data.security;
  if (mode === 'strict') return null;
  return (
    <section className={`mode-banner mode-${mode}`} aria-label="Security mode">
      <p>
        <span className="mode-name">{mode} mode.</span> {MODE_SUMMARY[mode]}
      </p>
    </section>
  );
}
