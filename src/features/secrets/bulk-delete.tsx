import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useState } from 'react';
import { secretQueries } from '@/api/secrets.ts';
import { BulkPanel } from '@/ui/bulk-panel.tsx';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { LeaveGuard } from '@/ui/leave-guard.tsx';
import { SelectionBar } from '@/ui/list-parts.tsx';
import { useBulkRun } from '@/ui/use-bulk-run.ts';

interface BulkDeleteProps {
  /** Rows selected in view (folders too): the selection bar shows while there are any. */
  count: number;
  /** The selected secrets, which Delete acts on. */
  paths: readonly string[];
  remove: (path: string) => Promise<void>;
  onClear: () => void;
}

/**
 * The selection bar of the secrets list (Delete selected…, Clear selection), and the deletion's progress with
 * per-item results and Retry failed. Always mounted: the run outlives the selection it started from.
 */
export const BulkDelete = memo(function BulkDelete({ count, paths, remove, onClear }: BulkDeleteProps) {
  const queryClient = useQueryClient();
  // Stable: the bulk runner keeps it for the whole run.
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: secretQueries.all() }), [queryClient]);
  const bulk = useBulkRun(refresh);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      {bulk.snapshot && (
        <BulkPanel
          title={bulk.title}
          snapshot={bulk.snapshot}
          onRetry={bulk.retryFailed}
          onCancel={bulk.cancel}
          onClose={bulk.close}
        />
      )}
      <SelectionBar count={count} onClear={onClear}>
        <div className="bulk-actions" role="group" aria-label="Bulk actions">
          <button
            type="button"
            className="btn"
            disabled={paths.length === 0 || bulk.running}
            onClick={() => setConfirming(true)}
          >
            Delete selected…
          </button>
        </div>
      </SelectionBar>
      <ConfirmDialog
        title={`Delete ${paths.length} secret${paths.length === 1 ? '' : 's'}?`}
        isOpen={confirming}
        onClose={() => setConfirming(false)}
        confirmLabel={`Delete ${paths.length} secret${paths.length === 1 ? '' : 's'}`}
        onConfirm={() => {
          bulk.start(`Deleting ${paths.length} secrets`, paths, (path) => remove(path));
          onClear();
          return Promise.resolve();
        }}
      >
        <p>
          {paths.slice(0, 5).join(', ')}
          {paths.length > 5 ? ` and ${paths.length - 5} more` : ''}: services that read them will fail to start. This
          cannot be undone.
        </p>
      </ConfirmDialog>
      <LeaveGuard active={bulk.running} onLeave={bulk.cancel} what="the deletion" />
    </>
  );
});
