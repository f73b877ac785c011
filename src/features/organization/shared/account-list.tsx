import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { isSystemAccount, ORIGIN_LABELS, originOf, userQueries, type AccountType, type User } from '@/api/users.ts';
import { useListParams } from '@/lib/use-list-params.ts';
import { DataTable, sortRows, type Column } from '@/ui/data-table.tsx';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { OriginBadge } from './origin-badge.tsx';

const DEFAULT_SORT = { column: 'uid', direction: 'asc' } as const;

export const ORIGIN_FILTERS = ['all', 'local', 'external'] as const;
export type OriginFilter = (typeof ORIGIN_FILTERS)[number];

export function matchesAccount(user: User, query: string, filter: OriginFilter): boolean {
  if (filter === 'local' && originOf(user) !== 'local') return false;
  if (filter === 'external' && originOf(user) === 'local') return false;
  return query === '' || user.uid.toLowerCase().includes(query) || user.description.toLowerCase().includes(query);
}

function sortValue(user: User, column: string): string {
  if (column === 'description') return user.description;
  if (column === 'origin') return ORIGIN_LABELS[originOf(user)];
  return user.uid;
}

interface AccountListProps {
  type: AccountType;
  noun: { one: string; many: string };
  detailPath: (uid: string) => string;
  /** Toolbar actions that act on the current view (export) or the selection (bulk). */
  renderActions: (view: { visible: readonly User[]; selected: readonly User[]; clearSelection: () => void }) => ReactNode;
}

/** The list of users or service accounts: search, origin filter, sort and open row in the URL; virtualized rows. */
export function AccountList({ type, noun, detailPath, renderActions }: AccountListProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const accounts = useQuery(userQueries.list(type));
  const params = useListParams(ORIGIN_FILTERS, 'all');
  const query = useDeferredValue(params.query.trim().toLowerCase());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const sort = params.sort ?? DEFAULT_SORT;

  // Sorted once per data and sort (sortRows keeps it across visits); a keystroke then only filters, which keeps order.
  const sorted = useMemo(() => sortRows(accounts.data ?? [], sort, sortValue), [accounts.data, sort]);
  const visible = useMemo(() => sorted.filter((u) => matchesAccount(u, query, params.filter)), [sorted, query, params.filter]);

  const columns = useMemo<Column<User>[]>(
    () => [
      {
        id: 'uid',
        header: 'ID',
        sortable: true,
        width: 'minmax(12rem, 1.2fr)',
        cell: (u) => (
          <>
            <Link to={detailPath(u.uid)} tabIndex={-1}>
              {u.uid}
            </Link>{' '}
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

  if (accounts.isPending) return <LoadingState>Loading {noun.many}…</LoadingState>;
  if (accounts.isError)
    return <ErrorState title={`Could not load the ${noun.many}`} error={accounts.error} onRetry={() => void accounts.refetch()} retrying={accounts.isFetching} />;

  const selectedRows = selected.size === 0 ? [] : visible.filter((u) => selected.has(u.uid));
  const total = accounts.data.length;
  return (
    <>
      <div className="toolbar" role="search">
        <div className="field">
          <label htmlFor="list-search">Search {noun.many}</label>
          <input id="list-search" type="search" value={params.query} onChange={(e) => params.set({ query: e.target.value })} placeholder="ID or description" />
        </div>
        {type === 'user' && (
          <div className="field">
            <label htmlFor="list-origin">Origin</label>
            <select id="list-origin" value={params.filter} onChange={(e) => params.set({ filter: e.target.value as OriginFilter })}>
              <option value="all">All</option>
              <option value="local">Local</option>
              <option value="external">External (LDAP, OIDC, SAML)</option>
            </select>
          </div>
        )}
        <p className="count" aria-live="polite">
          {visible.length === total ? `${total} ${total === 1 ? noun.one : noun.many}` : `${visible.length} of ${total} ${noun.many}`}
          {selectedRows.length > 0 && `, ${selectedRows.length} selected`}
        </p>
        <div className="actions">{renderActions({ visible, selected: selectedRows, clearSelection: () => setSelected(new Set()) })}</div>
      </div>
      <DataTable
        label={noun.many.charAt(0).toUpperCase() + noun.many.slice(1)}
        rows={visible}
        columns={columns}
        getRowId={(u) => u.uid}
        sort={sort}
        onSortChange={(next) => params.set({ sort: next })}
        onOpen={(u) => void navigate(detailPath(u.uid))}
        selection={{ selected, onChange: setSelected }}
        empty={total === 0 ? `No ${noun.many} yet.` : `No ${noun.many} match this search.`}
      />
    </>
  );
}
