import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from './request.ts';
import { listSchema } from './schemas.ts';

const IAM = '/acs/api/v1';

export const providerTypeSchema = z.enum(['internal', 'ldap', 'oidc', 'saml']);

export const userSchema = z.object({
  uid: z.string(),
  url: z.string(),
  description: z.string(),
  is_remote: z.boolean(),
  is_service: z.boolean().optional(),
  provider_type: providerTypeSchema.optional(),
  provider_id: z.string().optional(),
  public_key: z.string().optional(),
});
export type User = z.infer<typeof userSchema>;

const actionSchema = z.object({ name: z.string(), url: z.string() });

export const userPermissionsSchema = z.object({
  direct: z.array(z.object({ rid: z.string(), description: z.string(), aclurl: z.string(), actions: z.array(actionSchema) })),
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

const userPath = (uid: string) => `${IAM}/users/${encodeURIComponent(uid)}`;

export const userQueries = {
  all: () => ['users'] as const,
  list: () =>
    queryOptions({
      queryKey: [...userQueries.all(), 'list'] as const,
      queryFn: async ({ signal }) => (await request(`${IAM}/users`, listSchema(userSchema), { signal })).array,
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

/** Any action on `dcos:superuser` grants unrestricted access. */
export function hasSuperuser(permissions: UserPermissions): boolean {
  return [...permissions.direct, ...permissions.groups].some((p) => p.rid === 'dcos:superuser' && p.actions.length > 0);
}
