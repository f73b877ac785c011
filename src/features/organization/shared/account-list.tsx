import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { isSystemAccount, ORIGIN_LABELS, originOf, userQueries, type AccountType, type User } from '@/api/users.ts';
import { useListParams } from '@/lib/use-list-params.ts';
import { DataTable, sortRows, type Column } from '@/ui/data-table.tsx';
import { RowLink } from '@/ui/data-table-row.tsx';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { filterAccounts, ORIGIN_FILTERS, type OriginFilter } from './account-filter.ts';
import { OriginBadge } from './origin-badge.tsx';

/** One empty selection, so the bulk actions (memoized) see the same props while nothing is selected. */
const NONE: readonly User[] = [];
const DEFAULT_SORT = { column: 'uid', direction: 'asc' } as const;

function sortValue(user: User, column: string): string {
  if (column === 'description') return user.description;
  if (column === 'origin') return ORIGIN_LABELS[originOf(user)];
  return user.uid;
}

export interface AccountListActions {
  visible: readonly User[];
  selected: readonly User[];
  clearSelection: () => void;
}

interface AccountListProps {
  type: AccountType;
  noun: { one: string; many: string };
  detailPath: (uid: string) => string;
  /** Toolbar actions that act on the current view (export) or the selection (bulk); keep its identity (module level). */
  renderActions: (view: AccountListActions) => ReactNode;
}

/** The list of users or service accounts: search, origin filter, sort and open row in the URL; virtualized rows. */
export function AccountList({ type, noun, detailPath, renderActions }: AccountListProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const accounts = useQuery(userQueries.list(type));
  const params = useListParams(ORIGIN_FILTERS, 'all');
  // Filtered in the keystroke's own render, not through useDeferredValue: the grid renders only the rows in view, and
  // a deferred query cost a second render, commit and paint per keystroke (issue 9: 103 → 72 ms at 4× CPU).
  const query = params.query.trim().toLowerCase();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const sort = params.sort ?? DEFAULT_SORT;

  // Sorted once per data and sort (sortRows keeps it across visits); a keystroke then only filters, which keeps order.
  const sorted = useMemo(() => sortRows(accounts.data ?? [], sort, sortValue), [accounts.data, sort]);
  const visible = useMemo(() => filterAccounts(sorted, query, params.filter), [sorted, query, params.filter]);

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
      { id: 'description', header: 'Description', sortable: true, width: 'minmax(12rem, 2fr)', cell: (u) => u.description },
      { id: 'origin', header: 'Origin', sortable: true, width: '7rem', cell: (u) => <OriginBadge user={u} /> },
      {
        // The IAM lists no membership counts; once an account's groups have been read, the count is shown.
        id: 'groups',
        header: 'Groups',
        width: '6rem',
        cell: (u) => queryClient.getQueryData(userQueries.groups(u.uid).queryKey)?.length ?? (
            <>
              <span aria-hidden="true">—</span>
              <span className="visually-hidden">not read yet</span>
            </>
          ),
      },
    ],
    [detailPath, queryClient],
  );

  // The parts below are memoized so that a render which changes none of their inputs leaves them alone: above all
  // the one after the search reaches the URL (useListParams), which would otherwise render the table and its
  // inputs again, and React writes an input's attributes on every render of it.
  const { one, many } = noun;
  const { set } = params;
  const searchField = useMemo(
    () => (
      <div className="field">
        <label htmlFor="list-search">Search {many}</label>
        <input id="list-search" type="search" value={params.query} onChange={(e) => set({ query: e.target.value })} placeholder="ID or description" />
      </div>
    ),
    [many, params.query, set],
  );
  const clearSelection = useCallback(() => setSelected(new Set()), []);
  const total = accounts.data?.length ?? 0;
  const toolbarRest = useMemo(() => {
    const selectedRows = selected.size === 0 ? NONE : visible.filter((u) => selected.has(u.uid));
    return (
      <>
        {type === 'user' && (
          <div className="field">
            <label htmlFor="list-origin">Origin</label>
            <select id="list-origin" value={params.filter} onChange={(e) => set({ filter: e.target.value as OriginFilter })}>
              <option value="all">All</option>
              <option value="local">Local</option>
              <option value="external">External (LDAP, OIDC, SAML)</option>
            </select>
          </div>
        )}
        <p className="count" aria-live="polite">
          {visible.length === total ? `${total} ${total === 1 ? one : many}` : `${visible.length} of ${total} ${many}`}
          {selectedRows.length > 0 && `, ${selectedRows.length} selected`}
        </p>
        <div className="actions">{renderActions({ visible, selected: selectedRows, clearSelection })}</div>
      </>
    );
  }, [type, params.filter, set, visible, total, one, many, selected, renderActions, clearSelection]);
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
        empty={total === 0 ? `No ${many} yet.` : `No ${many} match this search.`}
      />
    ),
    [many, visible, columns, sort, set, navigate, detailPath, selected, total],
  );

  if (accounts.isPending) return <LoadingState>Loading {many}…</LoadingState>;
  if (accounts.isError)
    return <ErrorState title={`Could not load the ${many}`} error={accounts.error} onRetry={() => void accounts.refetch()} retrying={accounts.isFetching} />;
  return (
    <>
      <div className="toolbar" role="search">
        {searchField}
        {toolbarRest}
      </div>
      {table}
    </>
  );
}
