/**
 * The order of a long list by one column, worked out once per list, column and collation, and kept while the list
 * lives (a list page sorts the same cached query data on every visit).
 *
 * Up to PROGRESSIVE_FROM rows it is sorted at once. Beyond that (100,000 users from an LDAP-synced directory: the IAM
 * has no paging), a full sort takes a second of main thread at 4× CPU slowdown, longer than fetching and parsing the
 * list. So the first screen comes first: the FIRST_SCREEN smallest rows are picked in one pass (one comparison per
 * row) and shown, the rest follow in the list's own order, and the full sort runs as a merge sort in slices of a few
 * milliseconds, yielding to input between them; when it ends, whoever listens renders the finished order. Both ways
 * give the same order: stable, ties in the list's own order.
 */
import { inBackground } from './background.ts';

export type SortValue = string | number;

export interface Order {
  /** Row indices, smallest first; while `complete` is false only the first FIRST_SCREEN are in their final place. */
  readonly indices: Int32Array;
  readonly complete: boolean;
  /** Compares two row indices: by value, ties by index. */
  readonly compare: Compare;
}

export const PROGRESSIVE_FROM = 20_000;
export const FIRST_SCREEN = 200;
/** Comparisons between two yields of the background sort (well under a ms). */
const SLICE_COMPARISONS = 2_000;
/** Runs sorted directly (insertion into runs) before merging. */
const RUN = 32;

export type Compare = (a: number, b: number) => number;

const collators = new Map<string, Intl.Collator>();
function collatorFor(options: Intl.CollatorOptions): Intl.Collator {
  const key = JSON.stringify(options);
  let collator = collators.get(key);
  if (!collator) collators.set(key, (collator = new Intl.Collator(undefined, options)));
  return collator;
}

function comparatorOf(values: readonly SortValue[], collator: Intl.Collator): Compare {
  return (a, b) => {
    const x = values[a] ?? '';
    const y = values[b] ?? '';
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return c !== 0 ? c : a - b;
  };
}

/** The `count` smallest indices in order, in one pass: each row is compared with the largest kept so far. */
function smallest(n: number, count: number, compare: Compare): number[] {
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    if (kept.length === count) {
      if (compare(i, kept[count - 1] ?? 0) >= 0) continue;
      kept.pop();
    }
    // Binary search for the place among the kept (few, sorted).
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(kept[mid] ?? 0, i) < 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, i);
  }
  return kept;
}

/** A stable merge sort of `indices` by `compare` (in place or in a second buffer), yielding between slices. */
function* mergeSort(indices: Int32Array, compare: Compare): Generator<void, Int32Array> {
  const n = indices.length;
  let src: Int32Array = indices;
  let dst: Int32Array = new Int32Array(n);
  let budget = SLICE_COMPARISONS;
  // Short runs by insertion.
  for (let start = 0; start < n; start += RUN) {
    const end = Math.min(start + RUN, n);
    for (let i = start + 1; i < end; i++) {
      const v = src[i] ?? 0;
      let j = i - 1;
      while (j >= start && compare(src[j] ?? 0, v) > 0) {
        src[j + 1] = src[j] ?? 0;
        j--;
        budget--;
      }
      src[j + 1] = v;
      budget--;
    }
    if (budget <= 0) {
      budget = SLICE_COMPARISONS;
      yield;
    }
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const mid = Math.min(left + width, n);
      const right = Math.min(left + 2 * width, n);
      let i = left;
      let j = mid;
      let k = left;
      while (i < mid && j < right) {
        dst[k++] = compare(src[i] ?? 0, src[j] ?? 0) <= 0 ? (src[i++] ?? 0) : (src[j++] ?? 0);
        if (--budget <= 0) {
          budget = SLICE_COMPARISONS;
          yield;
        }
      }
      while (i < mid) dst[k++] = src[i++] ?? 0;
      while (j < right) dst[k++] = src[j++] ?? 0;
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/** Runs a generator's slices in the background (src/lib/background.ts), then hands over its result. */
function runSliced(slices: Generator<void, Int32Array>, onDone: (result: Int32Array) => void) {
  inBackground(() => {
    const next = slices.next();
    if (next.done) onDone(next.value);
    return next.done === true;
  });
}

/** A list's order by one column: what it is now, and a way to hear when the progressive sort completes. */
export interface OrderSource {
  current: () => Order;
  subscribe: (onChange: () => void) => () => void;
}

interface Job extends OrderSource {
  order: Order;
  listeners: Set<() => void>;
}

const jobs = new WeakMap<readonly unknown[], WeakMap<object, Map<string, Job>>>();

/**
 * The order of `rows` by `value(row, column)` (numbers by value, text by `collation`), ascending. Keep the identities
 * of `rows` and `value` (module-level functions): the order is kept per both, and the same source is returned.
 */
export function orderOf<T>(
  rows: readonly T[],
  column: string,
  value: (row: T, column: string) => SortValue,
  collation: Intl.CollatorOptions = {},
): OrderSource {
  const key = `${column}\u0000${JSON.stringify(collation)}`;
  let byValue = jobs.get(rows);
  if (!byValue) jobs.set(rows, (byValue = new WeakMap()));
  let byKey = byValue.get(value);
  if (!byKey) byValue.set(value, (byKey = new Map<string, Job>()));
  let job = byKey.get(key);
  if (!job) {
    job = startJob(rows, column, value, collatorFor(collation));
    byKey.set(key, job);
  }
  return job;
}

const identities = new WeakMap<readonly unknown[], OrderSource>();

/** The list's own order (no sort column), as a source like orderOf's. */
export function ownOrder(rows: readonly unknown[]): OrderSource {
  let source = identities.get(rows);
  if (!source) {
    const indices = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) indices[i] = i;
    const order: Order = { indices, complete: true, compare: (a, b) => a - b };
    source = { current: () => order, subscribe: () => () => undefined };
    identities.set(rows, source);
  }
  return source;
}

function makeJob(order: Order): Job {
  const job: Job = {
    order,
    listeners: new Set(),
    current: () => job.order,
    subscribe: (onChange) => {
      job.listeners.add(onChange);
      return () => job.listeners.delete(onChange);
    },
  };
  return job;
}

function startJob<T>(
  rows: readonly T[],
  column: string,
  value: (row: T, column: string) => SortValue,
  collator: Intl.Collator,
): Job {
  const n = rows.length;
  const values = rows.map((row) => value(row, column));
  const compare = comparatorOf(values, collator);
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (n < PROGRESSIVE_FROM) {
    return makeJob({ indices: all.sort(compare), complete: true, compare });
  }
  const job = makeJob({ indices: headFirst(smallest(n, FIRST_SCREEN, compare), n), complete: false, compare });
  runSliced(mergeSort(all, compare), (sorted) => {
    job.order = { indices: sorted, complete: true, compare };
    for (const listener of [...job.listeners]) listener();
  });
  return job;
}

/**
 * The positions 0 … n − 1 with `head` (some of them) first, in its order, then the others in theirs: one typed array
 * and one pass (a Set and three copies of 100,000 numbers cost more than picking the first screen itself).
 */
function headFirst(head: readonly number[], n: number): Int32Array {
  const out = new Int32Array(n);
  const taken = new Uint8Array(n);
  let k = 0;
  for (const p of head) {
    out[k++] = p;
    taken[p] = 1;
  }
  for (let p = 0; p < n; p++) if (taken[p] === 0) out[k++] = p;
  return out;
}

/** `indices` with the FIRST_SCREEN smallest first, in order, then the others as they were. */
function firstScreenFirst(indices: readonly number[], compare: Compare): number[] {
  const head = smallest(indices.length, FIRST_SCREEN, (a, b) => compare(indices[a] ?? 0, indices[b] ?? 0));
  return Array.from(headFirst(head, indices.length), (p) => indices[p] ?? 0);
}

/** Where each row stands in a complete order (its indices inverted), worked out once per order. */
const places = new WeakMap<Order, Int32Array>();
function placesIn(order: Order): Int32Array {
  let at = places.get(order);
  if (!at) {
    const { indices } = order;
    at = new Int32Array(indices.length);
    for (let p = 0; p < indices.length; p++) at[indices[p] ?? 0] = p;
    places.set(order, at);
  }
  return at;
}

/**
 * The rows in `order` (reversed when `descending`) that are `among` the given row indices (all rows when it is
 * null; each once and ascending, as a search finds them) and that `keep` accepts (all when it is null). While a
 * long list's order is not complete, the rows kept are ordered here instead (at once when they are few, else first
 * screen first), so a search or the reversed order never shows rows out of place.
 */
export function rowsInOrder<T>(
  rows: readonly T[],
  order: Order,
  descending: boolean,
  among: Int32Array | null,
  keep: ((index: number) => boolean) | null,
): T[] {
  const { indices } = order;
  const n = indices.length;
  const filtered = among !== null || keep !== null;
  if (!filtered) {
    // The whole list in order: kept, so that coming back to a page of 100,000 rows costs no walk through them.
    const kept = everyRow.get(order)?.[descending ? 1 : 0];
    if (kept) return kept as T[];
  }
  const out: T[] = [];
  const keepAll = (rowsOut: T[]) => {
    if (filtered) return rowsOut;
    let pair = everyRow.get(order);
    if (!pair) everyRow.set(order, (pair = [undefined, undefined]));
    pair[descending ? 1 : 0] = rowsOut;
    return rowsOut;
  };
  if (order.complete && among) {
    // A search's matches marked at their places, then the places read in order: one pass over bytes, rather than a
    // flag looked up at random for each row.
    const at = placesIn(order);
    const marked = new Uint8Array(n);
    for (const i of among) {
      const p = at[i];
      if (p !== undefined) marked[p] = 1;
    }
    for (let q = 0; q < n; q++) {
      const p = descending ? n - 1 - q : q;
      if (marked[p] === 0) continue;
      const i = indices[p] ?? 0;
      if (!keep || keep(i)) out.push(rows[i] as T);
    }
    return out;
  }
  // From here on `among` is null, or the order incomplete (so only the rows it names are ordered, below).
  if (order.complete || (!filtered && !descending)) {
    const backwards = descending && order.complete;
    for (let p = 0; p < n; p++) {
      const i = indices[backwards ? n - 1 - p : p] ?? 0;
      if (!keep || keep(i)) out.push(rows[i] as T);
    }
    return keepAll(out);
  }
  const kept: number[] = [];
  if (among) {
    for (const i of among) if (i >= 0 && i < n && (!keep || keep(i))) kept.push(i);
  } else {
    for (let i = 0; i < n; i++) if (!keep || keep(i)) kept.push(i);
  }
  const { compare: ascending } = order;
  const compare: Compare = descending ? (a, b) => ascending(b, a) : ascending;
  const ordered = kept.length < PROGRESSIVE_FROM ? kept.sort(compare) : firstScreenFirst(kept, compare);
  for (const i of ordered) out.push(rows[i] as T);
  return keepAll(out);
}

/** Every row in an order, ascending and descending, once walked (treat as immutable). */
const everyRow = new WeakMap<Order, [unknown[] | undefined, unknown[] | undefined]>();
