import { broaderRids, ridCategory, SUPERUSER_RID, type Action, type RidCategory } from './rid.ts';

export type Mode = 'disabled' | 'permissive' | 'strict';

/**
 * The categories a security mode does not enforce (DOCS 2.2 security/ent/index.md; the 1.10–1.11 three-mode table for
 * `disabled`). The simulator enforces by the same table.
 */
export const UNENFORCED: Record<Mode, readonly RidCategory[]> = {
  disabled: ['mesos', 'service', 'cluster-linker'],
  permissive: ['mesos'],
  strict: [],
};

const CATEGORY_NAMES: Record<RidCategory, string> = {
  superuser: 'Superuser',
  adminrouter: 'Admin Router',
  mesos: 'Mesos',
  service: 'Marathon and Metronome',
  secrets: 'Secret Store',
  'cluster-linker': 'Cluster linker',
  other: 'Unknown',
};

export function isEnforced(mode: Mode, rid: string): boolean {
  return !UNENFORCED[mode].includes(ridCategory(rid));
}

export type GrantSource = { kind: 'direct' } | { kind: 'group'; gid: string };

/** One rid the account holds actions on, and where that comes from. */
export interface Grant {
  rid: string;
  actions: readonly string[];
  source: GrantSource;
}

export type Reason =
  | { kind: 'superuser'; action: string; source: GrantSource }
  | { kind: 'exact'; source: GrantSource }
  | { kind: 'full'; rid: string; source: GrantSource }
  | { kind: 'broader'; rid: string; action: string; why: string; source: GrantSource };

export interface AccessAnswer {
  allowed: boolean;
  /** Every grant that allows the request, strongest first. */
  reasons: Reason[];
  /** False when the security mode does not enforce this rid's category: the request is let through regardless. */
  enforced: boolean;
  modeNote: string | null;
  /** Grants on the same rid that lack the action (for "holds read, not update"). */
  partial: Grant[];
}

/**
 * "Can this account do `action` on `rid` — and why?": superuser (any action on `dcos:superuser`), then the exact rid
 * (the action, or `full`), then broader rids the reference says cover it; and whether the mode enforces it at all.
 */
export function explainAccess(input: {
  grants: readonly Grant[];
  mode: Mode;
  rid: string;
  action: Action;
}): AccessAnswer {
  const { grants, mode, rid, action } = input;
  const reasons: Reason[] = [];
  for (const grant of grants) {
    if (grant.rid === SUPERUSER_RID && grant.actions.length > 0) {
      reasons.push({ kind: 'superuser', action: grant.actions[0] ?? 'full', source: grant.source });
    }
  }
  const covers = (actions: readonly string[]) => actions.includes(action) || actions.includes('full');
  for (const grant of grants) {
    if (grant.rid !== rid) continue;
    if (grant.actions.includes(action)) reasons.push({ kind: 'exact', source: grant.source });
    else if (grant.actions.includes('full')) reasons.push({ kind: 'full', rid, source: grant.source });
  }
  for (const broader of broaderRids(rid)) {
    for (const grant of grants) {
      if (grant.rid === broader.rid && covers(grant.actions)) {
        const held = grant.actions.includes(action) ? action : 'full';
        reasons.push({ kind: 'broader', rid: broader.rid, action: held, why: broader.why, source: grant.source });
      }
    }
  }
  const enforced = isEnforced(mode, rid);
  const category = CATEGORY_NAMES[ridCategory(rid)];
  const modeNote = enforced
    ? null
    : `In ${mode} mode the cluster does not enforce ${category} permissions: this request is allowed whatever the grants.`;
  const partial = grants.filter((g) => g.rid === rid && !covers(g.actions));
  return { allowed: !enforced || reasons.length > 0, reasons, enforced, modeNote, partial };
}

/** A reason in one sentence, for the checker and for tests. */
export function describeReason(reason: Reason): string {
  const via = reason.source.kind === 'direct' ? 'directly' : `through group ${reason.source.gid}`;
  switch (reason.kind) {
    case 'superuser':
      return `Superuser: holds “${reason.action}” on dcos:superuser ${via}, which allows everything.`;
    case 'exact':
      return `Granted ${via} on this resource.`;
    case 'full':
      return `Holds “full” on this resource ${via}, which covers every action.`;
    case 'broader':
      return `Holds “${reason.action}” on ${reason.rid} ${via}. ${reason.why}`;
  }
}
