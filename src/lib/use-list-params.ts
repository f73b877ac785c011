import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSearchUpdate } from './use-search-update.ts';
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
  const [params] = useSearchParams();
  const [column, direction] = (params.get('sort') ?? '').split(':');
  const rawFilter = params.get('filter') as F | null;
  // One identity (the list memoizes its parts on `set`), and a search still on its way to the URL is kept.
  const update = useSearchUpdate();
  const set = useCallback<ListParams<F>['set']>(
    (changes) => {
      const next: Record<string, string | null> = {};
      if (changes.sort) next.sort = `${changes.sort.column}:${changes.sort.direction}`;
      if (changes.filter !== undefined) next.filter = changes.filter === defaultFilter ? null : changes.filter;
      // flushSync: a select or a sort button shows the URL's value, so it changes at once.
      update(next, { replace: true, flushSync: true });
    },
    [defaultFilter, update],
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
  const sort = useMemo<ListParams<F>['sort']>(
    () => (column && (direction === 'asc' || direction === 'desc') ? { column, direction } : undefined),
    [column, direction],
  );
  return { query, sort, filter: rawFilter && filters.includes(rawFilter) ? rawFilter : defaultFilter, set: setAll };
}
