// /acs/api/v1/groups…: the Enterprise IAM's groups module is not public. Shapes, codes and the descriptions the
// open-source IAM already defines (BNC app/errors.py) follow the docs; other descriptions are the simulator's own.
import { http } from 'msw';
import { SUPERUSERS_GID, addGroup, addMember, removeGroup } from '../db/entities.ts';
import { PROVIDER_TYPES, type ProviderType, type SimDb } from '../db/types.ts';
import { empty, iamError, json, readJsonObject } from '../lib/http.ts';
import type { SimContext } from '../sim-context.ts';
import { IAM_ACCESS, guarded } from './guard.ts';
import {
  IAM,
  badJsonBody,
  encodeRid,
  groupJson,
  invalidData,
  isValidGid,
  membershipUrl,
  noMoreSuperusers,
  schemaError,
  unknownGroup,
  unknownUser,
  userJson,
} from './iam.ts';

const GROUP_CREATE = {
  required: ['description'],
  properties: { description: 'string', provider_type: 'string' },
} as const;
const GROUP_UPDATE = { required: ['description'], properties: { description: 'string' } } as const;

/** PUT /groups/{gid}: schema, provider type, gid, then existence (the order of the IAM's user creation). */
async function createGroup(request: Request, db: SimDb, gid: string): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body) return badJsonBody();
  const invalid = schemaError(body, GROUP_CREATE);
  if (invalid) return invalid;
  const description = body.description as string;
  const providerType = body.provider_type as string | undefined;
  if (providerType !== undefined && !PROVIDER_TYPES.includes(providerType as ProviderType)) {
    return invalidData(`Invalid provider_type: ${providerType}`);
  }
  if (!isValidGid(gid)) return iamError(400, `Invalid group ID: ${gid}`, 'ERR_INVALID_GROUP_ID');
  if (db.groups.has(gid)) return iamError(409, `Group with id \`${gid}\` already exists.`, 'ERR_GROUP_EXISTS');
  addGroup(db, gid, description, (providerType ?? 'internal') as ProviderType);
  return empty(201);
}

async function updateGroup(request: Request, db: SimDb, gid: string): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body) return badJsonBody();
  const invalid = schemaError(body, GROUP_UPDATE);
  if (invalid) return invalid;
  const group = db.groups.get(gid);
  if (!group) return unknownGroup(gid);
  group.description = body.description as string;
  return empty(204);
}

function permissionsJson(db: SimDb, gid: string) {
  const array = [];
  for (const acl of db.acls.values()) {
    const actions = acl.groups.get(gid);
    if (!actions) continue;
    const aclurl = `${IAM}/acls/${encodeRid(acl.rid)}`;
    array.push({
      rid: acl.rid,
      description: acl.description,
      aclurl,
      actions: [...actions].map((name) => ({ name, url: `${aclurl}/groups/${gid}/${name}` })),
    });
  }
  return { array };
}

export function groupHandlers(sim: SimContext) {
  return [
    http.get(
      `*${IAM}/groups`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ db }) => json({ array: [...db.groups.values()].map(groupJson) }),
      ),
    ),
    http.get(
      `*${IAM}/groups/:gid`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ params, db }) => {
          const gid = String(params.gid);
          const group = db.groups.get(gid);
          return group ? json(groupJson(group)) : unknownGroup(gid);
        },
      ),
    ),
    http.put(
      `*${IAM}/groups/:gid`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ request, params, db }) => createGroup(request, db, String(params.gid)),
      ),
    ),
    http.patch(
      `*${IAM}/groups/:gid`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ request, params, db }) => updateGroup(request, db, String(params.gid)),
      ),
    ),
    http.delete(
      `*${IAM}/groups/:gid`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ params, db }) => {
          const gid = String(params.gid);
          if (!db.groups.has(gid)) return unknownGroup(gid);
          // Not documented. The IAM insists that `superusers` keeps `full` on `dcos:superuser` (BNC app/errors.py
          // `raise_is_superuser_group`); deleting the group would drop that grant, so the simulator refuses it the same way.
          if (gid === SUPERUSERS_GID) {
            return iamError(
              400,
              'The `superusers` group must have `full` permission on the `dcos:superuser` resource.',
              'ERR_IS_SUPERUSER_GROUP',
            );
          }
          removeGroup(db, gid);
          return empty(204);
        },
      ),
    ),
    http.get(
      `*${IAM}/groups/:gid/users`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ request, params, db }) => {
          const gid = String(params.gid);
          if (!db.groups.has(gid)) return unknownGroup(gid);
          const services = new URL(request.url).searchParams.get('type') === 'service';
          const array = [];
          for (const uid of db.memberships.get(gid) ?? []) {
            const user = db.users.get(uid);
            if (user?.isService === services)
              array.push({ membershipurl: membershipUrl(gid, uid), user: userJson(user) });
          }
          return json({ array });
        },
      ),
    ),
    http.put(
      `*${IAM}/groups/:gid/users/:uid`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ params, db }) => {
          const gid = String(params.gid);
          const uid = String(params.uid);
          if (!db.groups.has(gid)) return unknownGroup(gid);
          if (!db.users.has(uid)) return unknownUser(uid);
          if (db.memberships.get(gid)?.has(uid)) {
            return iamError(
              409,
              `User \`${uid}\` is already a member of group \`${gid}\`.`,
              'ERR_USER_ALREADY_IN_GROUP',
            );
          }
          addMember(db, gid, uid);
          return empty(204);
        },
      ),
    ),
    http.delete(
      `*${IAM}/groups/:gid/users/:uid`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ params, db }) => {
          const gid = String(params.gid);
          const uid = String(params.uid);
          if (!db.groups.has(gid)) return unknownGroup(gid);
          if (!db.users.has(uid)) return unknownUser(uid);
          const members = db.memberships.get(gid);
          if (!members?.has(uid))
            return iamError(400, `User \`${uid}\` is not a member of group \`${gid}\`.`, 'ERR_USER_NOT_IN_GROUP');
          if (gid === SUPERUSERS_GID && [...members].filter((member) => db.users.has(member)).length === 1)
            return noMoreSuperusers();
          members.delete(uid);
          return empty(204);
        },
      ),
    ),
    http.get(
      `*${IAM}/groups/:gid/permissions`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ params, db }) => {
          const gid = String(params.gid);
          return db.groups.has(gid) ? json(permissionsJson(db, gid)) : unknownGroup(gid);
        },
      ),
    ),
  ];
}
