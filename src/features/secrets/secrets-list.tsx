import { memo, useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { deleteSecret } from '@/api/secrets.ts';
import { secretPaths } from '@/lib/paths.ts';
import { ancestors, childrenOf, type SecretEntry, type TreeEntry } from '@/lib/secret-tree.ts';
import { DataTable, type Column } from '@/ui/data-table.tsx';
import { RowLink } from '@/ui/data-table-row.tsx';
import { FolderIcon, SecretIcon } from '@/ui/icons.tsx';
import { EmptyState, ListOptions } from '@/ui/list-parts.tsx';
import { useListRows } from '@/ui/use-list-rows.ts';
import { BulkDelete } from './bulk-delete.tsx';

const flatLists = new WeakMap<readonly string[], readonly SecretEntry[]>();

/** The flat view's rows (every path), made once per listing; useListRows orders and searches them. */
function flatList(paths: readonly string[]): readonly SecretEntry[] {
  let entries = flatLists.get(paths);
  if (!entries) flatLists.set(paths, (entries = paths.map((p): SecretEntry => ({ kind: 'secret', name: p, path: p }))));
  return entries;
}
const pathField = (entry: SecretEntry) => entry.path;
const nameValue = (entry: SecretEntry) => entry.name;
/** Paths compare as the locale does, case and accents included (not numerically: a path is not a number). */
const PATH_COLLATION: Intl.CollatorOptions = {};
const NO_ENTRIES: readonly SecretEntry[] = [];
const BY_NAME = { asc: { column: 'name', direction: 'asc' }, desc: { column: 'name', direction: 'desc' } } as const;

const NO_PATHS: readonly string[] = [];
const rowId = (e: TreeEntry) => (e.kind === 'folder' ? `${e.path}/` : e.path);

interface SecretsListProps {
  paths: readonly string[];
  folder: string;
  view: 'tree' | 'flat';
  descending: boolean;
  /** The search box's text (the URL follows it once typing pauses). */
  search: string;
  onSearchChange: (text: string) => void;
  /** Sets one URL parameter ('' removes it); keeps one identity. */
  setParam: (key: 'view' | 'sort', value: string) => void;
}

/**
 * Search, view switch, breadcrumbs and the grid of secrets. Memoized, as are its parts: the page renders again when
 * the search reaches the URL, and that render must not rebuild the grid or the inputs (React writes an input's
 * attributes on every render of it) — issue 9, keystroke → rows ≤ 50 ms at 4× CPU.
 */
export const SecretsList = memo(function SecretsList({
  paths,
  folder,
  view,
  descending,
  search,
  onSearchChange,
  setParam,
}: SecretsListProps) {
  const navigate = useNavigate();
  // Not deferred: one render, commit and paint per keystroke (see AccountList).
  const query = search.trim().toLowerCase();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const flat = query !== '' || view === 'flat';

  const { visible: flatRows, sorting } = useListRows({
    rows: flat ? flatList(paths) : NO_ENTRIES,
    sort: BY_NAME[descending ? 'desc' : 'asc'],
    sortValue: nameValue,
    query,
    fields: pathField,
    collation: PATH_COLLATION,
  });
  const rows = useMemo<readonly TreeEntry[]>(() => {
    if (flat) return flatRows;
    // Folders first, then secrets, each by name; descending reverses each group, the folders staying first.
    const entries = childrenOf(paths, folder);
    return descending
      ? [
          ...entries.filter((e) => e.kind === 'folder').reverse(),
          ...entries.filter((e) => e.kind === 'secret').reverse(),
        ]
      : entries;
  }, [paths, flat, flatRows, folder, descending]);

  const columns = useMemo<Column<TreeEntry>[]>(
    () => [
      {
        id: 'name',
        header: flat ? 'Path' : 'Name',
        sortable: true,
        width: 'minmax(14rem, 3fr)',
        cell: (e) =>
          e.kind === 'folder' ? (
            <RowLink href={secretPaths.list({ folder: e.path })}>
              <FolderIcon />
              {e.name}/
            </RowLink>
          ) : (
            <RowLink href={secretPaths.view(e.path)}>
              <SecretIcon />
              {e.name}
            </RowLink>
          ),
      },
      {
        id: 'kind',
        header: 'Kind',
        width: 'minmax(8rem, 1fr)',
        cell: (e) => (e.kind === 'folder' ? `Space · ${e.count} secret${e.count === 1 ? '' : 's'}` : 'Secret'),
      },
    ],
    [flat],
  );

  const searchField = useMemo(
    () => (
      <div className="field">
        <label htmlFor="secret-search">Search all paths</label>
        <input
          id="secret-search"
          type="search"
          value={search}
          onChange={(e) => onSearchChange(e.target.value)}
          placeholder="any part of a path"
        />
      </div>
    ),
    [search, onSearchChange],
  );

  const rest = useMemo(
    () => (
      <>
        <div className="field">
          <label htmlFor="secret-view">View</label>
          <select
            id="secret-view"
            value={view}
            onChange={(e) => setParam('view', e.target.value === 'flat' ? 'flat' : '')}
          >
            <option value="tree">Spaces (folders)</option>
            <option value="flat">All paths</option>
          </select>
        </div>
        <p className="count" aria-live="polite">
          {rows.length} {query !== '' ? `of ${paths.length} paths match` : view === 'flat' ? 'secrets' : 'entries'}
          {sorting && ' · sorting…'}
        </p>
        <ListOptions />
      </>
    ),
    [rows.length, view, setParam, query, paths.length, sorting],
  );

  // Stable callbacks for the memoized bulk bar and empty state below.
  const clearSelection = useCallback(() => setSelected(new Set()), []);
  // The selected rows in view (a selected folder counts, though only secrets can be deleted).
  const selection = useMemo(() => {
    if (selected.size === 0) return { count: 0, secrets: NO_PATHS };
    const chosen = rows.filter((r) => selected.has(rowId(r)));
    return { count: chosen.length, secrets: chosen.filter((r) => r.kind === 'secret').map((r) => r.path) };
  }, [rows, selected]);
  const bulk = useMemo(
    () => (
      <BulkDelete count={selection.count} paths={selection.secrets} remove={deleteSecret} onClear={clearSelection} />
    ),
    [selection, clearSelection],
  );

  const clearSearch = useCallback(() => {
    onSearchChange('');
    document.getElementById('secret-search')?.focus();
  }, [onSearchChange]);
  const empty = useMemo(() => {
    if (query !== '')
      return (
        <EmptyState message="No path matches this search.">
          <button type="button" className="btn" onClick={clearSearch}>
            Clear search
          </button>
        </EmptyState>
      );
    const here = view === 'tree' ? folder : '';
    return (
      <EmptyState message={paths.length === 0 ? 'No secrets here.' : 'This space is empty.'}>
        <Link className="btn btn-primary" to={secretPaths.create(here)}>
          Create secret
        </Link>
      </EmptyState>
    );
  }, [query, clearSearch, view, folder, paths.length]);

  const table = useMemo(
    () => (
      <DataTable
        label="Secrets"
        rows={rows}
        columns={columns}
        getRowId={rowId}
        sort={{ column: 'name', direction: descending ? 'desc' : 'asc' }}
        onSortChange={(s) => setParam('sort', s.direction === 'desc' ? 'desc' : '')}
        onOpen={(e) =>
          void navigate(e.kind === 'folder' ? secretPaths.list({ folder: e.path }) : secretPaths.view(e.path))
        }
        selection={{ selected, onChange: setSelected }}
        empty={empty}
      />
    ),
    [rows, columns, descending, setParam, navigate, selected, empty],
  );

  return (
    <>
      <div className="toolbar" role="search">
        {searchField}
        {rest}
      </div>
      {bulk}
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
      {table}
    </>
  );
});
