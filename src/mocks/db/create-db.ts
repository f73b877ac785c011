import { sha512Crypt } from '../lib/sha512-crypt.ts';
import type { Action, ProviderType, SimAcl, SimDb, SimDbOptions } from './types.ts';

export const BOOTSTRAP_UID = 'bootstrapuser';
export const BOOTSTRAP_PASSWORD = 'deleteme';
export const SUPERUSERS_GID = 'superusers';
export const SUPERUSER_RID = 'dcos:superuser';

/** Demo accounts besides the superuser, so a fresh simulator shows partial access too. */
export const DEMO_USERS = [
  { uid: 'alice', password: 'alice-pass', description: 'Alice Operator', groups: ['operators'] },
  { uid: 'bob', password: 'bob-pass', description: 'Bob (no permissions)', groups: [] },
] as const;

export function addUser(
  db: SimDb,
  user: { uid: string; description: string; password?: string; providerType?: ProviderType; providerId?: string },
): void {
  db.users.set(user.uid, {
    uid: user.uid,
    description: user.description,
    ...(user.password === undefined ? {} : { passwordHash: sha512Crypt(user.password) }),
    isService: false,
    providerType: user.providerType ?? 'internal',
    providerId: user.providerId ?? '',
  });
}

export function addGroup(db: SimDb, gid: string, description: string): void {
  db.groups.set(gid, { gid, description, providerType: 'internal' });
  db.memberships.set(gid, db.memberships.get(gid) ?? new Set());
}

export function addMember(db: SimDb, gid: string, uid: string): void {
  const members = db.memberships.get(gid) ?? new Set<string>();
  members.add(uid);
  db.memberships.set(gid, members);
}

export function grant(db: SimDb, rid: string, principal: { uid: string } | { gid: string }, action: Action, description = ''): void {
  const acl: SimAcl = db.acls.get(rid) ?? { rid, description, users: new Map(), groups: new Map() };
  db.acls.set(rid, acl);
  const [table, key] = 'uid' in principal ? [acl.users, principal.uid] : [acl.groups, principal.gid];
  const actions: Set<Action> = table.get(key) ?? new Set<Action>();
  actions.add(action);
  table.set(key, actions);
}

/** A fresh, deterministic DC/OS: the bootstrap superuser plus a few demo accounts. */
export function createDb(id: string, options: SimDbOptions): SimDb {
  const db: SimDb = { id, ...options, users: new Map(), groups: new Map(), memberships: new Map(), acls: new Map() };

  addUser(db, { uid: BOOTSTRAP_UID, password: BOOTSTRAP_PASSWORD, description: 'Bootstrap superuser' });
  addGroup(db, SUPERUSERS_GID, 'Superusers: full access to the cluster');
  addMember(db, SUPERUSERS_GID, BOOTSTRAP_UID);
  grant(db, SUPERUSER_RID, { gid: SUPERUSERS_GID }, 'full', 'Superuser ACL');

  addGroup(db, 'operators', 'Cluster operators');
  grant(db, 'dcos:adminrouter:ops:metadata', { gid: 'operators' }, 'full', 'Cluster metadata');
  for (const demo of DEMO_USERS) {
    addUser(db, { uid: demo.uid, password: demo.password, description: demo.description });
    for (const gid of demo.groups) addMember(db, gid, demo.uid);
  }
  return db;
}
