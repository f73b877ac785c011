import { sha512Crypt } from '../lib/sha512-crypt.ts';
import type { Action, ProviderType, SimAcl, SimDb } from './types.ts';

// The primitive writes on a SimDb, shared by the seed (create-db.ts, generate.ts) and the handlers.

export const SUPERUSERS_GID = 'superusers';
export const SUPERUSER_RID = 'dcos:superuser';

export function addUser(
  db: SimDb,
  user: {
    uid: string;
    description: string;
    password?: string;
    /** An already computed `$6$` hash (the generated users share one); wins over `password`. */
    passwordHash?: string;
    providerType?: ProviderType;
    providerId?: string;
  },
): void {
  const passwordHash = user.passwordHash ?? (user.password === undefined ? undefined : sha512Crypt(user.password));
  db.users.set(user.uid, {
    uid: user.uid,
    description: user.description,
    ...(passwordHash === undefined ? {} : { passwordHash }),
    isService: false,
    providerType: user.providerType ?? 'internal',
    providerId: user.providerId ?? '',
  });
}

/** A local service account: it logs in with a token signed by the private key that belongs to `publicKey`. */
export function addServiceAccount(db: SimDb, account: { uid: string; description: string; publicKey: string }): void {
  db.users.set(account.uid, {
    uid: account.uid,
    description: account.description,
    publicKey: account.publicKey,
    isService: true,
    providerType: 'internal',
    providerId: '',
  });
}

export function addGroup(db: SimDb, gid: string, description: string, providerType: ProviderType = 'internal'): void {
  db.groups.set(gid, { gid, description, providerType });
  db.memberships.set(gid, db.memberships.get(gid) ?? new Set());
}

export function addMember(db: SimDb, gid: string, uid: string): void {
  const members = db.memberships.get(gid) ?? new Set<string>();
  members.add(uid);
  db.memberships.set(gid, members);
}

export function grant(
  db: SimDb,
  rid: string,
  principal: { uid: string } | { gid: string },
  action: Action,
  description = '',
): void {
  const acl: SimAcl = db.acls.get(rid) ?? { rid, description, users: new Map(), groups: new Map() };
  db.acls.set(rid, acl);
  const [table, key] = 'uid' in principal ? [acl.users, principal.uid] : [acl.groups, principal.gid];
  const actions: Set<Action> = table.get(key) ?? new Set<Action>();
  actions.add(action);
  table.set(key, actions);
}

/** An ACL without grants, as `PUT /acls/{rid}` makes one. */
export function addAcl(db: SimDb, rid: string, description: string): void {
  db.acls.set(rid, { rid, description, users: new Map(), groups: new Map() });
}

/**
 * Takes `action` (every action when none is given) away from the account on `rid`. An entry left without actions is
 * dropped, so the account is no longer part of the ACL (the IAM then answers ERR_USER_NOT_IN_ACL/ERR_GROUP_NOT_IN_ACL).
 */
export function revoke(db: SimDb, rid: string, principal: { uid: string } | { gid: string }, action?: Action): void {
  const acl = db.acls.get(rid);
  if (!acl) return;
  const [table, key] = 'uid' in principal ? [acl.users, principal.uid] : [acl.groups, principal.gid];
  const actions = table.get(key);
  if (action !== undefined) actions?.delete(action);
  if (action === undefined || actions?.size === 0) table.delete(key);
}

/** The gids of the groups `uid` belongs to, in group order. */
export function groupsOf(db: SimDb, uid: string): string[] {
  const gids: string[] = [];
  for (const [gid, members] of db.memberships) if (members.has(uid)) gids.push(gid);
  return gids;
}

/** Deletes the account with its memberships and every permission granted to it (ACLs themselves stay). */
export function removeUser(db: SimDb, uid: string): void {
  db.users.delete(uid);
  for (const members of db.memberships.values()) members.delete(uid);
  for (const acl of db.acls.values()) acl.users.delete(uid);
}

/** Deletes the group with its memberships and every permission granted to it (members and ACLs stay). */
export function removeGroup(db: SimDb, gid: string): void {
  db.groups.delete(gid);
  db.memberships.delete(gid);
  for (const acl of db.acls.values()) acl.groups.delete(gid);
}
