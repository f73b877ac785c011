import type { Action, SecurityMode, SimDb } from './db/types.ts';
import { SUPERUSER_RID } from './db/create-db.ts';

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

export function isSuperuser(db: SimDb, uid: string): boolean {
  return (effectiveActions(db, uid).get(SUPERUSER_RID)?.size ?? 0) > 0;
}

/** Deny by default; superuser may do all; `full` covers every action; unenforced categories allow. */
export function isAllowed(db: SimDb, uid: string, rid: string, action: Action): boolean {
  if (!isEnforced(db.securityMode, rid)) return true;
  const actions = effectiveActions(db, uid);
  if ((actions.get(SUPERUSER_RID)?.size ?? 0) > 0) return true;
  const held = actions.get(rid);
  return held !== undefined && (held.has(action) || held.has('full'));
}

/** Every existing account that holds `dcos:superuser`, directly or through a group. */
export function superuserUids(db: SimDb): Set<string> {
  const uids = new Set<string>();
  const acl = db.acls.get(SUPERUSER_RID);
  if (!acl) return uids;
  for (const [uid, actions] of acl.users) if (actions.size > 0 && db.users.has(uid)) uids.add(uid);
  for (const [gid, actions] of acl.groups) {
    if (actions.size === 0) continue;
    for (const uid of db.memberships.get(gid) ?? []) if (db.users.has(uid)) uids.add(uid);
  }
  return uids;
}
