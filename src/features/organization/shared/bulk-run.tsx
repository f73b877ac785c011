import { useQueryClient } from '@tanstack/react-query';
import { createContext, use, useCallback, useMemo, type ReactNode } from 'react';
import { groupQueries } from '@/api/groups.ts';
import { userQueries } from '@/api/users.ts';
import { BulkPanel } from '@/ui/bulk-panel.tsx';
import { LeaveGuard } from '@/ui/leave-guard.tsx';
import { useBulkRun } from '@/ui/use-bulk-run.ts';

interface BulkRunApi {
  start: ReturnType<typeof useBulkRun>['start'];
  running: boolean;
}

const BulkRunContext = createContext<BulkRunApi | null>(null);

/**
 * Owns a page's bulk run and shows its progress above the list, outside the list's search toolbar: the run and its
 * results outlive the toolbar, which goes away when the list fails to reload (as it may right after a run, which
 * refreshes it). The buttons that start a run sit in the toolbar and reach it through context.
 */
export function BulkRunArea({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  // Stable: the bulk runner keeps it for the whole run.
  const refresh = useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userQueries.all() }),
        queryClient.invalidateQueries({ queryKey: groupQueries.all() }),
      ]),
    [queryClient],
  );
  const bulk = useBulkRun(refresh);
  const { start, running } = bulk;
  // Only a change of `running` reaches the toolbar's buttons, not every item's progress.
  const api = useMemo(() => ({ start, running }), [start, running]);
  return (
    <BulkRunContext value={api}>
      {bulk.snapshot && (
        <BulkPanel
          title={bulk.title}
          snapshot={bulk.snapshot}
          onRetry={bulk.retryFailed}
          onCancel={bulk.cancel}
          onClose={bulk.close}
        />
      )}
      {children}
      <LeaveGuard active={running} onLeave={bulk.cancel} what="the bulk action" />
    </BulkRunContext>
  );
}

export function useBulkRunArea(): BulkRunApi {
  const api = use(BulkRunContext);
  if (!api) throw new Error('useBulkRunArea needs a BulkRunArea around it.');
  return api;
}
