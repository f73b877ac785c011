import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { groupQueries } from '@/api/groups.ts';
import { userQueries } from '@/api/users.ts';
import { createBulkRun, type BulkRun, type BulkSnapshot } from '@/lib/bulk-runner.ts';


/** Runs a bulk action and re-renders on every item's result; caches are refreshed when a pass ends. */
export function useBulkRun() {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<{ title: string; run: BulkRun<string> } | null>(null);
  const current = run?.run;
  const subscribe = useCallback((listener: () => void) => (current ? current.subscribe(listener) : () => undefined), [current]);
  const snapshot: BulkSnapshot<string> | null = useSyncExternalStore(subscribe, () => current?.getSnapshot() ?? null);

  const refresh = useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: userQueries.all() }),
      queryClient.invalidateQueries({ queryKey: groupQueries.all() }),
    ]);
  }, [queryClient]);

  const start = useCallback(
    (title: string, uids: readonly string[], action: (uid: string, signal: AbortSignal) => Promise<void>) => {
      const next = createBulkRun(uids, action, { concurrency: 4, key: (uid) => uid });
      setRun({ title, run: next });
      void next.start().then(refresh);
    },
    [refresh],
  );
  const retryFailed = useCallback(() => {
    void run?.run.retryFailed().then(refresh);
  }, [run, refresh]);

  return {
    title: run?.title ?? '',
    snapshot,
    start,
    retryFailed,
    cancel: () => run?.run.cancel(),
    close: () => setRun(null),
  };
}
