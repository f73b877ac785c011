import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useUrlSearchText } from './use-url-text.ts';

export interface ListParams<F extends string> {
  query: string;
  sort: { column: string; direction: 'asc' | 'desc' } | undefined;
  filter: F;
  set: (changes: { query?: string; sort?: { column: string; direction: 'asc' | 'desc' }; filter?: F }) => void;
}

/**
 * Search, sort and filter of a list, kept in the URL (`?q=&sort=uid:asc&filter=`) so a reload or a shared link
 * shows the same view. Updates replace the history entry: typing is not a navigation. The search text is the
 * component's own state and reaches the URL once typing pauses (useUrlSearchText): a keystroke renders the list only.
 */
export function useListParams<F extends string>(filters: readonly F[], defaultFilter: F): ListParams<F> {
  const [params, setParams] = useSearchParams();
  const [column, direction] = (params.get('sort') ?? '').split(':');
  const rawFilter = params.get('filter') as F | null;
  // React Router's setter changes identity with every URL; the list memoizes its parts on `set`, so `set` keeps one
  // identity and calls the latest setter.
  const latestSetParams = useRef(setParams);
  useLayoutEffect(() => {
    latestSetParams.current = setParams;
  });
  const set = useCallback<ListParams<F>['set']>(
    (changes) => {
      latestSetParams.current(
        (current) => {
          const next = new URLSearchParams(current);
          const put = (key: string, value: string, fallback: string) => {
            if (value === fallback) next.delete(key);
            else next.set(key, value);
          };
          if (changes.sort) put('sort', `${changes.sort.column}:${changes.sort.direction}`, '');
          if (changes.filter !== undefined) put('filter', changes.filter, defaultFilter);
          return next;
        },
        // flushSync: a select or a sort button shows the URL's value, so it changes at once.
        { replace: true, flushSync: true },
      );
    },
    [defaultFilter],
  );
  const [query, setQuery] = useUrlSearchText('q');
  const setAll = useCallback<ListParams<F>['set']>(
    ({ query: text, ...rest }) => {
      if (text !== undefined) setQuery(text);
      if (rest.sort !== undefined || rest.filter !== undefined) set(rest);
    },
    [set, setQuery],
  );
  // One object per distinct sort, so memoized views do not recompute on every render.
  const sort = useMemo<ListParams<F>['sort']>(() => (column && (direction === 'asc' || direction === 'desc') ? { column, direction } : undefined), [column, direction]);
  return {
    query,
    sort,
    filter: rawFilter && filters.includes(rawFilter) ? rawFilter : defaultFilter,
    set: setAll,
  };
}
