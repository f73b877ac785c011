import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { groupQueries } from '@/api/groups.ts';
import { userQueries } from '@/api/users.ts';
import { orgPaths } from '@/lib/paths.ts';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';

interface Row {
  rid: string;
  description: string;
  actions: string[];
  via?: string;
}

function PermissionTable({ rows, label }: { rows: Row[]; label: string }) {
  const superuser = rows.some((r) => r.rid === 'dcos:superuser' && r.actions.length > 0);
  if (rows.length === 0) return <p className="muted">No permissions.</p>;
  return (
    <>
      {superuser && (
        <div className="notice">
          <p>
            <strong>Superuser.</strong> Any action on <code>dcos:superuser</code> grants unrestricted access to the cluster.
          </p>
        </div>
      )}
      <table className="simple-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Resource</th>
            <th scope="col">Actions</th>
            <th scope="col">Granted</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.rid}|${row.via ?? ''}`}>
              <td>
                <span className="mono">{row.rid}</span>
                {row.description && <div className="muted">{row.description}</div>}
              </td>
              <td>
                {row.actions.map((a) => (
                  <span key={a} className="badge">
                    {a}
                  </span>
                ))}
              </td>
              <td>{row.via ? <Link to={orgPaths.group(row.via)}>via group {row.via}</Link> : 'Directly'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Read-only: the account's direct permissions and those it inherits from its groups. */
export function AccountPermissions({ uid }: { uid: string }) {
  const permissions = useQuery(userQueries.permissions(uid));
  if (permissions.isPending) return <LoadingState>Loading permissions…</LoadingState>;
  if (permissions.isError)
    return <ErrorState title="Could not load permissions" error={permissions.error} onRetry={() => void permissions.refetch()} retrying={permissions.isFetching} />;
  const rows: Row[] = [
    ...permissions.data.direct.map((p) => ({ rid: p.rid, description: p.description, actions: p.actions.map((a) => a.name) })),
    ...permissions.data.groups.map((p) => ({ rid: p.rid, description: p.description, actions: p.actions.map((a) => a.name), via: p.gid })),
  ];
  return <PermissionTable rows={rows} label={`Permissions of ${uid}`} />;
}

export function GroupPermissions({ gid }: { gid: string }) {
  const permissions = useQuery(groupQueries.permissions(gid));
  if (permissions.isPending) return <LoadingState>Loading permissions…</LoadingState>;
  if (permissions.isError)
    return <ErrorState title="Could not load permissions" error={permissions.error} onRetry={() => void permissions.refetch()} retrying={permissions.isFetching} />;
  const rows = permissions.data.map((p) => ({ rid: p.rid, description: p.description, actions: p.actions.map((a) => a.name) }));
  return <PermissionTable rows={rows} label={`Permissions of group ${gid}`} />;
}
