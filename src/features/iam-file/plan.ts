import { SUPERUSER_RID } from '@/lib/rid.ts';
import {
  canonical,
  compareText,
  type Action,
  type GroupEntry,
  type IamFile,
  type LdapEntry,
  type OidcEntry,
  type SamlEntry,
  type ServiceAccountEntry,
  type UserEntry,
} from './format.ts';

export { SUPERUSER_RID };
export const SUPERUSERS_GID = 'superusers';

export type StepKind =
  'ldap' | 'oidc' | 'saml' | 'group' | 'user' | 'serviceAccount' | 'acl' | 'membership' | 'grant' | 'secret';
export type Change = 'add' | 'remove' | 'change';
export type Principal = { user: string } | { group: string };

export type Op =
  | { type: 'user-add'; user: UserEntry }
  | { type: 'user-change'; uid: string; description: string }
  | { type: 'user-remove'; uid: string }
  | { type: 'sa-add'; account: ServiceAccountEntry }
  | { type: 'sa-change'; uid: string; description: string }
  | { type: 'sa-remove'; uid: string }
  | { type: 'group-add'; group: Omit<GroupEntry, 'members'> }
  | { type: 'group-change'; gid: string; description: string }
  | { type: 'group-remove'; gid: string }
  | { type: 'member-add'; gid: string; uid: string }
  | { type: 'member-remove'; gid: string; uid: string }
  | { type: 'acl-add'; rid: string; description: string }
  | { type: 'acl-change'; rid: string; description: string }
  | { type: 'acl-remove'; rid: string }
  | { type: 'grant-add'; rid: string; principal: Principal; action: Action; description: string }
  | { type: 'grant-remove'; rid: string; principal: Principal; action: Action }
  | { type: 'oidc-put'; entry: OidcEntry; mode: 'create' | 'update' }
  | { type: 'oidc-remove'; id: string }
  | { type: 'saml-put'; entry: SamlEntry; mode: 'create' | 'update' }
  | { type: 'saml-remove'; id: string }
  | { type: 'ldap-put'; entry: LdapEntry; mode: 'create' | 'update' }
  | { type: 'ldap-remove' }
  | { type: 'none' };

/** A secret the file cannot carry, which the admin types in when applying (or the step is skipped). */
export type Needs = 'password' | 'client-secret' | 'lookup-password';

export interface Step {
  /** Unique and stable: it names the step in results and in the URL. */
  key: string;
  kind: StepKind;
  change: Change;
  /** Apply order: lower first. */
  phase: number;
  /** What changes, in words: “Add group ops”. */
  label: string;
  /** The old and new values of a change. */
  detail?: string;
  /** Why this step deserves a second look (superuser access, a DC/OS component account). */
  sensitive: string[];
  needs?: Needs;
  /** Why the step cannot be applied through the API; listed, never run. */
  unsupported?: string;
  /** A `dcos_` account this step touches: applying asks for its uid typed out. */
  systemUid?: string;
  op: Op;
}

/** Creations and changes before the memberships and grants that need them; grant removals before account removals. */
const PHASE = {
  ldap: 0,
  providers: 1,
  groupAdd: 2,
  accountAdd: 3,
  aclAdd: 4,
  memberAdd: 5,
  grantAdd: 6,
  grantRemove: 7,
  memberRemove: 8,
  aclRemove: 9,
  accountRemove: 10,
  groupRemove: 11,
  providerRemove: 12,
  ldapRemove: 13,
  secret: 14,
} as const;

export const KIND_LABELS: Record<StepKind, string> = {
  ldap: 'Directory (LDAP)',
  oidc: 'OpenID Connect providers',
  saml: 'SAML providers',
  group: 'Groups',
  user: 'Users',
  serviceAccount: 'Service accounts',
  acl: 'ACLs',
  membership: 'Group memberships',
  grant: 'Grants',
  secret: 'Secrets (paths only)',
};

export const isSystemUid = (uid: string) => uid.startsWith('dcos_');
const principalName = (p: Principal) => ('user' in p ? `user ${p.user}` : `group ${p.group}`);
const principalId = (p: Principal) => ('user' in p ? `u:${p.user}` : `g:${p.group}`);
const quote = (s: string) => `“${s}”`;
const SYSTEM_REASON = 'DC/OS component account: changing it may break the cluster';
const SUPERUSER_REASON = 'dcos:superuser grants unrestricted access to the whole cluster';

function byId<T>(items: readonly T[], id: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [id(item), item]));
}

function keys<T>(a: Map<string, T>, b: Map<string, T>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort(compareText);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** grant tuples of a file: `rid`, principal, action. */
function grantSet(file: IamFile): Map<string, { rid: string; principal: Principal; action: Action }> {
  const map = new Map<string, { rid: string; principal: Principal; action: Action }>();
  for (const acl of file.acls) {
    for (const grant of acl.grants) {
      const principal: Principal = 'user' in grant ? { user: grant.user } : { group: grant.group };
      for (const action of grant.actions) {
        map.set(`${acl.rid}\u0000${principalId(principal)}\u0000${action}`, { rid: acl.rid, principal, action });
      }
    }
  }
  return map;
}

/**
 * Every change that turns `live` into `target`, in the order it must be applied. Secrets are listed (the file has
 * their paths only, so nothing about them is applied); what the API cannot change is listed with the reason.
 */
export function planChanges(liveFile: IamFile, targetFile: IamFile): Step[] {
  const live = canonical(liveFile);
  const target = canonical(targetFile);
  const steps: Step[] = [];
  const push = (step: Omit<Step, 'sensitive'> & { sensitive?: string[] }) => {
    steps.push({ ...step, sensitive: step.sensitive ?? [] });
  };

  // Accounts: users and service accounts share the uid space.
  const liveUsers = byId(live.users, (u) => u.uid);
  const targetUsers = byId(target.users, (u) => u.uid);
  const liveServices = byId(live.serviceAccounts, (s) => s.uid);
  const targetServices = byId(target.serviceAccounts, (s) => s.uid);
  const uids = [
    ...new Set([...liveUsers.keys(), ...liveServices.keys(), ...targetUsers.keys(), ...targetServices.keys()]),
  ];
  for (const uid of uids.sort(compareText)) {
    const system = isSystemUid(uid);
    const flags = system ? { sensitive: [SYSTEM_REASON], systemUid: uid } : {};
    const lu = liveUsers.get(uid);
    const tu = targetUsers.get(uid);
    const ls = liveServices.get(uid);
    const ts = targetServices.get(uid);
    if ((lu && ts) || (ls && tu)) {
      push({
        key: `account:${uid}:type`,
        kind: lu ? 'user' : 'serviceAccount',
        change: 'change',
        phase: PHASE.accountAdd,
        label: `Change ${uid} between user and service account`,
        unsupported: 'An account cannot become a service account or a user; delete it and create it again.',
        op: { type: 'none' },
        ...flags,
      });
      continue;
    }
    if (tu && !lu) {
      push({
        key: `user:${uid}:add`,
        kind: 'user',
        change: 'add',
        phase: PHASE.accountAdd,
        label: `Add user ${uid}`,
        detail: tu.provider === 'internal' ? 'local user' : `signs in with ${tu.provider.toUpperCase()}`,
        ...(tu.provider === 'internal' ? { needs: 'password' as const } : {}),
        op: { type: 'user-add', user: tu },
        ...flags,
      });
    } else if (lu && !tu) {
      push({
        key: `user:${uid}:remove`,
        kind: 'user',
        change: 'remove',
        phase: PHASE.accountRemove,
        label: `Delete user ${uid}`,
        op: { type: 'user-remove', uid },
        ...flags,
      });
    } else if (lu && tu) {
      if (lu.provider !== tu.provider || (lu.providerId ?? '') !== (tu.providerId ?? '')) {
        push({
          key: `user:${uid}:provider`,
          kind: 'user',
          change: 'change',
          phase: PHASE.accountAdd,
          label: `Change where ${uid} signs in`,
          detail: `${lu.provider} → ${tu.provider}`,
          unsupported: 'Where a user signs in cannot be changed; delete the user and create it again.',
          op: { type: 'none' },
          ...flags,
        });
      }
      if (lu.description !== tu.description) {
        push({
          key: `user:${uid}:change`,
          kind: 'user',
          change: 'change',
          phase: PHASE.accountAdd,
          label: `Change user ${uid}`,
          detail: `description ${quote(lu.description)} → ${quote(tu.description)}`,
          op: { type: 'user-change', uid, description: tu.description },
          ...flags,
        });
      }
    }
    if (ts && !ls) {
      push({
        key: `service:${uid}:add`,
        kind: 'serviceAccount',
        change: 'add',
        phase: PHASE.accountAdd,
        label: `Add service account ${uid}`,
        op: { type: 'sa-add', account: ts },
        ...flags,
      });
    } else if (ls && !ts) {
      push({
        key: `service:${uid}:remove`,
        kind: 'serviceAccount',
        change: 'remove',
        phase: PHASE.accountRemove,
        label: `Delete service account ${uid}`,
        op: { type: 'sa-remove', uid },
        ...flags,
      });
    } else if (ls && ts) {
      if (ls.publicKey.trim() !== ts.publicKey.trim()) {
        push({
          key: `service:${uid}:key`,
          kind: 'serviceAccount',
          change: 'change',
          phase: PHASE.accountAdd,
          label: `Replace the public key of ${uid}`,
          unsupported: 'The IAM cannot change a service account’s key; delete the account and create it again.',
          op: { type: 'none' },
          ...flags,
        });
      }
      if (ls.description !== ts.description) {
        push({
          key: `service:${uid}:change`,
          kind: 'serviceAccount',
          change: 'change',
          phase: PHASE.accountAdd,
          label: `Change service account ${uid}`,
          detail: `description ${quote(ls.description)} → ${quote(ts.description)}`,
          op: { type: 'sa-change', uid, description: ts.description },
          ...flags,
        });
      }
    }
  }

  // Groups and memberships.
  const liveGroups = byId(live.groups, (g) => g.gid);
  const targetGroups = byId(target.groups, (g) => g.gid);
  for (const gid of keys(liveGroups, targetGroups)) {
    const lg = liveGroups.get(gid);
    const tg = targetGroups.get(gid);
    const groupFlags = gid === SUPERUSERS_GID ? ['members of superusers have unrestricted access'] : [];
    if (tg && !lg) {
      push({
        key: `group:${gid}:add`,
        kind: 'group',
        change: 'add',
        phase: PHASE.groupAdd,
        label: `Add group ${gid}`,
        detail: tg.description,
        sensitive: groupFlags,
        op: {
          type: 'group-add',
          group: { gid, description: tg.description, ...(tg.providerType ? { providerType: tg.providerType } : {}) },
        },
      });
    } else if (lg && !tg) {
      push({
        key: `group:${gid}:remove`,
        kind: 'group',
        change: 'remove',
        phase: PHASE.groupRemove,
        label: `Delete group ${gid}`,
        sensitive: groupFlags,
        op: { type: 'group-remove', gid },
      });
    } else if (lg && tg && lg.description !== tg.description) {
      push({
        key: `group:${gid}:change`,
        kind: 'group',
        change: 'change',
        phase: PHASE.groupAdd,
        label: `Change group ${gid}`,
        detail: `description ${quote(lg.description)} → ${quote(tg.description)}`,
        op: { type: 'group-change', gid, description: tg.description },
      });
    }
    const liveMembers = new Set(lg?.members ?? []);
    const targetMembers = new Set(tg?.members ?? []);
    for (const uid of [...new Set([...liveMembers, ...targetMembers])].sort(compareText)) {
      if (liveMembers.has(uid) === targetMembers.has(uid)) continue;
      const adding = targetMembers.has(uid);
      const system = isSystemUid(uid);
      push({
        key: `member:${gid}:${uid}:${adding ? 'add' : 'remove'}`,
        kind: 'membership',
        change: adding ? 'add' : 'remove',
        phase: adding ? PHASE.memberAdd : PHASE.memberRemove,
        label: adding ? `Add ${uid} to group ${gid}` : `Remove ${uid} from group ${gid}`,
        sensitive: [...groupFlags, ...(system ? [SYSTEM_REASON] : [])],
        ...(system ? { systemUid: uid } : {}),
        op: adding ? { type: 'member-add', gid, uid } : { type: 'member-remove', gid, uid },
      });
    }
  }

  // ACLs and grants.
  const liveAcls = byId(live.acls, (a) => a.rid);
  const targetAcls = byId(target.acls, (a) => a.rid);
  for (const rid of keys(liveAcls, targetAcls)) {
    const la = liveAcls.get(rid);
    const ta = targetAcls.get(rid);
    const sensitive = rid === SUPERUSER_RID ? [SUPERUSER_REASON] : [];
    if (ta && !la) {
      push({
        key: `acl:${rid}:add`,
        kind: 'acl',
        change: 'add',
        phase: PHASE.aclAdd,
        label: `Add ACL ${rid}`,
        detail: ta.description,
        sensitive,
        op: { type: 'acl-add', rid, description: ta.description },
      });
    } else if (la && !ta) {
      push({
        key: `acl:${rid}:remove`,
        kind: 'acl',
        change: 'remove',
        phase: PHASE.aclRemove,
        label: `Delete ACL ${rid} and its grants`,
        sensitive,
        op: { type: 'acl-remove', rid },
      });
    } else if (la && ta && la.description !== ta.description) {
      push({
        key: `acl:${rid}:change`,
        kind: 'acl',
        change: 'change',
        phase: PHASE.aclAdd,
        label: `Change ACL ${rid}`,
        detail: `description ${quote(la.description)} → ${quote(ta.description)}`,
        sensitive,
        op: { type: 'acl-change', rid, description: ta.description },
      });
    }
  }
  const liveGrants = grantSet(live);
  const targetGrants = grantSet(target);
  for (const id of keys(liveGrants, targetGrants)) {
    const lg = liveGrants.get(id);
    const tg = targetGrants.get(id);
    if (lg && tg) continue;
    const grant = (tg ?? lg) as { rid: string; principal: Principal; action: Action };
    const adding = tg !== undefined;
    const uid = 'user' in grant.principal ? grant.principal.user : null;
    const systemUid = uid !== null && isSystemUid(uid) ? uid : undefined;
    push({
      key: `grant:${grant.rid}:${principalId(grant.principal)}:${grant.action}:${adding ? 'add' : 'remove'}`,
      kind: 'grant',
      change: adding ? 'add' : 'remove',
      phase: adding ? PHASE.grantAdd : PHASE.grantRemove,
      label: `${adding ? 'Grant' : 'Revoke'} ${grant.action} on ${grant.rid} ${adding ? 'to' : 'from'} ${principalName(grant.principal)}`,
      sensitive: [
        ...(grant.rid === SUPERUSER_RID ? [SUPERUSER_REASON] : []),
        ...(systemUid === undefined ? [] : [SYSTEM_REASON]),
      ],
      ...(systemUid === undefined ? {} : { systemUid }),
      op: adding
        ? {
            type: 'grant-add',
            rid: grant.rid,
            principal: grant.principal,
            action: grant.action,
            description: targetAcls.get(grant.rid)?.description ?? '',
          }
        : { type: 'grant-remove', rid: grant.rid, principal: grant.principal, action: grant.action },
    });
  }

  // Identity providers and the directory.
  for (const kind of ['oidc', 'saml'] as const) {
    const liveProviders = byId<OidcEntry | SamlEntry>(live.identityProviders[kind], (p) => p.id);
    const targetProviders = byId<OidcEntry | SamlEntry>(target.identityProviders[kind], (p) => p.id);
    const name = kind === 'oidc' ? 'OpenID Connect' : 'SAML';
    for (const id of keys(liveProviders, targetProviders)) {
      const lp = liveProviders.get(id);
      const tp = targetProviders.get(id);
      if (lp && tp && same(lp, tp)) continue;
      if (!tp) {
        push({
          key: `${kind}:${id}:remove`,
          kind,
          change: 'remove',
          phase: PHASE.providerRemove,
          label: `Delete ${name} provider ${id}`,
          op: kind === 'oidc' ? { type: 'oidc-remove', id } : { type: 'saml-remove', id },
        });
        continue;
      }
      const mode = lp ? 'update' : 'create';
      push({
        key: `${kind}:${id}:${lp ? 'change' : 'add'}`,
        kind,
        change: lp ? 'change' : 'add',
        phase: PHASE.providers,
        label: `${lp ? 'Change' : 'Add'} ${name} provider ${id}`,
        ...(lp ? { detail: changedFields(lp, tp) } : {}),
        ...(kind === 'oidc' && !lp ? { needs: 'client-secret' as const } : {}),
        op:
          kind === 'oidc'
            ? { type: 'oidc-put', entry: tp as OidcEntry, mode }
            : { type: 'saml-put', entry: tp as SamlEntry, mode },
      });
    }
  }
  if (!same(live.ldap, target.ldap)) {
    if (target.ldap === null) {
      push({
        key: 'ldap:remove',
        kind: 'ldap',
        change: 'remove',
        phase: PHASE.ldapRemove,
        label: 'Delete the LDAP configuration',
        op: { type: 'ldap-remove' },
      });
    } else {
      const needsPassword = target.ldap['lookup-dn'] !== undefined && live.ldap?.['lookup-dn'] === undefined;
      push({
        key: `ldap:${live.ldap ? 'change' : 'add'}`,
        kind: 'ldap',
        change: live.ldap ? 'change' : 'add',
        phase: PHASE.ldap,
        label: `${live.ldap ? 'Change' : 'Add'} the LDAP configuration`,
        ...(live.ldap ? { detail: changedFields(live.ldap, target.ldap) } : { detail: target.ldap.host }),
        ...(needsPassword ? { needs: 'lookup-password' as const } : {}),
        op: { type: 'ldap-put', entry: target.ldap, mode: live.ldap ? 'update' : 'create' },
      });
    }
  }

  // Secrets: paths only, never applied.
  if (target.secrets !== null && live.secrets !== null) {
    const liveSecrets = byId(live.secrets, (s) => s.path);
    const targetSecrets = byId(target.secrets, (s) => s.path);
    for (const path of keys(liveSecrets, targetSecrets)) {
      const ls = liveSecrets.get(path);
      const ts = targetSecrets.get(path);
      if (ls && ts) continue;
      push({
        key: `secret:${path}:${ts ? 'add' : 'remove'}`,
        kind: 'secret',
        change: ts ? 'add' : 'remove',
        phase: PHASE.secret,
        label: `${ts ? 'Secret missing on the cluster' : 'Secret not in the file'}: ${path}`,
        unsupported: ts
          ? 'The file holds no secret values: create this secret on the Secrets page.'
          : 'Secrets are never deleted from a file: delete it on the Secrets page if it must go.',
        op: { type: 'none' },
      });
    }
  }

  return steps.sort((a, b) => a.phase - b.phase);
}

function changedFields(a: object, b: object): string {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const names = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((k) => !same(left[k], right[k]));
  return `changes ${names.sort(compareText).join(', ')}`;
}

/** Whether the step is run by Apply (what the API cannot do is only listed). */
export const runnable = (step: Step) => step.unsupported === undefined && step.op.type !== 'none';

/**
 * `file` after the steps, as the IAM would leave it: deleting an account or a group drops its memberships and
 * grants, deleting an ACL its grants. What cannot be applied, and secrets, stay as they are.
 */
export function applyToModel(file: IamFile, steps: readonly Step[]): IamFile {
  const state = structuredClone(canonical(file));
  const acl = (rid: string) => state.acls.find((a) => a.rid === rid);
  const dropPrincipal = (p: Principal) => {
    for (const a of state.acls) a.grants = a.grants.filter((g) => principalId(g) !== principalId(p));
  };
  for (const step of steps) {
    if (!runnable(step)) continue;
    const op = step.op;
    switch (op.type) {
      case 'user-add':
        state.users.push(op.user);
        break;
      case 'user-change':
      case 'sa-change': {
        const account = [...state.users, ...state.serviceAccounts].find((u) => u.uid === op.uid);
        if (account) account.description = op.description;
        break;
      }
      case 'user-remove':
      case 'sa-remove':
        state.users = state.users.filter((u) => u.uid !== op.uid);
        state.serviceAccounts = state.serviceAccounts.filter((u) => u.uid !== op.uid);
        for (const g of state.groups) g.members = g.members.filter((m) => m !== op.uid);
        dropPrincipal({ user: op.uid });
        break;
      case 'sa-add':
        state.serviceAccounts.push(op.account);
        break;
      case 'group-add':
        state.groups.push({ ...op.group, members: [] });
        break;
      case 'group-change': {
        const group = state.groups.find((g) => g.gid === op.gid);
        if (group) group.description = op.description;
        break;
      }
      case 'group-remove':
        state.groups = state.groups.filter((g) => g.gid !== op.gid);
        dropPrincipal({ group: op.gid });
        break;
      case 'member-add': {
        const group = state.groups.find((g) => g.gid === op.gid);
        if (group && !group.members.includes(op.uid)) group.members.push(op.uid);
        break;
      }
      case 'member-remove': {
        const group = state.groups.find((g) => g.gid === op.gid);
        if (group) group.members = group.members.filter((m) => m !== op.uid);
        break;
      }
      case 'acl-add':
        if (!acl(op.rid)) state.acls.push({ rid: op.rid, description: op.description, grants: [] });
        break;
      case 'acl-change': {
        const found = acl(op.rid);
        if (found) found.description = op.description;
        break;
      }
      case 'acl-remove':
        state.acls = state.acls.filter((a) => a.rid !== op.rid);
        break;
      case 'grant-add': {
        let found = acl(op.rid);
        if (!found) {
          found = { rid: op.rid, description: op.description, grants: [] };
          state.acls.push(found);
        }
        const id = principalId(op.principal);
        const grant = found.grants.find((g) => principalId(g) === id);
        if (grant) grant.actions = [...grant.actions, op.action];
        else found.grants.push({ ...op.principal, actions: [op.action] });
        break;
      }
      case 'grant-remove': {
        const found = acl(op.rid);
        if (!found) break;
        const id = principalId(op.principal);
        found.grants = found.grants
          .map((g) => (principalId(g) === id ? { ...g, actions: g.actions.filter((a) => a !== op.action) } : g))
          .filter((g) => g.actions.length > 0);
        break;
      }
      case 'oidc-put':
        state.identityProviders.oidc = [...state.identityProviders.oidc.filter((p) => p.id !== op.entry.id), op.entry];
        break;
      case 'oidc-remove':
        state.identityProviders.oidc = state.identityProviders.oidc.filter((p) => p.id !== op.id);
        break;
      case 'saml-put':
        state.identityProviders.saml = [...state.identityProviders.saml.filter((p) => p.id !== op.entry.id), op.entry];
        break;
      case 'saml-remove':
        state.identityProviders.saml = state.identityProviders.saml.filter((p) => p.id !== op.id);
        break;
      case 'ldap-put':
        state.ldap = op.entry;
        break;
      case 'ldap-remove':
        state.ldap = null;
        break;
      case 'none':
        break;
    }
  }
  return canonical(state);
}

/** The accounts holding `dcos:superuser` in `file`: directly, or through a group. */
export function superuserHolders(file: IamFile): Set<string> {
  const accounts = new Set([...file.users.map((u) => u.uid), ...file.serviceAccounts.map((s) => s.uid)]);
  const holders = new Set<string>();
  const acl = file.acls.find((a) => a.rid === SUPERUSER_RID);
  for (const grant of acl?.grants ?? []) {
    if (grant.actions.length === 0) continue;
    if ('user' in grant) {
      if (accounts.has(grant.user)) holders.add(grant.user);
    } else {
      for (const uid of file.groups.find((g) => g.gid === grant.group)?.members ?? [])
        if (accounts.has(uid)) holders.add(uid);
    }
  }
  return holders;
}

/** A cheap first look, so that only the few steps that could matter are simulated (a restore may have 10,000). */
function mayTouchSuperuser(live: IamFile, step: Step, holders: ReadonlySet<string>): boolean {
  const op = step.op;
  const superGroups = () =>
    new Set(
      live.acls.find((a) => a.rid === SUPERUSER_RID)?.grants.flatMap((g) => ('group' in g ? [g.group] : [])) ?? [],
    );
  switch (op.type) {
    case 'grant-remove':
    case 'acl-remove':
      return op.rid === SUPERUSER_RID;
    case 'user-remove':
    case 'sa-remove':
      return holders.has(op.uid);
    case 'member-remove':
    case 'group-remove':
      return superGroups().has(op.gid);
    default:
      return false;
  }
}

/** What keeps `steps` from being applied to `live`: they would leave no account with superuser access. */
export function planProblems(live: IamFile, steps: readonly Step[]): string[] {
  const before = superuserHolders(live);
  const after = superuserHolders(applyToModel(live, steps));
  if (before.size > 0 && after.size === 0) {
    return [
      `These changes would leave no account with dcos:superuser (today: ${[...before].sort(compareText).join(', ')}). The cluster refuses to lose its last superuser: untick the changes that take it away.`,
    ];
  }
  return [];
}

/** Steps that take superuser access away from someone: the ones to untick when the last superuser would go. */
export function removesSuperuser(live: IamFile, step: Step, before = superuserHolders(live)): boolean {
  if (step.change !== 'remove' || !mayTouchSuperuser(live, step, before)) return false;
  const after = superuserHolders(applyToModel(live, [step]));
  return [...before].some((uid) => !after.has(uid));
}
