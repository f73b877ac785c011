import {
  deleteAcl,
  ensureAcl,
  grantPermission,
  revokePermission,
  updateAclDescription,
  type Principal as ApiPrincipal,
} from '@/api/acls.ts';
import { addMember, deleteGroup, removeMember, updateGroup } from '@/api/groups.ts';
import { createRemoteUser, createTypedGroup, saveOidcSettings } from '@/api/iam-file.ts';
import { deleteLdapConfig, saveLdapConfig } from '@/api/ldap.ts';
import { deleteProvider, saveSamlProvider } from '@/api/providers.ts';
import { createServiceAccount, createUser, deleteUser, updateUser } from '@/api/users.ts';
import type { Needs, Principal, Step } from './plan.ts';

/** The secrets typed in for the steps that need one, by step key; never stored anywhere else. */
export type StepSecrets = ReadonlyMap<string, string>;

const apiPrincipal = (p: Principal): ApiPrincipal => ('user' in p ? { uid: p.user } : { gid: p.group });

export const NEEDS_LABELS: Record<Needs, string> = {
  password: 'Password',
  'client-secret': 'Client secret',
  'lookup-password': 'Lookup password',
};

/** Why a step will not run: what the API cannot do, or a secret it needs that was not typed in. */
export function skipReason(step: Step, secrets: StepSecrets): string | null {
  if (step.unsupported !== undefined) return step.unsupported;
  if (step.needs !== undefined && (secrets.get(step.key) ?? '') === '')
    return `Needs a ${NEEDS_LABELS[step.needs].toLowerCase()}, which the file cannot carry.`;
  return null;
}

/** Applies one step through the IAM's API. The signal stops a step not yet sent. */
export async function applyStep(step: Step, secrets: StepSecrets, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  const secret = secrets.get(step.key) ?? '';
  const op = step.op;
  switch (op.type) {
    case 'user-add':
      if (op.user.provider === 'internal')
        return createUser({ uid: op.user.uid, description: op.user.description, password: secret });
      return createRemoteUser({
        uid: op.user.uid,
        description: op.user.description,
        providerType: op.user.provider,
        providerId: op.user.providerId ?? '',
      });
    case 'user-change':
    case 'sa-change':
      return updateUser(op.uid, { description: op.description });
    case 'user-remove':
    case 'sa-remove':
      return deleteUser(op.uid);
    case 'sa-add':
      return createServiceAccount({
        uid: op.account.uid,
        description: op.account.description,
        publicKey: op.account.publicKey,
      });
    case 'group-add':
      return createTypedGroup(op.group.gid, op.group.description, op.group.providerType ?? 'internal');
    case 'group-change':
      return updateGroup(op.gid, op.description);
    case 'group-remove':
      return deleteGroup(op.gid);
    case 'member-add':
      return addMember(op.gid, op.uid);
    case 'member-remove':
      return removeMember(op.gid, op.uid);
    case 'acl-add':
      return ensureAcl(op.rid, op.description);
    case 'acl-change':
      return updateAclDescription(op.rid, op.description);
    case 'acl-remove':
      return deleteAcl(op.rid);
    case 'grant-add':
      return grantPermission(apiPrincipal(op.principal), op.rid, [op.action], op.description);
    case 'grant-remove':
      return revokePermission(apiPrincipal(op.principal), op.rid, op.action);
    case 'oidc-put': {
      const { id, ...settings } = op.entry;
      return saveOidcSettings(id, settings, secret, op.mode);
    }
    case 'oidc-remove':
      return deleteProvider('oidc', op.id);
    case 'saml-put': {
      const { id, ...entry } = op.entry;
      return saveSamlProvider(id, entry, op.mode);
    }
    case 'saml-remove':
      return deleteProvider('saml', op.id);
    case 'ldap-put':
      return saveLdapConfig({ ...op.entry, ...(secret === '' ? {} : { 'lookup-password': secret }) });
    case 'ldap-remove':
      return deleteLdapConfig();
    case 'none':
      throw new Error(step.unsupported ?? 'Nothing to apply.');
  }
}
