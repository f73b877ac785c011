import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { isApiError } from './errors.ts';
import { request, requestResponse, requestVoid } from './request.ts';

const LDAP = '/acs/api/v1/ldap';

const searchSchema = z.object({ 'search-base': z.string(), 'search-filter-template': z.string() });

/** `LDAPConfiguration` without its lookup password: the console shows only whether one is stored. */
export const ldapConfigSchema = z.pipe(
  z.object({
    host: z.string(),
    port: z.number(),
    'enforce-starttls': z.boolean(),
    'use-ldaps': z.boolean(),
    dntemplate: z.optional(z.string()),
    'lookup-dn': z.optional(z.string()),
    'lookup-password': z.optional(z.string()),
    'user-search': z.optional(searchSchema),
    'group-search': z.optional(z.extend(searchSchema, { 'member-attributes': z.optional(z.array(z.string())) })),
    'ca-certs': z.optional(z.string()),
    'client-cert': z.optional(z.string()),
  }),
  z.transform(({ 'lookup-password': password, ...rest }) => ({ ...rest, hasLookupPassword: (password ?? '') !== '' })),
);
export type LdapConfig = z.output<typeof ldapConfigSchema>;

/** What PUT /ldap/config takes; `lookup-password` empty with a lookup DN keeps the stored one. */
export type LdapConfigInput = Omit<LdapConfig, 'hasLookupPassword'> & { 'lookup-password'?: string };

export const ldapQueries = {
  all: () => ['ldap'] as const,
  /** The stored configuration, or null when none is stored (400 ERR_LDAP_CONFIG_NOT_AVAILABLE). */
  config: () =>
    queryOptions({
      queryKey: [...ldapQueries.all(), 'config'] as const,
      queryFn: async ({ signal }): Promise<LdapConfig | null> => {
        try {
          return await request(`${LDAP}/config`, ldapConfigSchema, { signal });
        } catch (error) {
          if (isApiError(error) && error.code === 'ERR_LDAP_CONFIG_NOT_AVAILABLE') return null;
          throw error;
        }
      },
    }),
};

export async function saveLdapConfig(input: LdapConfigInput): Promise<void> {
  const body: Record<string, unknown> = { ...input };
  if (input['lookup-dn'] !== undefined && !input['lookup-password']) {
    // Keep the stored password: read it now, send it back, never cache it.
    body['lookup-password'] = (await request(`${LDAP}/config`, z.object({ 'lookup-password': z.string() })))[
      'lookup-password'
    ];
  }
  await requestVoid(`${LDAP}/config`, { method: 'PUT', body });
}

export async function deleteLdapConfig(): Promise<void> {
  await requestVoid(`${LDAP}/config`, { method: 'DELETE' });
}

export const ldapTestResultSchema = z.object({ code: z.string(), description: z.string() });
export type LdapTestResult = z.infer<typeof ldapTestResultSchema> & { passed: boolean };

/**
 * POST /ldap/config/test. A failed test is a 502 carrying the same JSON as a pass; a 502 without it came from a
 * proxy and is an ordinary error.
 */
export async function testLdapConnection(credentials: { uid: string; password: string }): Promise<LdapTestResult> {
  try {
    return {
      ...(await request(`${LDAP}/config/test`, ldapTestResultSchema, { method: 'POST', body: credentials })),
      passed: true,
    };
  } catch (error) {
    if (isApiError(error) && error.status === 502 && error.code !== undefined && error.description !== undefined) {
      return { code: error.code, description: error.description, passed: false };
    }
    throw error;
  }
}

export async function importLdapUser(username: string): Promise<void> {
  await requestVoid(`${LDAP}/importuser`, { method: 'POST', body: { username } });
}

/** 201: the group and all its members; 202 `{imported_user_count}`: only some members could be imported. */
export async function importLdapGroup(
  groupname: string,
): Promise<{ complete: true } | { complete: false; importedUserCount: number }> {
  const response = await requestResponse(`${LDAP}/importgroup`, { method: 'POST', body: { groupname } });
  if (response.status !== 202) {
    await response.body?.cancel();
    return { complete: true };
  }
  const parsed = z.object({ imported_user_count: z.number() }).safeParse(await response.json().catch(() => null));
  return { complete: false, importedUserCount: parsed.success ? parsed.data.imported_user_count : 0 };
}
