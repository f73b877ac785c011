import { http } from 'msw';
import type { SimDb, SimUser } from '../db/types.ts';
import { iamError, json } from '../lib/http.ts';
import type { SimContext } from '../sim-context.ts';
import { IAM_ACCESS, guarded } from './guard.ts';

const IAM = '/acs/api/v1';

/** `/` inside a rid is sent as `%252F`, as the IAM itself writes it. */
export function encodeRid(rid: string): string {
  return rid.replaceAll('/', '%252F');
}

export function userJson(user: SimUser) {
  return {
    uid: user.uid,
    url: `${IAM}/users/${user.uid}`,
    description: user.description,
    is_remote: user.providerType !== 'internal',
    is_service: user.isService,
    provider_type: user.providerType,
    provider_id: user.providerId,
    ...(user.isService && user.publicKey !== undefined ? { public_key: user.publicKey } : {}),
  };
}

function unknownUser(uid: string): Response {
  return iamError(400, `User with uid \`${uid}\` not known.`, 'ERR_UNKNOWN_USER_ID');
}

function permissionsJson(db: SimDb, uid: string) {
  const direct = [];
  const groups = [];
  const memberOf = [...db.memberships].filter(([, members]) => members.has(uid)).map(([gid]) => gid);
  for (const acl of db.acls.values()) {
    const aclurl = `${IAM}/acls/${encodeRid(acl.rid)}`;
    const mine = acl.users.get(uid);
    if (mine) {
      const actions = [...mine].map((name) => ({ name, url: `${aclurl}/users/${uid}/${name}` }));
      direct.push({ rid: acl.rid, description: acl.description, aclurl, actions });
    }
    for (const gid of memberOf) {
      const theirs = acl.groups.get(gid);
      if (!theirs) continue;
      const actions = [...theirs].map((name) => ({ name, url: `${aclurl}/groups/${gid}/${name}` }));
      groups.push({ rid: acl.rid, gid, description: acl.description, aclurl, membershipurl: `${IAM}/groups/${gid}/users/${uid}`, actions });
    }
  }
  return { direct, groups };
}

export function userHandlers(sim: SimContext) {
  return [
    http.get(
      `*${IAM}/users`,
      guarded(sim, () => IAM_ACCESS, ({ request, db }) => {
        const services = new URL(request.url).searchParams.get('type') === 'service';
        const array = [...db.users.values()].filter((user) => user.isService === services).map(userJson);
        return json({ array });
      }),
    ),
    http.get(
      `*${IAM}/users/:uid`,
      guarded(sim, () => IAM_ACCESS, ({ params, db }) => {
        const uid = String(params.uid);
        const user = db.users.get(uid);
        return user ? json(userJson(user)) : unknownUser(uid);
      }),
    ),
    http.get(
      `*${IAM}/users/:uid/permissions`,
      // Every account may read its own permissions (the UI reads them after each login); others need IAM access.
      guarded(sim, ({ params, principal }) => (String(params.uid) === principal.uid ? null : IAM_ACCESS), ({ params, db }) => {
        const uid = String(params.uid);
        return db.users.has(uid) ? json(permissionsJson(db, uid)) : unknownUser(uid);
      }),
    ),
  ];
}
