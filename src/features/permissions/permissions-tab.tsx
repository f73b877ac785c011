import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { groupQueries, type GroupPermission } from '@/api/groups.ts';
import { isSystemAccount, userQueries, type UserPermissions } from '@/api/users.ts';
import type { PermissionRow } from './permission-table.tsx';
import { PermissionsEditor } from './permissions-editor.tsx';

const byRid = (a: PermissionRow, b: PermissionRow) => a.rid.localeCompare(b.rid);

/** An account's effective permissions: its own, then every group's, each saying where it comes from. */
export function accountRows(permissions: UserPermissions): PermissionRow[] {
  const direct = permissions.direct.map((p) => ({
    rid: p.rid,
    description: p.description,
    actions: p.actions.map((a) => a.name),
    source: { kind: 'direct' as const },
  }));
  const inherited = permissions.groups.map((p) => ({
    rid: p.rid,
    description: p.description,
    actions: p.actions.map((a) => a.name),
    source: { kind: 'group' as const, gid: p.gid },
  }));
  return [...direct.sort(byRid), ...inherited.sort(byRid)];
}

/** Rows per answer: a tab that mounts again (a return to it) gets the rows of the same answer without sorting again. */
const groupRowsCache = new WeakMap<readonly GroupPermission[], PermissionRow[]>();

/**
 * A group's permissions, by rid: built once per answer and module-level, so the rows keep their identity across
 * renders, keystrokes and visits (the search keeps its index per list).
 */
function groupRows(list: readonly GroupPermission[]): PermissionRow[] {
  let rows = groupRowsCache.get(list);
  if (!rows) {
    rows = list
      .map((p) => ({
        rid: p.rid,
        description: p.description,
        actions: p.actions.map((a) => a.name),
        source: { kind: 'direct' as const },
      }))
      .sort(byRid);
    groupRowsCache.set(list, rows);
  }
  return rows;
}

/** The Permissions tab of a user or service account (route child of its detail page). */
export function AccountPermissionsTab() {
  const { uid = '' } = useParams();
  const permissions = useQuery({ ...userQueries.permissions(uid), select: accountRows });
  return <PermissionsEditor key={uid} principal={{ uid }} rows={permissions} system={isSystemAccount(uid)} />;
}

/** The Permissions tab of a group. */
export function GroupPermissionsTab() {
  const { gid = '' } = useParams();
  const permissions = useQuery({ ...groupQueries.permissions(gid), select: groupRows });
  return <PermissionsEditor key={gid} principal={{ gid }} rows={permissions} />;
}
