import type { BulkSnapshot } from '@/lib/bulk-runner.ts';

/** How each item's state reads in a bulk run's results (also the IAM file's apply results). */
export const STATUS_LABELS = {
  pending: 'Waiting',
  running: 'Working…',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
} as const;

/** Progress and per-item results of a bulk action, with Retry failed. It cannot be closed while work is running. */
export function BulkPanel({
  title,
  snapshot,
  onRetry,
  onCancel,
  onClose,
}: {
  title: string;
  snapshot: BulkSnapshot<string>;
  onRetry: () => void;
  onCancel: () => void;
  onClose: () => void;
}) {
  const { counts, done, items } = snapshot;
  const finished = counts.succeeded + counts.failed + counts.cancelled;
  return (
    <section className="card bulk-panel" aria-label="Bulk action progress">
      <h2>{title}</h2>
      <progress max={items.length} value={finished} aria-label="Progress">
        {finished} of {items.length}
      </progress>
      <p role="status">
        {done ? 'Finished: ' : `${finished} of ${items.length} processed: `}
        {counts.succeeded} succeeded, {counts.failed} failed
        {counts.cancelled > 0 ? `, ${counts.cancelled} cancelled` : ''}.
      </p>
      <ul className="bulk-results" aria-label="Results">
        {items.map((item) => (
          <li key={item.key} className={`bulk-${item.status}`}>
            <span className="mono">{item.key}</span> <span>{STATUS_LABELS[item.status]}</span>
            {item.status === 'failed' && <span className="field-error">: {item.error}</span>}
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        {!done && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel the rest
          </button>
        )}
        {done && counts.failed > 0 && (
          <button type="button" className="btn btn-primary" onClick={onRetry}>
            Retry failed ({counts.failed})
          </button>
        )}
        <button type="button" className="btn" onClick={onClose} disabled={!done}>
          Close
        </button>
      </div>
    </section>
  );
}
