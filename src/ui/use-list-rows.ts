import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { orderOf, ownOrder, rowsInOrder, type SortValue } from '@/lib/sorted-order.ts';
import { matchingIndices, prepareIndex, type SearchFields } from '@/lib/text-search.ts';
import type { SortState } from './data-table-types.ts';

/** How the lists compare text unless told otherwise: any case, digits as numbers ("user2" before "user10"). */
const DEFAULT_COLLATION: Intl.CollatorOptions = { sensitivity: 'base', numeric: true };

export interface ListRowsOptions<T> {
  /** The list as the query holds it; keep its identity (the order and the search index are kept per list). */
  rows: readonly T[];
  sort: SortState | undefined;
  /** Module-level, like `fields`: the order is kept per function. */
  sortValue: (row: T, column: string) => SortValue;
  /** The search, trimmed; matched case-insensitively against `fields`. */
  query: string;
  fields: SearchFields<T>;
  /** A further filter (a select beside the search); keep its identity. */
  keep?: ((row: T) => boolean) | null;
  collation?: Intl.CollatorOptions;
}

/**
 * Builds the search index of `rows` while the page sits idle (src/lib/text-search.ts `prepareIndex`), so that the
 * first keystroke only searches. Keep the identities of both, as for `filterByText`.
 */
export function useSearchIndexWhileIdle<T>(rows: readonly T[], fields: SearchFields<T>): void {
  useEffect(() => {
    if (rows.length > 0) prepareIndex(rows, fields);
  }, [rows, fields]);
}

/**
 * The rows a list page shows: searched, filtered and sorted, the order and the search index worked out once per
 * list and kept, so that a keystroke only searches and puts the matches in order (src/lib/sorted-order.ts,
 * src/lib/text-search.ts). A list long enough to be sorted progressively shows its first screen at once and
 * `sorting` until the order is complete.
 */
export function useListRows<T>({
  rows,
  sort,
  sortValue,
  query,
  fields,
  keep = null,
  collation = DEFAULT_COLLATION,
}: ListRowsOptions<T>): { visible: readonly T[]; sorting: boolean } {
  const column = sort?.column;
  // One source per list and column: orderOf keeps the order, this keeps the subscription.
  const source = useMemo(
    () => (column === undefined ? ownOrder(rows) : orderOf(rows, column, sortValue, collation)),
    [rows, column, sortValue, collation],
  );
  const order = useSyncExternalStore(source.subscribe, source.current);
  // Searched once per query, and the rows walked once per order, search and filter: not on other renders.
  const matches = useMemo(() => matchingIndices(rows, query, fields), [rows, query, fields]);
  useSearchIndexWhileIdle(rows, fields);
  const descending = sort?.direction === 'desc';
  const visible = useMemo(
    () => rowsInOrder(rows, order, descending, matches, keep && ((i: number) => keep(rows[i] as T))),
    [rows, order, descending, matches, keep],
  );
  return { visible, sorting: !order.complete };
}
