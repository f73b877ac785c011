import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { aclQueries, deleteAcl, revokePermission } from '@/api/acls.ts';
import { forbiddenHint, isApiError } from '@/api/errors.ts';
import { isSystemAccount } from '@/api/users.ts';
import { permissionPaths } from '@/lib/paths.ts';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { AclHoldersTable, type Holder } from './acl-holders-table.tsx';
import { principalName } from './grant-dialog.tsx';
import { usePermissionChange } from './use-permission-change.ts';

function ridFromSplat(splat: string): string {
  try {
    return splat.split('/').map(decodeURIComponent).join('/');
  } catch {
    return splat;
  }
}

/** One resource: its description, who holds which action on it (revocable), and deleting its ACL. */
export function AclDetailPage() {
  const rid = ridFromSplat(useParams()['*'] ?? '');
  const navigate = useNavigate();
  const acl = useQuery(aclQueries.detail(rid));
  const holders = useQuery(aclQueries.permissions(rid));
  const [revoking, setRevoking] = useState<Holder | null>(null);
  const [deleting, setDeleting] = useState(false);
  const revoke = usePermissionChange(
    (holder: Holder) => revokePermission(holder.principal, rid),
    (holder) => `Revoked every action on ${rid} from ${principalName(holder.principal)}.`,
  );
  const remove = usePermissionChange(
    () => deleteAcl(rid),
    () => `Deleted the ACL of ${rid}.`,
  );

  const breadcrumbs = (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      <Link to={permissionPaths.acls()}>Permissions</Link> /{' '}
      <span aria-current="page" className="mono">
        {rid}
      </span>
    </nav>
  );
  // Every state names the page in an h1 (the rid is known from the URL), so a screen reader user knows where they are.
  const heading = (
    <div className="page-head">
      <h1 className="mono">{rid}</h1>
    </div>
  );
  if (acl.isPending)
    return (
      <>
        {breadcrumbs}
        {heading}
        <LoadingState>Loading {rid}…</LoadingState>
      </>
    );
  if (acl.isError) {
    return (
      <>
        <title>{`${rid} · DC/OS Security Console`}</title>
        {breadcrumbs}
        {isApiError(acl.error, 'not-found') ? (
          <div className="alert alert-error" role="alert">
            <h1 className="alert-title">No ACL for “{rid}”</h1>
            <p>
              Nobody holds a permission on it. <Link to={permissionPaths.acls()}>Back to permissions</Link>
            </p>
          </div>
        ) : (
          <>
            {heading}
            <ErrorState
              title={`Could not load ${rid}`}
              error={acl.error}
              onRetry={() => void acl.refetch()}
              retrying={acl.isFetching}
            >
              {forbiddenHint(acl.error)}
            </ErrorState>
          </>
        )}
      </>
    );
  }
  const rows: Holder[] = [
    ...(holders.data?.users ?? []).map((u) => ({ principal: { uid: u.uid }, actions: u.actions.map((a) => a.name) })),
    ...(holders.data?.groups ?? []).map((g) => ({ principal: { gid: g.gid }, actions: g.actions.map((a) => a.name) })),
  ];
  // Component accounts may break the cluster when they lose a permission (api doc §3): their holders, and a holder list
  // that could not be read, make Delete ACL ask for the rid to be typed.
  const systemHolders = rows.flatMap((h) =>
    'uid' in h.principal && isSystemAccount(h.principal.uid) ? [h.principal.uid] : [],
  );
  const revokingSystem =
    revoking && 'uid' in revoking.principal && isSystemAccount(revoking.principal.uid)
      ? revoking.principal.uid
      : undefined;
  return (
    <>
      <title>{`${rid} · Permissions · DC/OS Security Console`}</title>
      {breadcrumbs}
      <div className="page-head">
        <h1 className="mono">{rid}</h1>
        <div className="actions">
          <button type="button" className="btn" onClick={() => setDeleting(true)}>
            Delete ACL
          </button>
        </div>
      </div>
      {acl.data.description && <p className="muted">{acl.data.description}</p>}
      <p>
        <Link to={permissionPaths.who({ rid, action: 'read' })}>Who can read this resource?</Link>{' '}
        <span className="muted">
          Every account that may, directly, through a group, as superuser or through a broader resource.
        </span>
      </p>
      <h2>Who holds what</h2>
      {holders.isPending ? (
        <LoadingState>Loading holders…</LoadingState>
      ) : holders.isError ? (
        <ErrorState
          title="Could not load who holds this resource"
          error={holders.error}
          onRetry={() => void holders.refetch()}
          retrying={holders.isFetching}
        />
      ) : rows.length === 0 ? (
        <p className="muted">Nobody holds an action on this resource.</p>
      ) : (
        <AclHoldersTable rid={rid} rows={rows} onRevoke={setRevoking} />
      )}
      <ConfirmDialog
        title="Revoke every action?"
        isOpen={revoking !== null}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (revoking) await revoke.mutateAsync(revoking);
        }}
        confirmLabel="Revoke"
        errorHint={forbiddenHint}
        requireTyping={revokingSystem}
      >
        <p>
          {revoking ? principalName(revoking.principal) : ''} loses every action on <span className="mono">{rid}</span>.
        </p>
        {revokingSystem && <SystemWarning uids={[revokingSystem]} />}
      </ConfirmDialog>
      <ConfirmDialog
        title="Delete this ACL?"
        isOpen={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await remove.mutateAsync(undefined);
          await navigate(permissionPaths.acls());
        }}
        confirmLabel="Delete ACL"
        errorHint={forbiddenHint}
        requireTyping={holders.isSuccess && systemHolders.length === 0 ? undefined : rid}
      >
        <p>
          Every account and group loses its permissions on <span className="mono">{rid}</span> ({rows.length} holder
          {rows.length === 1 ? '' : 's'}).
        </p>
        {systemHolders.length > 0 && <SystemWarning uids={systemHolders} />}
      </ConfirmDialog>
    </>
  );
}

function SystemWarning({ uids }: { uids: readonly string[] }) {
  return (
    <p className="notice">
      {uids.join(', ')} {uids.length === 1 ? 'is a DC/OS component account' : 'are DC/OS component accounts'}: taking a
      permission away may stop the service that uses it, and with it parts of the cluster.
    </p>
  );
}
