import { useCallback, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import type { GrantSource } from '@/lib/access-check.ts';
import { publicPath } from '@/lib/base.ts';
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
  // Plain links that the table opens in the app: one navigate for the table instead of a router Link per row (a
  // keystroke in a group's 10,000 permissions renders a screen of new rows, and the Links were much of their cost).
  const navigate = useNavigate();
  const open = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      const to = event.currentTarget.dataset.to;
      if (to === undefined || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
        return;
      event.preventDefault();
      void navigate(to);
    },
    [navigate],
  );
  return (
    <table className={`simple-table permission-table${editable ? ' editable' : ''}`}>
      <caption className="visually-hidden">{label}</caption>
      {/* Fixed column widths (global.css): the table lays out without measuring every cell's content, and the
          columns stay put while a search changes the rows. */}
      <colgroup>
        <col className="col-resource" />
        <col className="col-actions" />
        <col className="col-granted" />
        {editable && <col className="col-revoke" />}
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Resource</th>
          <th scope="col">Actions</th>
          <th scope="col">Granted</th>
          {editable && <th scope="col">Revoke</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const direct = row.source.kind === 'direct';
          return (
            // Keyed by position, as DataTable's rows: when a keystroke brings other rows into view, React updates the
            // rows already in the DOM instead of removing them and building new ones. The rows hold no state.
            <tr key={index} className={direct ? undefined : 'inherited'}>
              <td>
                <a
                  className="mono"
                  href={publicPath(permissionPaths.acl(row.rid))}
                  data-to={permissionPaths.acl(row.rid)}
                  onClick={open}
                >
                  {row.rid}
                </a>
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
                  <a
                    href={publicPath(orgPaths.group(row.source.gid, 'permissions'))}
                    data-to={orgPaths.group(row.source.gid, 'permissions')}
                    onClick={open}
                  >
                    Inherited from group {row.source.gid}
                  </a>
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
