import { useCallback, useState, useSyncExternalStore } from 'react';
import { createBulkRun, type BulkRun, type BulkSnapshot } from '@/lib/bulk-runner.ts';

/**
 * Runs a bulk action over string keys (4 at a time) and re-renders on every item's result. `onPassEnd` runs after the
 * first pass and after each Retry failed (e.g. to refresh cached lists). `describeError` words an item's failure
 * (by default its message).
 */
export function useBulkRun(onPassEnd: () => Promise<unknown>, describeError?: (error: unknown) => string) {
  const [run, setRun] = useState<{ title: string; run: BulkRun<string> } | null>(null);
  const current = run?.run;
  // Stable for useSyncExternalStore: a new subscribe would resubscribe on every render.
  const subscribe = useCallback(
    (listener: () => void) => (current ? current.subscribe(listener) : () => undefined),
    [current],
  );
  const snapshot: BulkSnapshot<string> | null = useSyncExternalStore(subscribe, () => current?.getSnapshot() ?? null);

  // start and retryFailed reach memoized toolbars and selection bars: stable so a progress tick renders neither.
  const start = useCallback(
    (title: string, keys: readonly string[], action: (key: string, signal: AbortSignal) => Promise<void>) => {
      const next = createBulkRun(keys, action, {
        concurrency: 4,
        key: (key) => key,
        ...(describeError ? { describeError } : {}),
      });
      setRun({ title, run: next });
      void next.start().then(onPassEnd);
    },
    [onPassEnd, describeError],
  );
  const retryFailed = useCallback(() => {
    void current?.retryFailed().then(onPassEnd);
  }, [current, onPassEnd]);

  return {
    title: run?.title ?? '',
    snapshot,
    running: snapshot !== null && !snapshot.done,
    start,
    retryFailed,
    cancel: () => current?.cancel(),
    close: () => setRun(null),
  };
}
