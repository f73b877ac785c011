import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { groupSchema } from './groups.ts';
import { request, requestVoid } from './request.ts';
import { listSchema } from './schemas.ts';

const IAM = '/acs/api/v1';

export const providerTypeSchema = z.enum(['internal', 'ldap', 'oidc', 'saml']);

export const userSchema = z.object({
  uid: z.string(),
  url: z.string(),
  description: z.string(),
  is_remote: z.boolean(),
  is_service: z.optional(z.boolean()),
  provider_type: z.optional(providerTypeSchema),
  provider_id: z.optional(z.string()),
  public_key: z.optional(z.string()),
});
export type User = z.infer<typeof userSchema>;

const actionSchema = z.object({ name: z.string(), url: z.string() });

export const userPermissionsSchema = z.object({
  direct: z.array(
    z.object({ rid: z.string(), description: z.string(), aclurl: z.string(), actions: z.array(actionSchema) }),
  ),
  groups: z.array(
    z.object({
      rid: z.string(),
      gid: z.string(),
      description: z.string(),
      aclurl: z.string(),
      membershipurl: z.string(),
      actions: z.array(actionSchema),
    }),
  ),
});
export type UserPermissions = z.infer<typeof userPermissionsSchema>;

export const userPath = (uid: string) => `${IAM}/users/${encodeURIComponent(uid)}`;

const userGroupsSchema = listSchema(z.object({ membershipurl: z.string(), group: groupSchema }));

/** Regular users, or service accounts (`?type=service`). */
export type AccountType = 'user' | 'service';

export const userQueries = {
  all: () => ['users'] as const,
  list: (type: AccountType = 'user') =>
    queryOptions({
      queryKey: [...userQueries.all(), 'list', type] as const,
      queryFn: async ({ signal }) =>
        (
          await request(type === 'service' ? `${IAM}/users?type=service` : `${IAM}/users`, listSchema(userSchema), {
            signal,
          })
        ).array,
    }),
  groups: (uid: string) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'groups', uid] as const,
      queryFn: async ({ signal }) =>
        (await request(`${userPath(uid)}/groups`, userGroupsSchema, { signal })).array.map((m) => m.group),
    }),
  detail: (uid: string) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'detail', uid] as const,
      queryFn: ({ signal }) => request(userPath(uid), userSchema, { signal }),
    }),
  permissions: (uid: string) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'permissions', uid] as const,
      queryFn: ({ signal }) => request(`${userPath(uid)}/permissions`, userPermissionsSchema, { signal }),
    }),
};

/**
 * The signed-in account's own permissions, for leaving out what it may not do: from the cache (the session check read
 * them), never thrown to the page's error boundary (the page works without them; the server still decides).
 */
export function ownPermissionsQuery(uid: string) {
  return { ...userQueries.permissions(uid), enabled: uid !== '', throwOnError: false };
}

/** Any action on `dcos:superuser` grants unrestricted access. */
export function hasSuperuser(permissions: UserPermissions): boolean {
  return [...permissions.direct, ...permissions.groups].some((p) => p.rid === 'dcos:superuser' && p.actions.length > 0);
}

/** Admin Router's gate for the IAM API: the Organization pages need it. */
export const IAM_RID = 'dcos:adminrouter:acs';

/** Whether the account holds any action on `rid` (directly or through a group), or is a superuser. */
export function hasPermission(permissions: UserPermissions, rid: string): boolean {
  return (
    hasSuperuser(permissions) ||
    [...permissions.direct, ...permissions.groups].some((p) => p.rid === rid && p.actions.length > 0)
  );
}

/**
 * Whether the account may do `action` on exactly `rid`, as the Secret Store and Admin Router decide for the rids they
 * match exactly (`dcos:secrets:default:/<path>`, `dcos:adminrouter:…`): the action or `full` on the rid, directly or
 * through a group, or superuser. The console uses it to leave out what the cluster would refuse; the server decides.
 */
export function allows(permissions: UserPermissions, rid: string, action: string): boolean {
  return (
    hasSuperuser(permissions) ||
    [...permissions.direct, ...permissions.groups].some(
      (p) => p.rid === rid && p.actions.some((a) => a.name === action || a.name === 'full'),
    )
  );
}

/** The IAM's uid rule (BNC `models/user.py`). */
export const uidSchema = z.string().check(
  z.trim(),
  z.minLength(1, 'Enter a user ID.'),
  z.maxLength(96, 'At most 96 characters.'),
  z.regex(/^[a-zA-Z0-9\-_@.]+$/, 'Use only letters, digits and - _ @ .'),
  z.refine((uid) => uid !== 'anonymous', '“anonymous” is reserved.'),
);

export const PASSWORD_MIN = 5;
export const passwordSchema = z.string().check(z.minLength(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters.`));

/** The user form: the same rules the IAM applies, so most mistakes are caught before sending. */
export const newUserSchema = z
  .object({ uid: uidSchema, description: z.string().check(z.trim()), password: passwordSchema, confirm: z.string() })
  .check(z.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match.' }));
export type NewUser = z.infer<typeof newUserSchema>;

export const passwordChangeSchema = z
  .object({ password: passwordSchema, confirm: z.string() })
  .check(z.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match.' }));

export async function createUser(input: { uid: string; description: string; password: string }): Promise<void> {
  await requestVoid(userPath(input.uid), {
    method: 'PUT',
    body: { description: input.description, password: input.password },
  });
}

export async function createServiceAccount(input: {
  uid: string;
  description: string;
  publicKey: string;
}): Promise<void> {
  await requestVoid(userPath(input.uid), {
    method: 'PUT',
    body: { description: input.description, public_key: input.publicKey },
  });
}

export async function updateUser(uid: string, changes: { description?: string; password?: string }): Promise<void> {
  await requestVoid(userPath(uid), { method: 'PATCH', body: changes });
}

export async function deleteUser(uid: string): Promise<void> {
  await requestVoid(userPath(uid), { method: 'DELETE' });
}

/** Where an account comes from, for display and filtering. */
export type Origin = 'local' | 'ldap' | 'oidc' | 'saml';
export function originOf(user: User): Origin {
  const type = user.provider_type ?? (user.is_remote ? 'ldap' : 'internal');
  return type === 'internal' ? 'local' : type;
}
export const ORIGIN_LABELS: Record<Origin, string> = { local: 'Local', ldap: 'LDAP', oidc: 'OIDC', saml: 'SAML' };

/** DC/OS component accounts (`dcos_` prefix): changing them may break the cluster. */
export function isSystemAccount(uid: string): boolean {
  return uid.startsWith('dcos_');
}
