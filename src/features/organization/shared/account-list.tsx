import { useQuery } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { isSystemAccount, ORIGIN_LABELS, originOf, userQueries, type AccountType, type User } from '@/api/users.ts';
import { useListParams } from '@/lib/use-list-params.ts';
import { DataTable, type Column } from '@/ui/data-table.tsx';
import { RowLink } from '@/ui/data-table-row.tsx';
import { EmptyState, ListOptions, ListSearch, SelectionBar } from '@/ui/list-parts.tsx';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { useListRows } from '@/ui/use-list-rows.ts';
import { accountSearchFields, ORIGIN_FILTERS, ORIGIN_KEEP, type OriginFilter } from './account-filter.ts';
import { BulkActions } from './bulk-actions.tsx';
import { exportAccountsCsv } from './export-csv.ts';
import { OriginBadge } from './origin-badge.tsx';

/** One empty selection, so the bulk actions (memoized) see the same props while nothing is selected. */
const NONE: readonly User[] = [];
/** The list before it has loaded: one identity, so the order and search index kept for it stay kept. */
const NO_USERS: readonly User[] = [];
const DEFAULT_SORT = { column: 'uid', direction: 'asc' } as const;

function sortValue(user: User, column: string): string {
  if (column === 'description') return user.description;
  if (column === 'origin') return ORIGIN_LABELS[originOf(user)];
  return user.uid;
}

interface AccountListProps {
  type: AccountType;
  noun: { one: string; many: string };
  detailPath: (uid: string) => string;
  /** The CSV file the Options menu's export writes. */
  csvFilename: string;
  /** The empty list's next step ("Create user"); keep its identity. */
  create: { label: string; onCreate: () => void };
}

/**
 * The list of users or service accounts: search, origin filter, sort and open row in the URL; virtualized rows.
 *
 * No Groups column: the IAM lists accounts without their memberships, so a count would cost one request per row in
 * view (and again as the list scrolls through 10,000 rows); until read it said "—" on every row, which looked broken.
 * An account's groups are on its page.
 */
export function AccountList({ type, noun, detailPath, csvFilename, create }: AccountListProps) {
  const navigate = useNavigate();
  const accounts = useQuery(userQueries.list(type));
  const params = useListParams(ORIGIN_FILTERS, 'all');
  // Filtered in the keystroke's own render, not through useDeferredValue: the grid renders only the rows in view, and
  // a deferred query cost a second render, commit and paint per keystroke (figures: README, Performance).
  const query = params.query.trim().toLowerCase();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const sort = params.sort ?? DEFAULT_SORT;

  const { visible, sorting } = useListRows({
    rows: accounts.data ?? NO_USERS,
    sort,
    sortValue,
    query,
    fields: accountSearchFields,
    keep: ORIGIN_KEEP[params.filter],
  });

  const columns = useMemo<Column<User>[]>(
    () => [
      {
        id: 'uid',
        header: 'ID',
        sortable: true,
        width: 'minmax(12rem, 1.2fr)',
        cell: (u) => (
          <>
            <RowLink href={detailPath(u.uid)}>{u.uid}</RowLink>{' '}
            {isSystemAccount(u.uid) && <span className="badge badge-system">system</span>}
          </>
        ),
      },
      {
        id: 'description',
        header: 'Description',
        sortable: true,
        width: 'minmax(12rem, 2fr)',
        cell: (u) => u.description,
      },
      { id: 'origin', header: 'Origin', sortable: true, width: '7rem', cell: (u) => <OriginBadge user={u} /> },
    ],
    [detailPath],
  );

  // The parts below are memoized so that a render which changes none of their inputs leaves them alone: above all
  // the one after the search reaches the URL (useListParams), which would otherwise render the table and its
  // inputs again, and React writes an input's attributes on every render of it.
  const { one, many } = noun;
  const { set } = params;
  // Stable callbacks for the memoized search box, Options menu, selection bar and empty state below.
  const onSearch = useCallback((text: string) => set({ query: text }), [set]);
  const clearSelection = useCallback(() => setSelected(new Set()), []);
  const total = accounts.data?.length ?? 0;

  // The export reads the rows in view when it runs: the menu keeps its props (and skips rendering) while typing.
  const inView = useRef(visible);
  useLayoutEffect(() => {
    inView.current = visible;
  });
  const exportCount = useCallback(() => inView.current.length, []);
  const onExport = useCallback(() => void exportAccountsCsv(inView.current, csvFilename), [csvFilename]);
  const options = useMemo(() => <ListOptions onExport={onExport} exportCount={exportCount} />, [onExport, exportCount]);

  const toolbarRest = useMemo(
    () => (
      <>
        {type === 'user' && (
          <div className="field">
            <label htmlFor="list-origin">Origin</label>
            <select
              id="list-origin"
              value={params.filter}
              onChange={(e) => set({ filter: e.target.value as OriginFilter })}
            >
              <option value="all">All</option>
              <option value="local">Local</option>
              <option value="external">External (LDAP, OIDC, SAML)</option>
            </select>
          </div>
        )}
        <p className="count" aria-live="polite">
          {visible.length === total ? `${total} ${total === 1 ? one : many}` : `${visible.length} of ${total} ${many}`}
          {sorting && ' · sorting…'}
        </p>
      </>
    ),
    [type, params.filter, set, visible.length, total, one, many, sorting],
  );
  const selectionBar = useMemo(() => {
    const selectedRows = selected.size === 0 ? NONE : visible.filter((u) => selected.has(u.uid));
    return (
      <SelectionBar count={selectedRows.length} onClear={clearSelection}>
        <BulkActions selected={selectedRows} onDone={clearSelection} noun={many} />
      </SelectionBar>
    );
  }, [selected, visible, clearSelection, many]);

  const empty = useMemo(
    () =>
      total === 0 ? (
        <EmptyState message={`No ${many} yet.`}>
          <button type="button" className="btn btn-primary" onClick={create.onCreate}>
            {create.label}
          </button>
        </EmptyState>
      ) : (
        <EmptyState message={`No ${many} match this ${query === '' ? 'filter' : 'search'}.`}>
          <button
            type="button"
            className="btn"
            onClick={() => {
              set({ query: '', filter: 'all' });
              document.getElementById('list-search')?.focus();
            }}
          >
            {query === '' ? 'Show all' : 'Clear search'}
          </button>
        </EmptyState>
      ),
    [total, query, many, create, set],
  );
  const table = useMemo(
    () => (
      <DataTable
        label={many.charAt(0).toUpperCase() + many.slice(1)}
        rows={visible}
        columns={columns}
        getRowId={(u) => u.uid}
        sort={sort}
        onSortChange={(next) => set({ sort: next })}
        onOpen={(u) => void navigate(detailPath(u.uid))}
        selection={{ selected, onChange: setSelected }}
        empty={empty}
      />
    ),
    [many, visible, columns, sort, set, navigate, detailPath, selected, empty],
  );

  if (accounts.isPending) return <LoadingState>Loading {many}…</LoadingState>;
  if (accounts.isError)
    return (
      <ErrorState
        title={`Could not load the ${many}`}
        error={accounts.error}
        onRetry={() => void accounts.refetch()}
        retrying={accounts.isFetching}
      />
    );
  return (
    <>
      <div className="toolbar" role="search">
        <ListSearch
          id="list-search"
          label={`Search ${many}`}
          value={params.query}
          onChange={onSearch}
          placeholder="ID or description"
        />
        {toolbarRest}
        {options}
      </div>
      {selectionBar}
      {table}
    </>
  );
}
