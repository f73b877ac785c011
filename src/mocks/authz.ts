import type { Action, SecurityMode, SimAcl, SimDb } from './db/types.ts';
import { SUPERUSER_RID, groupsOf } from './db/entities.ts';

/**
 * The permission categories a security mode does NOT enforce (DOCS security/ent/index.md; the three-mode table of
 * 1.10–1.11 for `disabled`). Everything else, including rids of no known category, is enforced: deny by default.
 */
const UNENFORCED: Record<SecurityMode, readonly string[]> = {
  disabled: ['dcos:mesos', 'dcos:service', 'dcos:cluster:linker'],
  permissive: ['dcos:mesos'],
  strict: [],
};

export function isEnforced(mode: SecurityMode, rid: string): boolean {
  return !UNENFORCED[mode].some((category) => rid === category || rid.startsWith(`${category}:`));
}

/** Every (rid → actions) the account holds, directly or through its groups. */
export function effectiveActions(db: SimDb, uid: string): Map<string, Set<Action>> {
  const result = new Map<string, Set<Action>>();
  const add = (rid: string, actions: Iterable<Action>) => {
    const set = result.get(rid) ?? new Set<Action>();
    for (const action of actions) set.add(action);
    result.set(rid, set);
  };
  const groups = [...db.memberships].filter(([, members]) => members.has(uid)).map(([gid]) => gid);
  for (const acl of db.acls.values()) {
    const direct = acl.users.get(uid);
    if (direct) add(acl.rid, direct);
    for (const gid of groups) {
      const viaGroup = acl.groups.get(gid);
      if (viaGroup) add(acl.rid, viaGroup);
    }
  }
  return result;
}

type Grants = (actions: ReadonlySet<Action>) => boolean;
const anyAction: Grants = (actions) => actions.size > 0;
const covering =
  (action: Action): Grants =>
  (actions) =>
    actions.has(action) || actions.has('full');

/**
 * Whether the account, directly or through one of `gids`, holds grants on `acl` that pass `test`. Two map lookups per
 * group instead of a walk over every ACL: the guard asks this on every request, and a scaled db has 10,000 ACLs.
 */
function holdsOn(acl: SimAcl | undefined, uid: string, gids: readonly string[], test: Grants): boolean {
  if (!acl) return false;
  const direct = acl.users.get(uid);
  if (direct && test(direct)) return true;
  return gids.some((gid) => {
    const viaGroup = acl.groups.get(gid);
    return viaGroup !== undefined && test(viaGroup);
  });
}

export function isSuperuser(db: SimDb, uid: string): boolean {
  return holdsOn(db.acls.get(SUPERUSER_RID), uid, groupsOf(db, uid), anyAction);
}

/**
 * The IAM's own answer, whatever the security mode: any action on `dcos:superuser`, or `action` or `full` on exactly
 * `rid`, held directly or through any of the account's groups. An rid without an ACL is simply not granted.
 */
export function holdsAction(db: SimDb, uid: string, rid: string, action: Action): boolean {
  const gids = groupsOf(db, uid);
  return (
    holdsOn(db.acls.get(SUPERUSER_RID), uid, gids, anyAction) || holdsOn(db.acls.get(rid), uid, gids, covering(action))
  );
}

/** The same for a group, from its own grants only (a group has no groups); `dcos:superuser` covers all here too. */
export function groupHoldsAction(db: SimDb, gid: string, rid: string, action: Action): boolean {
  const superuser = db.acls.get(SUPERUSER_RID)?.groups.get(gid);
  if (superuser && anyAction(superuser)) return true;
  const own = db.acls.get(rid)?.groups.get(gid);
  return own !== undefined && covering(action)(own);
}

/** Deny by default; superuser may do all; `full` covers every action; unenforced categories allow. */
export function isAllowed(db: SimDb, uid: string, rid: string, action: Action): boolean {
  return !isEnforced(db.securityMode, rid) || holdsAction(db, uid, rid, action);
}

/**
 * Every existing account that holds `dcos:superuser`, directly or through a group; `without` leaves one user's or one
 * group's entry out, to ask whether revoking it would leave the cluster without a superuser.
 */
export function superuserUids(db: SimDb, without?: { uid: string } | { gid: string }): Set<string> {
  const uids = new Set<string>();
  const acl = db.acls.get(SUPERUSER_RID);
  if (!acl) return uids;
  const skipUid = without && 'uid' in without ? without.uid : undefined;
  const skipGid = without && 'gid' in without ? without.gid : undefined;
  for (const [uid, actions] of acl.users) if (uid !== skipUid && actions.size > 0 && db.users.has(uid)) uids.add(uid);
  for (const [gid, actions] of acl.groups) {
    if (gid === skipGid || actions.size === 0) continue;
    for (const uid of db.memberships.get(gid) ?? []) if (db.users.has(uid)) uids.add(uid);
  }
  return uids;
}
