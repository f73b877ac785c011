import { explainAccess, isEnforced, type Grant, type Mode, type Reason } from './access-check.ts';
import { broaderRids, isAction, SUPERUSER_RID, type Action } from './rid.ts';

/** Who holds which actions on one rid, as `/acls/{rid}/permissions` lists them. */
export interface AclHolders {
  users: ReadonlyMap<string, readonly string[]>;
  groups: ReadonlyMap<string, readonly string[]>;
}

/**
 * The cluster's permission model, indexed once so that any later question reads only the few rids it concerns:
 * rid → holders, gid → members. `scope` is null for the whole model; for a model read for one question, the rids it
 * holds (every other rid is unknown, not empty).
 */
export interface AccessModel {
  acls: ReadonlyMap<string, AclHolders>;
  members: ReadonlyMap<string, readonly string[]>;
  serviceAccounts: ReadonlySet<string>;
  scope: ReadonlySet<string> | null;
  /** When the reads began (ms since the epoch): what the model says was true then, at the latest. */
  asOf: number;
  /** When the last read ended: a change made between `asOf` and this may or may not be in the model. */
  until: number;
}

export interface AccessModelInput {
  acls: readonly { rid: string; users: readonly AclEntry<'uid'>[]; groups: readonly AclEntry<'gid'>[] }[];
  members: readonly { gid: string; uids: readonly string[] }[];
  serviceAccounts: readonly string[];
  scope?: readonly string[] | null;
  asOf: number;
  until?: number;
}
type AclEntry<K extends string> = Record<K, string> & { actions: readonly string[] };

export function indexAccessModel(input: AccessModelInput): AccessModel {
  const acls = new Map<string, AclHolders>();
  for (const acl of input.acls) {
    acls.set(acl.rid, {
      users: new Map(acl.users.map((u) => [u.uid, u.actions])),
      groups: new Map(acl.groups.map((g) => [g.gid, g.actions])),
    });
  }
  return {
    acls,
    members: new Map(input.members.map((m) => [m.gid, m.uids])),
    serviceAccounts: new Set(input.serviceAccounts),
    scope: input.scope ? new Set(input.scope) : null,
    asOf: input.asOf,
    until: input.until ?? input.asOf,
  };
}

/** The rids whose grants can answer "who may do something on `rid`": superuser, the rid itself, the broader ones. */
export function questionRids(rid: string): string[] {
  return [...new Set([SUPERUSER_RID, rid, ...broaderRids(rid).map((b) => b.rid)])];
}

/** Whether the model can answer a question about `rid`: the whole model can; one read for a question, only that. */
export function canAnswer(model: AccessModel, rid: string): boolean {
  const scope = model.scope;
  return scope === null || questionRids(rid).every((r) => scope.has(r));
}

export type AccountKind = 'user' | 'service';

export interface WhoCanRow {
  uid: string;
  kind: AccountKind;
  /** Every grant that allows it, strongest first, as Check access words them. */
  reasons: Reason[];
}

export interface WhoCanAnswer {
  rid: string;
  action: Action;
  rows: WhoCanRow[];
  /** False when the security mode does not enforce the rid's category: everyone is let through whatever the grants. */
  enforced: boolean;
  modeNote: string | null;
}

/**
 * "Who may do `action` on `rid` — and why?": every account holding a grant that allows it (superuser, the rid
 * itself, `full`, a broader rid), directly or through a group, with all its reasons. The inverse of Check access:
 * each candidate's grants on the question's rids go through the same `explainAccess`.
 */
export function whoCan(model: AccessModel, rid: string, action: Action, mode: Mode): WhoCanAnswer {
  const grants = new Map<string, Grant[]>();
  const add = (uid: string, grant: Grant) => {
    const list = grants.get(uid);
    if (list) list.push(grant);
    else grants.set(uid, [grant]);
  };
  for (const r of questionRids(rid)) {
    const holders = model.acls.get(r);
    if (!holders) continue;
    for (const [uid, actions] of holders.users) add(uid, { rid: r, actions, source: { kind: 'direct' } });
    for (const [gid, actions] of holders.groups) {
      for (const uid of model.members.get(gid) ?? []) add(uid, { rid: r, actions, source: { kind: 'group', gid } });
    }
  }
  const rows: WhoCanRow[] = [];
  for (const [uid, held] of grants) {
    const { reasons } = explainAccess({ grants: held, mode, rid, action });
    if (reasons.length > 0) rows.push({ uid, kind: model.serviceAccounts.has(uid) ? 'service' : 'user', reasons });
  }
  rows.sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  const { modeNote } = explainAccess({ grants: [], mode, rid, action });
  return { rid, action, rows, enforced: isEnforced(mode, rid), modeNote };
}

/** The kinds of reason the review filters by. */
export type ReasonFilter = 'all' | 'superuser' | 'exact' | 'full' | 'broader' | 'direct' | 'group';

export const REASON_FILTERS: Readonly<Record<ReasonFilter, string>> = {
  all: 'Any reason',
  superuser: 'Superuser',
  exact: 'Granted on this resource',
  full: '“full” on this resource',
  broader: 'A broader resource',
  direct: 'Held directly',
  group: 'Held through a group',
};

export function matchesFilter(row: WhoCanRow, filter: ReasonFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'direct':
    case 'group':
      return row.reasons.some((r) => r.source.kind === filter);
    default:
      return row.reasons.some((r) => r.kind === filter);
  }
}

/** One thing a group's membership gives: an action on a rid, and how many members hold it through nothing else. */
export interface MembershipGrant {
  rid: string;
  action: Action;
  members: number;
  /** Members who would lose it if they left the group (no other grant, directly or through another group, allows it). */
  onlyThroughGroup: number;
}

/** What membership of `gid` gives: each action it holds on each rid, and for how many members it is the only way. */
export function membershipGives(model: AccessModel, gid: string, mode: Mode): MembershipGrant[] {
  const members = new Set(model.members.get(gid) ?? []);
  const result: MembershipGrant[] = [];
  for (const [rid, holders] of model.acls) {
    const actions = holders.groups.get(gid);
    if (!actions) continue;
    for (const action of actions) {
      if (!isAction(action)) continue;
      let only = 0;
      if (members.size > 0) {
        for (const row of whoCan(model, rid, action, mode).rows) {
          if (!members.has(row.uid)) continue;
          if (row.reasons.every((r) => r.source.kind === 'group' && r.source.gid === gid)) only += 1;
        }
      }
      result.push({ rid, action, members: members.size, onlyThroughGroup: only });
    }
  }
  return result.sort((a, b) => (a.rid < b.rid ? -1 : a.rid > b.rid ? 1 : a.action < b.action ? -1 : 1));
}
