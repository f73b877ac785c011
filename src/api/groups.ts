import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request, requestVoid } from './request.ts';
import { listSchema } from './schemas.ts';

const IAM = '/acs/api/v1';

export const groupSchema = z.object({
  gid: z.string(),
  url: z.string(),
  description: z.string(),
  provider_type: z.optional(z.string()),
});
export type Group = z.infer<typeof groupSchema>;

const actionSchema = z.object({ name: z.string(), url: z.string() });
export const groupPermissionsSchema = listSchema(
  z.object({ rid: z.string(), description: z.string(), aclurl: z.string(), actions: z.array(actionSchema) }),
);
export type GroupPermission = z.infer<typeof groupPermissionsSchema>['array'][number];

export const groupPath = (gid: string) => `${IAM}/groups/${encodeURIComponent(gid)}`;

/** The members of a group: the member objects are Users, but kept loose here so groups.ts does not import users.ts. */
const memberSchema = z.object({
  membershipurl: z.string(),
  user: z.object({
    uid: z.string(),
    description: z.string(),
    is_remote: z.boolean(),
    provider_type: z.optional(z.string()),
  }),
});
export type GroupMember = z.infer<typeof memberSchema>['user'];

export const SUPERUSERS_GID = 'superusers';

export const groupQueries = {
  all: () => ['groups'] as const,
  list: () =>
    queryOptions({
      queryKey: [...groupQueries.all(), 'list'] as const,
      queryFn: async ({ signal }) => (await request(`${IAM}/groups`, listSchema(groupSchema), { signal })).array,
    }),
  detail: (gid: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(), 'detail', gid] as const,
      queryFn: ({ signal }) => request(groupPath(gid), groupSchema, { signal }),
    }),
  members: (gid: string, type: 'user' | 'service') =>
    queryOptions({
      queryKey: [...groupQueries.all(), 'members', gid, type] as const,
      queryFn: async ({ signal }) =>
        (
          await request(
            `${groupPath(gid)}/users${type === 'service' ? '?type=service' : ''}`,
            listSchema(memberSchema),
            { signal },
          )
        ).array.map((m) => m.user),
    }),
  permissions: (gid: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(), 'permissions', gid] as const,
      queryFn: async ({ signal }) =>
        (await request(`${groupPath(gid)}/permissions`, groupPermissionsSchema, { signal })).array,
    }),
};

/** Group ids follow the IAM's id rule (as uids). */
export const gidSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Enter a group ID.'),
    z.maxLength(96, 'At most 96 characters.'),
    z.regex(/^[a-zA-Z0-9\-_@.]+$/, 'Use only letters, digits and - _ @ .'),
  );

export const newGroupSchema = z.object({
  gid: gidSchema,
  description: z.string().check(z.trim(), z.minLength(1, 'Enter a description.')),
});
export type NewGroup = z.infer<typeof newGroupSchema>;

export async function createGroup(input: NewGroup): Promise<void> {
  await requestVoid(groupPath(input.gid), { method: 'PUT', body: { description: input.description } });
}

export async function updateGroup(gid: string, description: string): Promise<void> {
  await requestVoid(groupPath(gid), { method: 'PATCH', body: { description } });
}

export async function deleteGroup(gid: string): Promise<void> {
  await requestVoid(groupPath(gid), { method: 'DELETE' });
}

export async function addMember(gid: string, uid: string): Promise<void> {
  await requestVoid(`${groupPath(gid)}/users/${encodeURIComponent(uid)}`, { method: 'PUT' });
}

export async function removeMember(gid: string, uid: string): Promise<void> {
  await requestVoid(`${groupPath(gid)}/users/${encodeURIComponent(uid)}`, { method: 'DELETE' });
}
