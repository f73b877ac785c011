import { Link } from 'react-router';
import type { GrantSource } from '@/lib/access-check.ts';
import { orgPaths, permissionPaths } from '@/lib/paths.ts';

export interface PermissionRow {
  rid: string;
  description: string;
  actions: readonly string[];
  source: GrantSource;
}

export function isSuperuserRow(row: PermissionRow): boolean {
  return row.rid === 'dcos:superuser' && row.actions.length > 0;
}

/**
 * An account's or a group's permissions: direct ones can be revoked (one action, or the whole resource); inherited ones
 * are read-only and link to the group that grants them.
 */
export function PermissionTable({
  rows,
  label,
  editable,
  onRevoke,
}: {
  rows: readonly PermissionRow[];
  label: string;
  editable: boolean;
  onRevoke: (row: PermissionRow, action?: string) => void;
}) {
  return (
    <table className="simple-table permission-table">
      <caption className="visually-hidden">{label}</caption>
      <thead>
        <tr>
          <th scope="col">Resource</th>
          <th scope="col">Actions</th>
          <th scope="col">Granted</th>
          {editable && <th scope="col">Revoke</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const direct = row.source.kind === 'direct';
          return (
            <tr
              key={`${row.rid}|${row.source.kind === 'group' ? row.source.gid : ''}`}
              className={direct ? undefined : 'inherited'}
            >
              <td>
                <Link className="mono" to={permissionPaths.acl(row.rid)}>
                  {row.rid}
                </Link>
                {row.description && <div className="muted">{row.description}</div>}
              </td>
              <td>
                <ul className="chips" aria-label={`Actions on ${row.rid}`}>
                  {row.actions.map((action) => (
                    <li key={action} className="chip">
                      {action}
                      {editable && direct && (
                        <button
                          type="button"
                          className="chip-remove"
                          aria-label={`Revoke ${action} on ${row.rid}`}
                          onClick={() => onRevoke(row, action)}
                        >
                          ×
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {row.source.kind === 'group' ? (
                  <Link to={orgPaths.group(row.source.gid, 'permissions')}>Inherited from group {row.source.gid}</Link>
                ) : (
                  'Directly'
                )}
              </td>
              {editable && (
                <td>
                  {direct ? (
                    <button
                      type="button"
                      className="btn btn-quiet btn-small"
                      onClick={() => onRevoke(row)}
                      aria-label={`Revoke all on ${row.rid}`}
                    >
                      Revoke all
                    </button>
                  ) : (
                    <span className="muted">Change it in the group</span>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
