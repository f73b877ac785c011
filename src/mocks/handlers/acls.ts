// /acs/api/v1/acls…: one ACL per protected resource (rid), holding each account's actions on it (IAMY; API notes §5).
import { http } from 'msw';
import { SUPERUSER_RID, addAcl } from '../db/entities.ts';
import type { SimAcl, SimDb } from '../db/types.ts';
import { empty, iamError, json, readJsonObject } from '../lib/http.ts';
import type { SimContext } from '../sim-context.ts';
import { aclFrom, aclJson, actionsJson, invalidRid, ridFrom } from './acl-common.ts';
import { aclGrantHandlers } from './acl-grants.ts';
import { aclListText } from './acl-list.ts';
import { IAM_ACCESS, guarded } from './guard.ts';
import { IAM, badJsonBody, schemaError } from './iam.ts';

/** IAMY `ACLCreate` and `ACLUpdate`: both exactly `{"description": string}`. */
const ACL_BODY = { required: ['description'], properties: { description: 'string' } } as const;

/** The body's description, or the 400 to answer (the order of the IAM's user creation: body, schema, then the id). */
async function descriptionFrom(request: Request): Promise<string | Response> {
  const body = await readJsonObject(request);
  if (!body) return badJsonBody();
  return schemaError(body, ACL_BODY) ?? (body.description as string);
}

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * MSW decodes every path parameter and throws on a malformed escape (`%ZZ`, a lone `%FF`) before any resolver runs,
 * which the servers could only answer with a bare 500. This handler comes first and is matched by a RegExp without
 * groups, so nothing is decoded: it answers such paths with the IAM's 400 and lets every other request fall through.
 */
function malformedPathHandler(sim: SimContext) {
  const prefix = `${IAM}/acls/`;
  return http.all(/\/acs\/api\/v1\/acls\//, (info) => {
    const { pathname } = new URL(info.request.url);
    const segments = pathname.slice(pathname.indexOf(prefix) + prefix.length).split('/');
    const bad = segments.findIndex((segment) => !decodes(segment));
    if (bad < 0) return undefined;
    const refuse = () =>
      bad === 0 ? invalidRid(segments[0] ?? '') : iamError(400, 'Malformed percent-escape in the request path.');
    return guarded(sim, () => IAM_ACCESS, refuse)(info);
  });
}

function permissionsJson(db: SimDb, acl: SimAcl) {
  const users = [];
  for (const [uid, actions] of acl.users) {
    if (db.users.has(uid))
      users.push({ uid, userurl: `${IAM}/users/${uid}`, actions: actionsJson(acl.rid, 'users', uid, actions) });
  }
  const groups = [];
  for (const [gid, actions] of acl.groups) {
    if (db.groups.has(gid))
      groups.push({ gid, groupurl: `${IAM}/groups/${gid}`, actions: actionsJson(acl.rid, 'groups', gid, actions) });
  }
  return { users, groups };
}

export function aclHandlers(sim: SimContext) {
  return [
    malformedPathHandler(sim),
    // The old UI sends `?type=<resource type>` (undocumented); it is ignored, as an unknown query parameter would be.
    http.get(
      `*${IAM}/acls`,
      guarded(
        sim,
        () => IAM_ACCESS,
        // Headers as json() sets them; the body is assembled from text kept per ACL (acl-list.ts).
        ({ db }) =>
          new Response(Buffer.from(aclListText(db.acls)), {
            headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
          }),
      ),
    ),
    http.get(
      `*${IAM}/acls/:rid`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ params, db }) => {
          const acl = aclFrom(db, params);
          return acl instanceof Response ? acl : json(aclJson(acl));
        },
      ),
    ),
    http.put(
      `*${IAM}/acls/:rid`,
      guarded(
        sim,
        () => IAM_ACCESS,
        async ({ request, params, db }) => {
          const description = await descriptionFrom(request);
          if (description instanceof Response) return description;
          const rid = ridFrom(params);
          if (rid instanceof Response) return rid;
          if (db.acls.has(rid)) return iamError(409, `ACL for resource \`${rid}\` already exists.`, 'ERR_ACL_EXISTS');
          addAcl(db, rid, description);
          return empty(201);
        },
      ),
    ),
    http.patch(
      `*${IAM}/acls/:rid`,
      guarded(
        sim,
        () => IAM_ACCESS,
        async ({ request, params, db }) => {
          const description = await descriptionFrom(request);
          if (description instanceof Response) return description;
          const acl = aclFrom(db, params);
          if (acl instanceof Response) return acl;
          acl.description = description;
          return empty(204);
        },
      ),
    ),
    http.delete(
      `*${IAM}/acls/:rid`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ params, db }) => {
          const acl = aclFrom(db, params);
          if (acl instanceof Response) return acl;
          // Deleting it would drop every superuser grant at once; the IAM has a code for exactly this refusal.
          if (acl.rid === SUPERUSER_RID)
            return iamError(400, 'The `dcos:superuser` ACL cannot be deleted.', 'ERR_IS_SUPERUSER_ACL');
          db.acls.delete(acl.rid);
          return empty(204);
        },
      ),
    ),
    http.get(
      `*${IAM}/acls/:rid/permissions`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ params, db }) => {
          const acl = aclFrom(db, params);
          return acl instanceof Response ? acl : json(permissionsJson(db, acl));
        },
      ),
    ),
    ...aclGrantHandlers(sim),
  ];
}
