import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { revokePermission, type Principal } from '@/api/acls.ts';
import { forbiddenHint } from '@/api/errors.ts';
import { permissionPaths } from '@/lib/paths.ts';
import { filterByText } from '@/lib/text-search.ts';
import { useSearchUpdate, type SearchChanges } from '@/lib/use-search-update.ts';
import { useUrlSearchText } from '@/lib/use-url-text.ts';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { useSearchIndexWhileIdle } from '@/ui/use-list-rows.ts';
import { BulkGrant } from './bulk-grant.tsx';
import { principalName } from './grant-dialog.tsx';
import { GrantFromUrl } from './grant-from-url.tsx';
import { isSuperuserRow, PermissionTable, type PermissionRow } from './permission-table.tsx';
import { usePermissionChange } from './use-permission-change.ts';
import { catalogQuery } from './catalog-query.ts';

/**
 * Rows rendered at first, and added by each "Show more": a group may hold thousands of grants (10,000 in the bench's
 * walk), and a table of all of them is 110,000 DOM nodes that take seconds to render at every visit and keystroke.
 */
export const PERMISSION_ROWS_STEP = 25;
const searchFields = (row: PermissionRow) => [row.rid, row.description];
const NO_ROWS: readonly PermissionRow[] = [];

interface Revoking {
  row: PermissionRow;
  action?: string | undefined;
}

/**
 * The Permissions tab of a user, service account or group: its permissions (and, for accounts, those inherited from
 * groups), grant with the builder or from text, revoke with confirm. Dialog state and the search live in the URL.
 * A `dcos_` component account must be unlocked by typing its uid first.
 */
export function PermissionsEditor({
  principal,
  rows,
  system = false,
}: {
  principal: Principal;
  rows: { data: PermissionRow[] | undefined; error: Error | null; isFetching: boolean; refetch: () => unknown };
  system?: boolean;
}) {
  const [params] = useSearchParams();
  const catalog = useQuery(catalogQuery());
  const [unlocked, setUnlocked] = useState(!system);
  const [unlocking, setUnlocking] = useState(false);
  const [revoking, setRevoking] = useState<Revoking | null>(null);
  const revoke = usePermissionChange(
    ({ row, action }: Revoking) => revokePermission(principal, row.rid, action),
    ({ row, action }) => `Revoked ${action ?? 'all actions'} on ${row.rid} from ${principalName(principal)}.`,
  );
  // The box's own state; the URL follows once typing pauses (a router navigation per keystroke cost more than the rows).
  const [query, setQuery] = useUrlSearchText('q');
  const update = useSearchUpdate();
  // flushSync: a panel opened through the URL (grant, add from text) shows in the click's own render.
  const setParam = (changes: SearchChanges) => update(changes, { replace: true, flushSync: true });
  // Filtered over an index kept per list (rows.data keeps its identity: the tabs' selects are module-level).
  const shown = useMemo(() => filterByText(rows.data ?? NO_ROWS, query.trim(), searchFields), [rows.data, query]);
  // As the lists do: the first keystroke in 10,000 grants then only searches.
  useSearchIndexWhileIdle(rows.data ?? NO_ROWS, searchFields);
  const [limit, setLimit] = useState(PERMISSION_ROWS_STEP);
  const name = principalName(principal);
  // Stable, with `listing` below: a keystroke in the search must not render the table for a new handler.
  const onRevoke = useCallback((row: PermissionRow, action?: string) => setRevoking({ row, action }), []);
  // Memoized: the render after the search reaches the URL changes neither, and React writes an input's attributes on
  // every render of it (a DOM change ~250 ms after each keystroke, as in AccountList).
  const searchField = useMemo(
    () => (
      <div className="field field-inline">
        <label htmlFor="permission-search">Search permissions</label>
        <input id="permission-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
    ),
    [query, setQuery],
  );
  const listing = useMemo(() => {
    if (!rows.data) return null;
    if (rows.data.length === 0)
      return <p className="muted">No permissions yet.{unlocked ? ' Grant one to start.' : ''}</p>;
    if (shown.length === 0) return <p className="muted">No permission matches “{query}”.</p>;
    return (
      <>
        <PermissionTable
          rows={shown.length > limit ? shown.slice(0, limit) : shown}
          label={`Permissions of ${name}`}
          editable={unlocked}
          onRevoke={onRevoke}
        />
        {shown.length > limit && (
          <div className="toolbar">
            <p className="muted">
              Showing {limit} of {shown.length} permissions; search to narrow them.
            </p>
            <button type="button" className="btn" onClick={() => setLimit(limit + PERMISSION_ROWS_STEP)}>
              Show {Math.min(PERMISSION_ROWS_STEP, shown.length - limit)} more
            </button>
          </div>
        )}
      </>
    );
  }, [rows.data, shown, query, limit, name, unlocked, onRevoke]);
  // Once per list, not per render: a keystroke renders this editor, and a group may hold 10,000 grants.
  const superuser = useMemo(() => rows.data?.find(isSuperuserRow), [rows.data]);
  const granting = unlocked && params.get('grant') !== null;
  const bulk = unlocked && params.get('bulk') === '1';

  if (rows.error) {
    return (
      <ErrorState
        title="Could not load permissions"
        error={rows.error}
        onRetry={() => void rows.refetch()}
        retrying={rows.isFetching}
      >
        {forbiddenHint(rows.error)}
      </ErrorState>
    );
  }
  if (!rows.data) return <LoadingState>Loading permissions…</LoadingState>;

  return (
    <section aria-label={`Permissions of ${name}`}>
      {superuser && (
        <div className="notice">
          <p>
            <strong>Superuser.</strong>{' '}
            {superuser.source.kind === 'group' ? `Through group ${superuser.source.gid}, ` : ''}
            {name} holds <code>dcos:superuser</code>, which grants unrestricted access to the whole cluster whatever
            else is listed here.
          </p>
        </div>
      )}
      <div className="toolbar">
        {searchField}
        {unlocked ? (
          <>
            <button type="button" className="btn btn-primary" onClick={() => setParam({ grant: '', bulk: null })}>
              Grant permission
            </button>
            <button type="button" className="btn" onClick={() => setParam({ bulk: '1', grant: null })}>
              Add from text
            </button>
          </>
        ) : (
          <button type="button" className="btn" onClick={() => setUnlocking(true)}>
            Unlock editing
          </button>
        )}
        {'uid' in principal && (
          <Link className="btn" to={permissionPaths.check({ uid: principal.uid })}>
            Check access
          </Link>
        )}
      </div>
      {bulk && (
        <BulkGrant
          principal={principal}
          catalog={catalog.data ?? []}
          catalogError={catalog.error}
          onClose={() => setParam({ bulk: null })}
        />
      )}
      {listing}
      {granting && <GrantFromUrl principal={principal} onClose={() => setParam({ grant: null, action: null })} />}
      <ConfirmDialog
        title={revoking?.action ? `Revoke “${revoking.action}”?` : 'Revoke every action?'}
        isOpen={revoking !== null}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (revoking) await revoke.mutateAsync(revoking);
        }}
        confirmLabel="Revoke"
        errorHint={forbiddenHint}
      >
        <p>
          {name} loses {revoking?.action ? `“${revoking.action}”` : 'every action'} on{' '}
          <span className="mono">{revoking?.row.rid}</span>.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        title={`Edit the permissions of ${name}?`}
        isOpen={unlocking}
        onClose={() => setUnlocking(false)}
        onConfirm={() => {
          setUnlocked(true);
          return Promise.resolve();
        }}
        confirmLabel="Unlock editing"
        requireTyping={'uid' in principal ? principal.uid : principal.gid}
      >
        <p>
          {name} is a DC/OS component account. Changing its permissions may stop the service that uses it, and with it
          parts of the cluster.
        </p>
      </ConfirmDialog>
    </section>
  );
}
