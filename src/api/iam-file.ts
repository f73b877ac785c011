import { z } from 'zod/mini';
import { aclPath, aclPermissionsSchema, aclSchema, type AclPermissions } from './acls.ts';
import { providerMapSchema, type SsoKind } from './auth.ts';
import { isApiError } from './errors.ts';
import { groupPath, groupPermissionsSchema, groupSchema, type Group } from './groups.ts';
import { ldapConfigSchema, type LdapConfig } from './ldap.ts';
import { oidcConfigSchema, providerPath, samlConfigSchema, type OidcConfig, type SamlConfig } from './providers.ts';
import { request, requestResponse, requestVoid } from './request.ts';
import { listSchema } from './schemas.ts';
import { STORE } from './secrets.ts';
import { userPath, userSchema, type User } from './users.ts';

// The reads and the few writes the IAM file (export, compare, apply) needs beyond the pages' own API modules. Every
// read answer is parsed with the same schemas the pages use; the ones that drop a secret (an OIDC client secret, the
// LDAP lookup password) drop it here too, so no export can hold one.

const IAM = '/acs/api/v1';

const memberSchema = listSchema(z.object({ user: z.object({ uid: z.string() }) }));

export const iamReads = {
  users: async (signal: AbortSignal): Promise<User[]> =>
    (await request(`${IAM}/users`, listSchema(userSchema), { signal })).array,
  serviceAccounts: async (signal: AbortSignal): Promise<User[]> =>
    (await request(`${IAM}/users?type=service`, listSchema(userSchema), { signal })).array,
  groups: async (signal: AbortSignal): Promise<Group[]> =>
    (await request(`${IAM}/groups`, listSchema(groupSchema), { signal })).array,
  /** The uids of a group's members, regular users and service accounts together. */
  members: async (gid: string, signal: AbortSignal): Promise<string[]> => {
    const [users, services] = await Promise.all([
      request(`${groupPath(gid)}/users`, memberSchema, { signal }),
      request(`${groupPath(gid)}/users?type=service`, memberSchema, { signal }),
    ]);
    return [...users.array, ...services.array].map((m) => m.user.uid);
  },
  /** The rids a group holds grants on (its own, not its members'). */
  groupRids: async (gid: string, signal: AbortSignal): Promise<string[]> =>
    (await request(`${groupPath(gid)}/permissions`, groupPermissionsSchema, { signal })).array.map((g) => g.rid),
  acls: async (signal: AbortSignal) => (await request(`${IAM}/acls`, listSchema(aclSchema), { signal })).array,
  aclPermissions: (rid: string, signal: AbortSignal): Promise<AclPermissions> =>
    request(`${aclPath(rid)}/permissions`, aclPermissionsSchema, { signal }),
  providerIds: async (kind: SsoKind, signal: AbortSignal): Promise<string[]> =>
    Object.keys(await request(`${IAM}/auth/${kind}/providers`, providerMapSchema, { signal })),
  /** Parsed without its client secret (`oidcConfigSchema` drops it). */
  oidc: (id: string, signal: AbortSignal): Promise<OidcConfig> =>
    request(providerPath('oidc', id), oidcConfigSchema, { signal }),
  saml: (id: string, signal: AbortSignal): Promise<SamlConfig> =>
    request(providerPath('saml', id), samlConfigSchema, { signal }),
  /** Parsed without its lookup password (`ldapConfigSchema` drops it); null when none is stored. */
  ldap: async (signal: AbortSignal): Promise<LdapConfig | null> => {
    try {
      return await request(`${IAM}/ldap/config`, ldapConfigSchema, { signal });
    } catch (error) {
      if (isApiError(error) && error.code === 'ERR_LDAP_CONFIG_NOT_AVAILABLE') return null;
      throw error;
    }
  },
  /** Every secret path in the store; null when the account may not list it. */
  secretPaths: async (signal: AbortSignal): Promise<string[] | null> => {
    try {
      return (await request(`/secrets/v1/secret/${STORE}/?list=true`, listSchema(z.string()), { signal })).array;
    } catch (error) {
      if (isApiError(error, 'forbidden') || isApiError(error, 'not-found')) return null;
      throw error;
    }
  },
  /**
   * A secret's kind from the Content-Type of its answer (decision 005: nothing cheaper is documented). The body — the
   * value — is cancelled unread, so it never reaches the page's memory. `unknown` when the account may not read it.
   */
  secretKind: async (path: string, signal: AbortSignal): Promise<'text' | 'file' | 'unknown'> => {
    try {
      const response = await requestResponse(
        `/secrets/v1/secret/${STORE}/${path.split('/').map(encodeURIComponent).join('/')}`,
        { accept: '*/*', signal },
      );
      const type = response.headers.get('content-type') ?? '';
      // Not awaited: a cancel may settle only once the transfer ends, and nothing of the body is wanted.
      void response.body?.cancel().catch(() => undefined);
      return type.includes('application/json') ? 'text' : 'file';
    } catch (error) {
      if (isApiError(error, 'forbidden') || isApiError(error, 'not-found')) return 'unknown';
      throw error;
    }
  },
};

/** A user imported from a directory or an identity provider: no password; `provider_id` only for OIDC and SAML. */
export async function createRemoteUser(input: {
  uid: string;
  description: string;
  providerType: 'ldap' | 'oidc' | 'saml';
  providerId: string;
}): Promise<void> {
  await requestVoid(userPath(input.uid), {
    method: 'PUT',
    body: {
      description: input.description,
      provider_type: input.providerType,
      ...(input.providerType === 'ldap' ? {} : { provider_id: input.providerId }),
    },
  });
}

/**
 * Creates (PUT) or updates (PATCH) an OIDC provider with the settings as a file has them: keys the file leaves out are
 * not sent. A blank secret on update keeps the stored one: it is read at that moment, sent back, and never cached.
 */
export async function saveOidcSettings(
  id: string,
  settings: Record<string, unknown>,
  clientSecret: string,
  mode: 'create' | 'update',
): Promise<void> {
  let secret = clientSecret;
  if (mode === 'update' && secret === '') {
    secret = (await request(providerPath('oidc', id), z.object({ client_secret: z.string() }))).client_secret;
  }
  await requestVoid(providerPath('oidc', id), {
    method: mode === 'create' ? 'PUT' : 'PATCH',
    body: { ...settings, client_secret: secret },
  });
}

/** A group with its provider type (an LDAP-imported group keeps `ldap`). */
export async function createTypedGroup(gid: string, description: string, providerType: string): Promise<void> {
  await requestVoid(groupPath(gid), {
    method: 'PUT',
    body: { description, ...(providerType === 'internal' ? {} : { provider_type: providerType }) },
  });
}
