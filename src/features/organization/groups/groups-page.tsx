import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { groupQueries, SUPERUSERS_GID, type Group } from '@/api/groups.ts';
import { orgPaths } from '@/lib/paths.ts';
import { useListParams } from '@/lib/use-list-params.ts';
import { DataTable, type Column } from '@/ui/data-table.tsx';
import { EmptyState, ListOptions, ListSearch } from '@/ui/list-parts.tsx';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { useListRows } from '@/ui/use-list-rows.ts';
import { lazyDialog } from '@/ui/lazy-dialog.tsx';

// Not needed for the list to show: fetched once the page is idle.
const CreateGroupDialog = lazyDialog(async () => (await import('./create-group-dialog.tsx')).CreateGroupDialog);
const LdapImportDialog = lazyDialog(async () => (await import('../shared/ldap-import-dialog.tsx')).LdapImportDialog);

const NO_FILTERS = ['all'] as const;
/** The list before it has loaded, with one identity (the list's order and search index are kept per list). */
const NO_ROWS: readonly Group[] = [];
const DEFAULT_SORT = { column: 'gid', direction: 'asc' } as const;
const sortValue = (group: Group, column: string) => (column === 'description' ? group.description : group.gid);
const searchFields = (group: Group) => [group.gid, group.description];

const columns: Column<Group>[] = [
  {
    id: 'gid',
    header: 'ID',
    sortable: true,
    width: 'minmax(12rem, 1fr)',
    cell: (g) => (
      <>
        <Link to={orgPaths.group(g.gid)} tabIndex={-1}>
          {g.gid}
        </Link>{' '}
        {g.gid === SUPERUSERS_GID && <span className="badge badge-super">superusers</span>}
      </>
    ),
  },
  { id: 'description', header: 'Description', sortable: true, width: 'minmax(12rem, 2fr)', cell: (g) => g.description },
];

export function GroupsPage() {
  const navigate = useNavigate();
  const groups = useQuery(groupQueries.list());
  const params = useListParams(NO_FILTERS, 'all');
  // Not deferred: one render, commit and paint per keystroke (see AccountList).
  const query = params.query.trim().toLowerCase();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const sort = params.sort ?? DEFAULT_SORT;
  const { visible } = useListRows({ rows: groups.data ?? NO_ROWS, sort, sortValue, query, fields: searchFields });
  const { set } = params;
  const total = groups.data?.length ?? 0;
  // Stable for the memoized ListSearch; the toolbar is memoized so a render with the same counts leaves it alone.
  const onSearch = useCallback((text: string) => set({ query: text }), [set]);
  const toolbar = useMemo(
    () => (
      <div className="toolbar" role="search">
        <ListSearch
          id="group-search"
          label="Search groups"
          value={params.query}
          onChange={onSearch}
          placeholder="ID or description"
        />
        <p className="count" aria-live="polite">
          {visible.length === total ? `${total} groups` : `${visible.length} of ${total} groups`}
        </p>
        <ListOptions />
      </div>
    ),
    [params.query, onSearch, visible.length, total],
  );
  return (
    <>
      <title>Groups · DC/OS Security Console</title>
      <div className="page-head">
        <h1>Groups</h1>
        <div className="actions">
          <button type="button" className="btn" onClick={() => setImporting(true)}>
            Import from LDAP
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            Create group
          </button>
        </div>
      </div>
      {groups.isPending ? (
        <LoadingState>Loading groups…</LoadingState>
      ) : groups.isError ? (
        <ErrorState
          title="Could not load the groups"
          error={groups.error}
          onRetry={() => void groups.refetch()}
          retrying={groups.isFetching}
        />
      ) : (
        <>
          {toolbar}
          <DataTable
            label="Groups"
            rows={visible}
            columns={columns}
            getRowId={(g) => g.gid}
            sort={sort}
            onSortChange={(next) => params.set({ sort: next })}
            onOpen={(g) => void navigate(orgPaths.group(g.gid))}
            empty={
              groups.data.length === 0 ? (
                <EmptyState message="No groups yet.">
                  <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                    Create group
                  </button>
                </EmptyState>
              ) : (
                <EmptyState message="No groups match this search.">
                  <button
                    type="button"
                    className="btn"
                    onClick={() => {
                      params.set({ query: '' });
                      document.getElementById('group-search')?.focus();
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
      <CreateGroupDialog isOpen={creating} onClose={() => setCreating(false)} />
      <LdapImportDialog kind="group" isOpen={importing} onClose={() => setImporting(false)} />
    </>
  );
}
