import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { isApiError } from './errors.ts';
import { request, requestVoid } from './request.ts';
import { listSchema } from './schemas.ts';

const IAM = '/acs/api/v1';

export const ACTION_NAMES = ['full', 'create', 'read', 'update', 'delete'] as const;
const actionNameSchema = z.enum(ACTION_NAMES);

/** `/` inside a rid goes into the URL as `%252F` (double-encoded, as the IAM and the DC/OS UI write it); colons stay. */
export function encodeRid(rid: string): string {
  return rid
    .split('/')
    .map((part) => encodeURIComponent(part).replaceAll('%3A', ':'))
    .join('%252F');
}

export const aclPath = (rid: string) => `${IAM}/acls/${encodeRid(rid)}`;

export const aclSchema = z.object({ rid: z.string(), url: z.string(), description: z.string() });
export type Acl = z.infer<typeof aclSchema>;

const actionSchema = z.object({ name: z.string(), url: z.string() });
export const aclPermissionsSchema = z.object({
  users: z.array(z.object({ uid: z.string(), userurl: z.string(), actions: z.array(actionSchema) })),
  groups: z.array(z.object({ gid: z.string(), groupurl: z.string(), actions: z.array(actionSchema) })),
});
export type AclPermissions = z.infer<typeof aclPermissionsSchema>;

export type Principal = { uid: string } | { gid: string };
const principalPath = (p: Principal) =>
  'uid' in p ? `users/${encodeURIComponent(p.uid)}` : `groups/${encodeURIComponent(p.gid)}`;

/**
 * The permission catalog for pickers, served with the console (public/permission-catalog.json) at `url`: beside
 * index.html, at the console's mount, which the API does not know (features/permissions/catalog-query.ts).
 */
const catalogSchema = z.object({
  version: z.literal(1),
  resources: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      template: z.string(),
      description: z.string(),
      actions: z.array(actionNameSchema).check(z.minLength(1)),
    }),
  ),
});

export const aclQueries = {
  all: () => ['acls'] as const,
  list: () =>
    queryOptions({
      queryKey: [...aclQueries.all(), 'list'] as const,
      queryFn: async ({ signal }) => (await request(`${IAM}/acls`, listSchema(aclSchema), { signal })).array,
    }),
  detail: (rid: string) =>
    queryOptions({
      queryKey: [...aclQueries.all(), 'detail', rid] as const,
      queryFn: ({ signal }) => request(aclPath(rid), aclSchema, { signal }),
    }),
  permissions: (rid: string) =>
    queryOptions({
      queryKey: [...aclQueries.all(), 'permissions', rid] as const,
      queryFn: ({ signal }) => request(`${aclPath(rid)}/permissions`, aclPermissionsSchema, { signal }),
    }),
  /** The IAM's own yes/no for one account, rid and action. */
  allowed: (principal: Principal, rid: string, action: string) =>
    queryOptions({
      queryKey: [...aclQueries.all(), 'allowed', principal, rid, action] as const,
      queryFn: async ({ signal }) =>
        (
          await request(`${aclPath(rid)}/${principalPath(principal)}/${action}`, z.object({ allowed: z.boolean() }), {
            signal,
          })
        ).allowed,
    }),
  catalog: (url: string) =>
    queryOptions({
      queryKey: ['permission-catalog', url] as const,
      queryFn: async ({ signal }) => (await request(url, catalogSchema, { signal })).resources,
      staleTime: Infinity,
    }),
};

/** Creates the ACL when it is missing; an existing one (409 ERR_ACL_EXISTS) is fine. */
export async function ensureAcl(rid: string, description: string): Promise<void> {
  try {
    await requestVoid(aclPath(rid), { method: 'PUT', body: { description } });
  } catch (error) {
    if (!isApiError(error, 'conflict')) throw error;
  }
}

/** Grants each action (creating the ACL first when needed); an action already held (409) counts as granted. */
export async function grantPermission(
  principal: Principal,
  rid: string,
  actions: readonly string[],
  description = '',
): Promise<void> {
  await ensureAcl(rid, description);
  for (const action of actions) {
    try {
      await requestVoid(`${aclPath(rid)}/${principalPath(principal)}/${action}`, { method: 'PUT' });
    } catch (error) {
      if (!isApiError(error, 'conflict')) throw error;
    }
  }
}

/** Revokes one action, or every action of the account on the rid when `action` is omitted. */
export async function revokePermission(principal: Principal, rid: string, action?: string): Promise<void> {
  await requestVoid(`${aclPath(rid)}/${principalPath(principal)}${action ? `/${action}` : ''}`, { method: 'DELETE' });
}

export async function deleteAcl(rid: string): Promise<void> {
  await requestVoid(aclPath(rid), { method: 'DELETE' });
}

export async function updateAclDescription(rid: string, description: string): Promise<void> {
  await requestVoid(aclPath(rid), { method: 'PATCH', body: { description } });
}
