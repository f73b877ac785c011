import { Link } from 'react-router';
import type { Principal } from '@/api/acls.ts';
import { orgPaths } from '@/lib/paths.ts';
import { principalName } from './grant-dialog.tsx';
import { useAccountPath } from './use-account-path.ts';

export interface Holder {
  principal: Principal;
  actions: string[];
}

/** Who holds which action on one resource, each with Revoke all; accounts link to their user or service-account page. */
export function AclHoldersTable({
  rid,
  rows,
  onRevoke,
}: {
  rid: string;
  rows: readonly Holder[];
  onRevoke: (holder: Holder) => void;
}) {
  const accountPath = useAccountPath();
  return (
    <table className="simple-table">
      <caption className="visually-hidden">Holders of {rid}</caption>
      <thead>
        <tr>
          <th scope="col">Account or group</th>
          <th scope="col">Actions</th>
          <th scope="col">Revoke</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((holder) => {
          const name = principalName(holder.principal);
          return (
            <tr key={name}>
              <td>
                <Link
                  to={
                    'uid' in holder.principal
                      ? accountPath(holder.principal.uid, 'permissions')
                      : orgPaths.group(holder.principal.gid, 'permissions')
                  }
                >
                  {name}
                </Link>
              </td>
              <td>
                <ul className="chips" aria-label={`Actions of ${name}`}>
                  {holder.actions.map((a) => (
                    <li key={a} className="chip">
                      {a}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-quiet btn-small"
                  onClick={() => onRevoke(holder)}
                  aria-label={`Revoke all from ${name}`}
                >
                  Revoke all
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
