/**
 * Runs `work` over `items`, at most `limit` at once, results in input order. The IAM has no bulk reads, so the IAM
 * file's export and the access review read per group and per ACL through this.
 *
 * The first failure stops the run: the other workers start nothing more, and the signal handed to `work` is aborted so
 * the requests still in flight are cancelled too (otherwise thousands of reads would go on beside a retry). An abort of
 * `signal` does the same.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  work: (item: T, signal: AbortSignal) => Promise<R>,
  onEach?: () => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const stop = new AbortController();
  const follow = () => stop.abort(signal.reason);
  if (signal.aborted) follow();
  else signal.addEventListener('abort', follow, { once: true });
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      stop.signal.throwIfAborted();
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, stop.signal);
      onEach?.();
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.min(limit, items.length) }, async () => {
        try {
          await worker();
        } catch (error) {
          if (!stop.signal.aborted) stop.abort(error);
          throw error;
        }
      }),
    );
  } finally {
    signal.removeEventListener('abort', follow);
  }
  return results;
}
