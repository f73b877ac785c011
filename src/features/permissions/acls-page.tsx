import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { aclQueries, type Acl } from '@/api/acls.ts';
import { forbiddenHint } from '@/api/errors.ts';
import { orgPaths, permissionPaths } from '@/lib/paths.ts';
import { useListParams } from '@/lib/use-list-params.ts';
import { DataTable, type Column } from '@/ui/data-table.tsx';
import { EmptyState, ListOptions, ListSearch } from '@/ui/list-parts.tsx';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { useListRows } from '@/ui/use-list-rows.ts';
import { PermissionsNav } from './permissions-nav.tsx';

const FILTERS = ['all'] as const;
/** The list before it has loaded, with one identity (the list's order and search index are kept per list). */
const NO_ROWS: readonly Acl[] = [];
const DEFAULT_SORT = { column: 'rid', direction: 'asc' } as const;
const sortValue = (acl: Acl, column: string) => (column === 'description' ? acl.description : acl.rid);
const searchFields = (acl: Acl) => [acl.rid, acl.description];

const columns: Column<Acl>[] = [
  {
    id: 'rid',
    header: 'Resource',
    sortable: true,
    width: 'minmax(16rem, 2fr)',
    cell: (acl) => (
      <Link className="mono" to={permissionPaths.acl(acl.rid)} tabIndex={-1}>
        {acl.rid}
      </Link>
    ),
  },
  {
    id: 'description',
    header: 'Description',
    sortable: true,
    width: 'minmax(12rem, 1.5fr)',
    cell: (acl) => acl.description,
  },
];

/** Every resource that has an ACL, searchable and sortable (in the URL); a row opens who holds what on it. */
export function AclsPage() {
  const navigate = useNavigate();
  const acls = useQuery(aclQueries.list());
  const params = useListParams(FILTERS, 'all');
  // Not deferred: one render, commit and paint per keystroke (see AccountList).
  const query = params.query.trim().toLowerCase();
  const sort = params.sort ?? DEFAULT_SORT;
  const { visible } = useListRows({ rows: acls.data ?? NO_ROWS, sort, sortValue, query, fields: searchFields });
  const { set } = params;
  const total = acls.data?.length ?? 0;
  // Stable for the memoized ListSearch; the toolbar is memoized so a render with the same counts leaves it alone.
  const onSearch = useCallback((text: string) => set({ query: text }), [set]);
  const toolbar = useMemo(
    () => (
      <div className="toolbar" role="search">
        <ListSearch
          id="acl-search"
          label="Search resources"
          value={params.query}
          onChange={onSearch}
          placeholder="Resource ID or description"
        />
        <p className="count" aria-live="polite">
          {visible.length === total ? `${total} resources with an ACL` : `${visible.length} of ${total} resources`}
        </p>
        <ListOptions />
      </div>
    ),
    [params.query, onSearch, visible.length, total],
  );

  return (
    <>
      <title>Permissions · DC/OS Security Console</title>
      <div className="page-head">
        <h1>Permissions</h1>
      </div>
      <PermissionsNav />
      {acls.isPending ? (
        <LoadingState>Loading resources…</LoadingState>
      ) : acls.isError ? (
        <ErrorState
          title="Could not load the resources"
          error={acls.error}
          onRetry={() => void acls.refetch()}
          retrying={acls.isFetching}
        >
          {forbiddenHint(acls.error)}
        </ErrorState>
      ) : (
        <>
          {toolbar}
          <DataTable
            label="Resources"
            rows={visible}
            columns={columns}
            getRowId={(acl) => acl.rid}
            sort={sort}
            onSortChange={(next) => params.set({ sort: next })}
            onOpen={(acl) => void navigate(permissionPaths.acl(acl.rid))}
            empty={
              acls.data.length === 0 ? (
                <EmptyState message="No resource has an ACL yet. Permissions are granted on a user's, group's or service account's page.">
                  <Link className="btn btn-primary" to={orgPaths.users()}>
                    Go to users
                  </Link>
                </EmptyState>
              ) : (
                <EmptyState message="No resource matches this search.">
                  <button
                    type="button"
                    className="btn"
                    onClick={() => {
                      params.set({ query: '' });
                      document.getElementById('acl-search')?.focus();
                    }}
                  >
                    Clear search
                  </button>
                </EmptyState>
              )
            }
          />
        </>
      )}
    </>
  );
}
