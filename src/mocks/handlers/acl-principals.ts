// The two kinds of account an ACL holds grants for, users and groups, and the rules their revokes share.
import { groupHoldsAction, holdsAction, superuserUids } from '../authz.ts';
import { SUPERUSERS_GID, SUPERUSER_RID } from '../db/entities.ts';
import type { Action, SimAcl, SimDb } from '../db/types.ts';
import { iamError } from '../lib/http.ts';
import { noSuperuserLeft, superuserGroupError } from './acl-common.ts';
import { unknownGroup, unknownUser } from './iam.ts';

/** What differs between the users and the groups variants of the same routes. */
export interface Kind {
  segment: 'users' | 'groups';
  param: 'uid' | 'gid';
  noun: 'user' | 'group';
  principal(id: string): { uid: string } | { gid: string };
  table(acl: SimAcl): Map<string, Set<Action>>;
  exists(db: SimDb, id: string): boolean;
  unknown(id: string): Response;
  holds(db: SimDb, id: string, rid: string, action: Action): boolean;
}

export const KINDS: readonly Kind[] = [
  {
    segment: 'users',
    param: 'uid',
    noun: 'user',
    principal: (uid) => ({ uid }),
    table: (acl) => acl.users,
    exists: (db, uid) => db.users.has(uid),
    unknown: unknownUser,
    holds: holdsAction,
  },
  {
    segment: 'groups',
    param: 'gid',
    noun: 'group',
    principal: (gid) => ({ gid }),
    table: (acl) => acl.groups,
    exists: (db, gid) => db.groups.has(gid),
    unknown: unknownGroup,
    holds: groupHoldsAction,
  },
];

export const capitalized = (kind: Kind) => (kind.noun === 'user' ? 'User' : 'Group');

/** BNC app/errors.py `raise_user_not_in_acl` / `raise_group_not_in_acl`. */
export function notInAcl(kind: Kind, id: string, rid: string): Response {
  return iamError(
    400,
    `${capitalized(kind)} \`${id}\` is not part of ACL for resource \`${rid}\``,
    `ERR_${kind.noun.toUpperCase()}_NOT_IN_ACL`,
  );
}

/**
 * A revoke on `dcos:superuser` must leave `superusers` its `full` (BNC `raise_is_superuser_group`) and must leave some
 * account with superuser access. The second can only fail from a state the API itself never produces (the
 * `superusers` group keeps `full` and at least one member), so it is a safety net, checked before anything changes.
 */
export function superuserRevokeProblem(
  db: SimDb,
  kind: Kind,
  acl: SimAcl,
  id: string,
  action?: Action,
): Response | null {
  if (acl.rid !== SUPERUSER_RID) return null;
  if (kind.segment === 'groups' && id === SUPERUSERS_GID && (action === undefined || action === 'full'))
    return superuserGroupError();
  // Revoking the whole entry leaves the account nothing here; revoking one action leaves it the others.
  const remaining = action === undefined ? [] : [...(kind.table(acl).get(id) ?? [])].filter((held) => held !== action);
  if (remaining.length > 0) return null;
  return superuserUids(db).size > 0 && superuserUids(db, kind.principal(id)).size === 0 ? noSuperuserLeft() : null;
}
