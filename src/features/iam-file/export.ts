import { iamReads } from '@/api/iam-file.ts';
import type { LdapConfig } from '@/api/ldap.ts';
import { mapBounded } from '@/lib/map-bounded.ts';
import { canonical, IAM_FILE_FORMAT, IAM_FILE_VERSION, type Action, type IamFile, type LdapEntry } from './format.ts';

export interface ExportProgress {
  /** What is being read now, for the status line. */
  phase: string;
  done: number;
  total: number;
}

export interface ExportOptions {
  signal: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** Ask the store for each secret's kind (one request per secret; the values are cancelled unread). */
  secretKinds?: boolean;
  /** Requests in flight at once for the per-group and per-ACL reads. */
  concurrency?: number;
  /** Stamped into the file; left out by default so two exports of one cluster are identical. */
  exportedAt?: string;
}

const PRIVATE_KEY_BLOCK = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----\s*/g;

/** A PEM bundle without any private key in it: a client certificate may be stored together with its key. */
export function withoutPrivateKeys(pem: string): string {
  return pem.replace(PRIVATE_KEY_BLOCK, '');
}

/**
 * Reads the whole IAM of the cluster the console talks to: accounts, groups with members, ACLs with every grant,
 * identity providers and the LDAP settings without their secrets, and the secret paths. Reads per group and per
 * ACL run `concurrency` at a time with progress; the signal cancels the rest.
 */
export async function exportIam(options: ExportOptions): Promise<IamFile> {
  const { signal, onProgress, concurrency = 6 } = options;
  let done = 0;
  let total = 6;
  let phase = 'accounts and groups';
  const tick = (n = 1) => {
    done += n;
    onProgress?.({ phase, done, total });
  };
  onProgress?.({ phase, done, total });

  const [users, services, groups, acls, ldap, secretPaths] = await Promise.all([
    iamReads.users(signal),
    iamReads.serviceAccounts(signal),
    iamReads.groups(signal),
    iamReads.acls(signal),
    iamReads.ldap(signal),
    iamReads.secretPaths(signal),
  ]);
  const [oidcIds, samlIds] = await Promise.all([
    iamReads.providerIds('oidc', signal),
    iamReads.providerIds('saml', signal),
  ]);
  tick(6);
  total += groups.length + acls.length + oidcIds.length + samlIds.length;
  const kinds = options.secretKinds === true && secretPaths !== null;
  if (kinds) total += secretPaths.length;

  phase = 'group members';
  const members = await mapBounded(groups, concurrency, signal, (g, stop) => iamReads.members(g.gid, stop), tick);
  phase = 'grants';
  const grants = await mapBounded(acls, concurrency, signal, (a, stop) => iamReads.aclPermissions(a.rid, stop), tick);
  phase = 'identity providers';
  const oidc = await mapBounded(oidcIds, concurrency, signal, (id, stop) => iamReads.oidc(id, stop), tick);
  const saml = await mapBounded(samlIds, concurrency, signal, (id, stop) => iamReads.saml(id, stop), tick);
  phase = 'secret kinds';
  const secretKinds = kinds
    ? await mapBounded(secretPaths, concurrency, signal, (p, stop) => iamReads.secretKind(p, stop), tick)
    : null;

  const serviceUids = new Set(services.map((s) => s.uid));
  return canonical({
    format: IAM_FILE_FORMAT,
    version: IAM_FILE_VERSION,
    ...(options.exportedAt === undefined ? {} : { exportedAt: options.exportedAt }),
    users: users
      .filter((u) => !serviceUids.has(u.uid) && u.is_service !== true)
      .map((u) => {
        const provider = u.provider_type ?? (u.is_remote ? 'ldap' : 'internal');
        return {
          uid: u.uid,
          description: u.description,
          provider,
          ...((provider === 'oidc' || provider === 'saml') && u.provider_id ? { providerId: u.provider_id } : {}),
        };
      }),
    serviceAccounts: services.map((s) => ({
      uid: s.uid,
      description: s.description,
      publicKey: withoutPrivateKeys(s.public_key ?? ''),
    })),
    groups: groups.map((g, index) => ({
      gid: g.gid,
      description: g.description,
      ...(g.provider_type === 'ldap' || g.provider_type === 'oidc' || g.provider_type === 'saml'
        ? { providerType: g.provider_type }
        : {}),
      members: members[index] ?? [],
    })),
    acls: acls.map((a, index) => {
      const held = grants[index] ?? { users: [], groups: [] };
      const names = (actions: readonly { name: string }[]) => actions.map((x) => x.name as Action);
      return {
        rid: a.rid,
        description: a.description,
        grants: [
          ...held.groups.map((g) => ({ group: g.gid, actions: names(g.actions) })),
          ...held.users.map((u) => ({ user: u.uid, actions: names(u.actions) })),
        ],
      };
    }),
    identityProviders: {
      oidc: oidc.map((p, index) => ({
        id: oidcIds[index] ?? '',
        description: p.description,
        issuer: p.issuer,
        base_url: p.base_url,
        client_id: p.client_id,
        ...(p.verify_server_certificate === undefined
          ? {}
          : { verify_server_certificate: p.verify_server_certificate }),
        ...(p.ca_certs === undefined ? {} : { ca_certs: withoutPrivateKeys(p.ca_certs) }),
      })),
      saml: saml.map((p, index) => ({
        id: samlIds[index] ?? '',
        description: p.description,
        idp_metadata: p.idp_metadata,
        sp_base_url: p.sp_base_url,
      })),
    },
    ldap: ldap === null ? null : ldapEntry(ldap),
    secrets:
      secretPaths === null
        ? null
        : secretPaths.map((path, index) => ({ path, kind: secretKinds?.[index] ?? 'unknown' })),
  });
}

function ldapEntry(entry: LdapConfig): LdapEntry {
  // Only the keys the format knows: whatever else the IAM adds later cannot slip a secret into the file.
  return {
    host: entry.host,
    port: entry.port,
    'enforce-starttls': entry['enforce-starttls'],
    'use-ldaps': entry['use-ldaps'],
    ...(entry.dntemplate === undefined ? {} : { dntemplate: entry.dntemplate }),
    ...(entry['lookup-dn'] === undefined ? {} : { 'lookup-dn': entry['lookup-dn'] }),
    ...(entry['user-search'] === undefined ? {} : { 'user-search': entry['user-search'] }),
    ...(entry['group-search'] === undefined ? {} : { 'group-search': entry['group-search'] }),
    ...(entry['ca-certs'] === undefined ? {} : { 'ca-certs': withoutPrivateKeys(entry['ca-certs']) }),
    ...(entry['client-cert'] === undefined ? {} : { 'client-cert': withoutPrivateKeys(entry['client-cert']) }),
  };
}
