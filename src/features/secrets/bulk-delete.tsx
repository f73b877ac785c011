import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { secretQueries } from '@/api/secrets.ts';
import { BulkPanel } from '@/ui/bulk-panel.tsx';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { LeaveGuard } from '@/ui/leave-guard.tsx';
import { useBulkRun } from '@/ui/use-bulk-run.ts';

/** Deletes the selected secrets with per-item results and Retry failed. */
export function BulkDelete({ paths, remove, onDone }: { paths: readonly string[]; remove: (path: string) => Promise<void>; onDone: () => void }) {
  const queryClient = useQueryClient();
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: secretQueries.all() }), [queryClient]);
  const bulk = useBulkRun(refresh);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button type="button" className="btn" disabled={paths.length === 0 || bulk.running} onClick={() => setConfirming(true)}>
        Delete selected…
      </button>
      <ConfirmDialog
        title={`Delete ${paths.length} secret${paths.length === 1 ? '' : 's'}?`}
        isOpen={confirming}
        onClose={() => setConfirming(false)}
        confirmLabel={`Delete ${paths.length} secret${paths.length === 1 ? '' : 's'}`}
        onConfirm={() => {
          bulk.start(`Deleting ${paths.length} secrets`, paths, (path) => remove(path));
          onDone();
          return Promise.resolve();
        }}
      >
        <p>
          {paths.slice(0, 5).join(', ')}
          {paths.length > 5 ? ` and ${paths.length - 5} more` : ''}: services that read them will fail to start. This cannot be undone.
        </p>
      </ConfirmDialog>
      {bulk.snapshot && <BulkPanel title={bulk.title} snapshot={bulk.snapshot} onRetry={bulk.retryFailed} onCancel={bulk.cancel} onClose={bulk.close} />}
      <LeaveGuard active={bulk.running} onLeave={bulk.cancel} what="the deletion" />
    </>
  );
}
