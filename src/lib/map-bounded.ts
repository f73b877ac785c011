/**
 * Runs `work` over `items`, at most `limit` at once, results in input order; stops on the first failure or abort.
 * The IAM has no bulk reads, so the IAM file's export and the access review read per group and per ACL through this.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  work: (item: T) => Promise<R>,
  onEach?: () => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      signal.throwIfAborted();
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
      onEach?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
