export type BulkStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled';

interface BulkItemBase<T> {
  readonly key: string;
  readonly item: T;
}

/** One input item and where it stands; only failures carry a message. */
export type BulkItem<T> = BulkItemBase<T> &
  ({ readonly status: 'failed'; readonly error: string } | { readonly status: Exclude<BulkStatus, 'failed'> });

export interface BulkCounts {
  readonly total: number;
  readonly pending: number;
  readonly running: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly cancelled: number;
}

export interface BulkSnapshot<T> {
  /** In input order, whatever order the actions finished in. */
  readonly items: readonly BulkItem<T>[];
  readonly counts: BulkCounts;
  /** A run (`start` or `retryFailed`) is under way: some item is pending or running. */
  readonly running: boolean;
  /** The last run has finished: every item it covered succeeded, failed or was cancelled. */
  readonly done: boolean;
}

export interface BulkOptions<T> {
  /** Stable, unique per item; it names the item in results. */
  key: (item: T) => string;
  /** Most actions in flight at once; default 4, so 500 items do not become 500 simultaneous requests. */
  concurrency?: number;
  /** The message kept for a failed item; default the Error's message. */
  describeError?: (error: unknown) => string;
}

export interface BulkRun<T> {
  /** Runs every item; resolves with the final snapshot and never rejects. Later calls return the latest run. */
  start(): Promise<BulkSnapshot<T>>;
  /** Runs the failed items again, keeping successes; while a run is under way, returns that run instead. */
  retryFailed(): Promise<BulkSnapshot<T>>;
  /**
   * Starts nothing more: pending items become cancelled at once, running ones see their signal abort and end as
   * cancelled if their action rejects (or succeeded if it completed anyway). The run resolves once they settle.
   */
  cancel(): void;
  /** The same object until the next change, as `useSyncExternalStore` requires. */
  getSnapshot(): BulkSnapshot<T>;
  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export const DEFAULT_BULK_CONCURRENCY = 4;

function defaultDescribeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs `action` once per item with at most `concurrency` in flight, recording each item's outcome. Nothing runs
 * until `start()`. Throws at creation on duplicate keys (results are reported by key, so two items with one key
 * would make them ambiguous) and on a concurrency that is not a positive integer.
 */
export function createBulkRun<T>(
  items: readonly T[],
  action: (item: T, signal: AbortSignal) => Promise<void>,
  options: BulkOptions<T>,
): BulkRun<T> {
  const concurrency = options.concurrency ?? DEFAULT_BULK_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`Bulk concurrency must be a positive integer, not ${concurrency}.`);
  }
  const describeError = options.describeError ?? defaultDescribeError;

  const seen = new Set<string>();
  const states: BulkItem<T>[] = items.map((item) => {
    const key = options.key(item);
    if (seen.has(key)) throw new Error(`Duplicate bulk item key: ${JSON.stringify(key)}.`);
    seen.add(key);
    return Object.freeze({ key, item, status: 'pending' });
  });

  const listeners = new Set<() => void>();
  let snapshot: BulkSnapshot<T> | undefined;
  let controller: AbortController | undefined;
  let current: Promise<BulkSnapshot<T>> | undefined;
  let done = false;

  function count(): BulkCounts {
    const counts = { total: states.length, pending: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0 };
    for (const state of states) counts[state.status] += 1;
    return Object.freeze(counts);
  }

  // Built on the first read after a change, so changes nobody reads cost no copy of the list.
  function getSnapshot(): BulkSnapshot<T> {
    snapshot ??= Object.freeze({
      items: Object.freeze([...states]),
      counts: count(),
      running: controller !== undefined,
      done,
    });
    return snapshot;
  }

  function changed(): void {
    snapshot = undefined;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        // A broken listener must not wedge the run, nor vanish silently.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  function put(index: number, next: BulkItem<T>): void {
    states[index] = Object.freeze(next);
  }

  function describe(error: unknown): string {
    try {
      return describeError(error);
    } catch {
      return defaultDescribeError(error);
    }
  }

  async function runOne(index: number, signal: AbortSignal): Promise<void> {
    const state = states[index];
    if (!state) return;
    const { key, item } = state;
    put(index, { key, item, status: 'running' });
    changed();
    try {
      // Inside the try, so an action that throws synchronously instead of rejecting is caught the same way.
      await action(item, signal);
      // It completed, abort or not: the change happened, and the results must not say otherwise.
      put(index, { key, item, status: 'succeeded' });
    } catch (error) {
      // Once aborted, a rejection is most likely the abort itself, whatever error it carries.
      put(
        index,
        signal.aborted ? { key, item, status: 'cancelled' } : { key, item, status: 'failed', error: describe(error) },
      );
    }
    changed();
  }

  async function run(indices: readonly number[]): Promise<BulkSnapshot<T>> {
    const runController = new AbortController();
    controller = runController;
    done = false;
    for (const index of indices) {
      const state = states[index];
      if (state && state.status !== 'pending') put(index, { key: state.key, item: state.item, status: 'pending' });
    }
    changed();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (!runController.signal.aborted) {
        const index = indices[next];
        if (index === undefined) return;
        next += 1;
        await runOne(index, runController.signal);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, indices.length) }, worker));
    controller = undefined;
    done = true;
    changed();
    return getSnapshot();
  }

  function start(): Promise<BulkSnapshot<T>> {
    current ??= run(states.map((_, index) => index));
    return current;
  }

  function retryFailed(): Promise<BulkSnapshot<T>> {
    if (!current) return Promise.resolve(getSnapshot());
    if (controller) return current;
    const failed = states.flatMap((state, index) => (state.status === 'failed' ? [index] : []));
    if (failed.length === 0) return current;
    current = run(failed);
    return current;
  }

  function cancel(): void {
    if (!controller) {
      if (current) return;
      // Cancelled before it started: nothing will ever run.
      states.forEach((state, index) => {
        put(index, { key: state.key, item: state.item, status: 'cancelled' });
      });
      done = true;
      changed();
      current = Promise.resolve(getSnapshot());
      return;
    }
    if (controller.signal.aborted) return;
    states.forEach((state, index) => {
      if (state.status === 'pending') put(index, { key: state.key, item: state.item, status: 'cancelled' });
    });
    controller.abort();
    changed();
  }

  return {
    start,
    retryFailed,
    cancel,
    getSnapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
