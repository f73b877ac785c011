import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface ListParams<F extends string> {
  query: string;
  sort: { column: string; direction: 'asc' | 'desc' } | undefined;
  filter: F;
  set: (changes: { query?: string; sort?: { column: string; direction: 'asc' | 'desc' }; filter?: F }) => void;
}

/**
 * Search, sort and filter of a list, kept in the URL (`?q=&sort=uid:asc&filter=`) so a reload or a shared link
 * shows the same view. Updates replace the history entry: typing is not a navigation.
 */
export function useListParams<F extends string>(filters: readonly F[], defaultFilter: F): ListParams<F> {
  const [params, setParams] = useSearchParams();
  const [column, direction] = (params.get('sort') ?? '').split(':');
  const rawFilter = params.get('filter') as F | null;
  const set = useCallback<ListParams<F>['set']>(
    (changes) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          const put = (key: string, value: string, fallback: string) => {
            if (value === fallback) next.delete(key);
            else next.set(key, value);
          };
          if (changes.query !== undefined) put('q', changes.query, '');
          if (changes.sort) put('sort', `${changes.sort.column}:${changes.sort.direction}`, '');
          if (changes.filter !== undefined) put('filter', changes.filter, defaultFilter);
          return next;
        },
        // flushSync: the search box is controlled by the URL, so the URL must change before the next keystroke
        // lands, or fast typing loses characters (a router update is otherwise a deferred transition).
        { replace: true, flushSync: true },
      );
    },
    [setParams, defaultFilter],
  );
  // One object per distinct sort, so memoized views do not recompute on every render.
  const sort = useMemo<ListParams<F>['sort']>(() => (column && (direction === 'asc' || direction === 'desc') ? { column, direction } : undefined), [column, direction]);
  return {
    query: params.get('q') ?? '',
    sort,
    filter: rawFilter && filters.includes(rawFilter) ? rawFilter : defaultFilter,
    set,
  };
}
