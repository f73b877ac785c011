import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '@/api/errors.ts';
import { deleteSecret, secretQueries } from '@/api/secrets.ts';
import { secretPaths } from '@/lib/paths.ts';
import { ancestors, childrenOf, type TreeEntry } from '@/lib/secret-tree.ts';
import { DataTable, type Column } from '@/ui/data-table.tsx';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { BulkDelete } from './bulk-delete.tsx';
import { OpenByPath } from './open-by-path.tsx';
import { SealPanel } from './seal-panel.tsx';

export function SecretsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const folder = params.get('path') ?? '';
  const view = params.get('view') === 'flat' ? 'flat' : 'tree';
  const rawQuery = params.get('q') ?? '';
  const query = useDeferredValue(rawQuery.trim().toLowerCase());
  const descending = params.get('sort') === 'desc';
  const list = useQuery(secretQueries.list());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const setParam = (key: string, value: string) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === '') next.delete(key);
        else next.set(key, value);
        return next;
      },
      // Typing replaces the entry and renders at once (flushSync): the URL-controlled box must not drop fast keystrokes.
      { replace: key === 'q', flushSync: key === 'q' },
    );
  };

  const rows = useMemo<TreeEntry[]>(() => {
    const paths = list.data ?? [];
    const entries: TreeEntry[] =
      query !== '' || view === 'flat'
        ? paths.filter((p) => p.toLowerCase().includes(query)).map((p) => ({ kind: 'secret', name: p, path: p }))
        : childrenOf(paths, folder);
    const sorted = [...entries].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
    return descending ? sorted.reverse() : sorted;
  }, [list.data, query, view, folder, descending]);

  const columns = useMemo<Column<TreeEntry>[]>(
    () => [
      {
        id: 'name',
        header: query !== '' || view === 'flat' ? 'Path' : 'Name',
        sortable: true,
        width: 'minmax(14rem, 3fr)',
        cell: (e) =>
          e.kind === 'folder' ? (
            <Link to={secretPaths.list({ folder: e.path })} tabIndex={-1}>
              <span aria-hidden="true">📁 </span>
              {e.name}/
            </Link>
          ) : (
            <Link to={secretPaths.view(e.path)} tabIndex={-1}>
              {e.name}
            </Link>
          ),
      },
      { id: 'kind', header: 'Kind', width: 'minmax(8rem, 1fr)', cell: (e) => (e.kind === 'folder' ? `Space · ${e.count} secret${e.count === 1 ? '' : 's'}` : 'Secret') },
    ],
    [query, view],
  );

  const secretRows = rows.filter((r) => r.kind === 'secret' && selected.has(r.path)).map((r) => r.path);
  return (
    <>
      <title>Secrets · DC/OS Security Console</title>
      <div className="page-head">
        <h1>Secrets</h1>
        <div className="actions">
          <Link className="btn btn-primary" to={secretPaths.create(view === 'tree' ? folder : '')}>
            Create secret
          </Link>
        </div>
      </div>
      <SealPanel />
      {list.isPending ? (
        <LoadingState>Loading secrets…</LoadingState>
      ) : list.isError ? (
        isApiError(list.error, 'forbidden') ? (
          <div className="card stack">
            <div className="notice" role="alert">
              <p>
                Your account may not list secrets (it needs <code>dcos:secrets:list:default:/</code> read). You can still open a
                secret you know the path of.
              </p>
            </div>
            <OpenByPath />
          </div>
        ) : (
          <ErrorState title="Could not list the secrets" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        )
      ) : (
        <>
          <div className="toolbar" role="search">
            <div className="field">
              <label htmlFor="secret-search">Search all paths</label>
              <input id="secret-search" type="search" value={rawQuery} onChange={(e) => setParam('q', e.target.value)} placeholder="any part of a path" />
            </div>
            <div className="field">
              <label htmlFor="secret-view">View</label>
              <select id="secret-view" value={view} onChange={(e) => setParam('view', e.target.value === 'flat' ? 'flat' : '')}>
                <option value="tree">Spaces (folders)</option>
                <option value="flat">All paths</option>
              </select>
            </div>
            <p className="count" aria-live="polite">
              {rows.length} {query !== '' ? `of ${list.data.length} paths match` : view === 'flat' ? 'secrets' : 'entries'}
            </p>
            <div className="actions">
              <BulkDelete paths={secretRows} remove={deleteSecret} onDone={() => setSelected(new Set())} />
            </div>
          </div>
          {view === 'tree' && query === '' && (
            <nav className="breadcrumbs" aria-label="Folder">
              <Link to={secretPaths.list()}>All secrets</Link>
              {ancestors(folder).map((a) => (
                <span key={a}>
                  {' / '}
                  <Link to={secretPaths.list({ folder: a })} aria-current={a === folder ? 'page' : undefined}>
                    {a.split('/').pop()}
                  </Link>
                </span>
              ))}
            </nav>
          )}
          <DataTable
            label="Secrets"
            rows={rows}
            columns={columns}
            getRowId={(e) => (e.kind === 'folder' ? `${e.path}/` : e.path)}
            sort={{ column: 'name', direction: descending ? 'desc' : 'asc' }}
            onSortChange={(s) => setParam('sort', s.direction === 'desc' ? 'desc' : '')}
            onOpen={(e) => void navigate(e.kind === 'folder' ? secretPaths.list({ folder: e.path }) : secretPaths.view(e.path))}
            selection={{ selected, onChange: setSelected }}
            empty={list.data.length === 0 ? 'No secrets yet.' : query !== '' ? 'No path matches this search.' : 'This space is empty.'}
          />
        </>
      )}
    </>
  );
}
