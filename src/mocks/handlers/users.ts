import { http } from 'msw';
import { superuserUids } from '../authz.ts';
import { SUPERUSERS_GID, addServiceAccount, addUser, groupsOf, removeUser } from '../db/entities.ts';
import { PROVIDER_TYPES, type ProviderType, type SimDb } from '../db/types.ts';
import { empty, iamError, json, readJsonObject } from '../lib/http.ts';
import { publicKeyProblem } from '../lib/public-key.ts';
import { sha512Crypt } from '../lib/sha512-crypt.ts';
import type { SimContext } from '../sim-context.ts';
import { listUsersResponse } from './user-list.ts';
import { IAM_ACCESS, guarded } from './guard.ts';
import {
  IAM,
  badJsonBody,
  encodeRid,
  groupJson,
  invalidData,
  isValidUid,
  membershipUrl,
  noMoreSuperusers,
  schemaError,
  unknownUser,
  userJson,
} from './iam.ts';

export { encodeRid, userJson } from './iam.ts';

const USER_CREATE = {
  properties: {
    description: 'string',
    password: 'string',
    public_key: 'string',
    provider_type: 'string',
    provider_id: 'string',
    cluster_url: 'string',
    creator_uid: 'string',
  },
} as const;
const USER_UPDATE = { properties: { description: 'string', password: 'string' } } as const;

/** The IAM's only password rule (BNC app/crypt.py `validate_password`). */
function passwordProblem(password: string): Response | null {
  return password.length < 5 ? invalidData('Password does not match rules: Must be at least 5 characters long.') : null;
}

function permissionsJson(db: SimDb, uid: string) {
  const direct = [];
  const groups = [];
  const memberOf = groupsOf(db, uid);
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
      groups.push({
        rid: acl.rid,
        gid,
        description: acl.description,
        aclurl,
        membershipurl: membershipUrl(gid, uid),
        actions,
      });
    }
  }
  return { direct, groups };
}

/**
 * PUT /users/{uid}, checked in the IAM's order (BNC app/users.py `UserItem.on_put`): schema, empty credentials,
 * provider type, credentials per provider, password rule or public key, provider_id, uid, and only then existence.
 */
async function createUser(request: Request, db: SimDb, uid: string): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body) return badJsonBody();
  const invalid = schemaError(body, USER_CREATE);
  if (invalid) return invalid;
  // The schema has made every present property a string.
  const field = (name: string) => body[name] as string | undefined;
  const password = field('password');
  const publicKey = field('public_key');
  const description = field('description') ?? '';
  const providerId = field('provider_id') ?? '';
  const providerTypeText = field('provider_type');
  // cluster_url and creator_uid are accepted and ignored: the Enterprise IAM uses them for user invitations.

  if (password === '') return invalidData('`password` must not be empty when provided');
  if (publicKey === '') return invalidData('`public_key` must not be empty when provided');
  if (providerTypeText !== undefined && !PROVIDER_TYPES.includes(providerTypeText as ProviderType)) {
    return invalidData(`Invalid provider_type: ${providerTypeText}`);
  }
  const providerType = (providerTypeText ?? 'internal') as ProviderType;

  let passwordHash: string | undefined;
  if (providerType === 'internal') {
    if ((password === undefined) === (publicKey === undefined))
      return invalidData('One of `password` or `public_key` must be provided');
    if (password !== undefined) {
      const weak = passwordProblem(password);
      if (weak) return weak;
      passwordHash = sha512Crypt(password);
    } else if (publicKey !== undefined) {
      const problem = publicKeyProblem(publicKey);
      if (problem !== null) return iamError(400, `Invalid public key: ${problem}`, 'ERR_INVALID_PUBLIC_KEY');
    }
  } else {
    if (password !== undefined) return invalidData('external provider: `password` is unexpected');
    if (publicKey !== undefined) return invalidData('external provider: `public_key` is unexpected');
  }

  const needsProviderId = providerType === 'oidc' || providerType === 'saml';
  if (needsProviderId && providerId === '') {
    return invalidData('Invalid provider_id: provider_id must be provided if provider_type is saml or oidc');
  }
  if (!needsProviderId && providerId !== '') {
    return invalidData('Invalid provider_id: provider_id must not be provided unless provider_type is saml or oidc');
  }
  if (!isValidUid(uid)) return iamError(400, `Invalid user ID: ${uid}`, 'ERR_INVALID_USER_ID');
  if (db.users.has(uid)) return iamError(409, `User with id \`${uid}\` already exists.`, 'ERR_USER_EXISTS');

  if (publicKey !== undefined) addServiceAccount(db, { uid, description, publicKey });
  else
    addUser(db, {
      uid,
      description,
      providerType,
      providerId,
      ...(passwordHash === undefined ? {} : { passwordHash }),
    });
  return empty(201);
}

/** PATCH /users/{uid} (BNC `UserItem.on_patch`): nothing changes unless every check passes. */
async function updateUser(request: Request, db: SimDb, uid: string): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body) return badJsonBody();
  const invalid = schemaError(body, USER_UPDATE);
  if (invalid) return invalid;
  const password = body.password as string | undefined;
  const description = body.description as string | undefined;
  if (password === undefined && description === undefined)
    return invalidData('One of `description` and `password` must be provided.');
  const user = db.users.get(uid);
  if (!user) return unknownUser(uid);
  let passwordHash: string | undefined;
  if (password !== undefined) {
    // IAMY documents 501 for service accounts; the IAM answers 400 ERR_INVALID_DATA (BNC, and its tests).
    if (user.isService) return invalidData('Password update is not available for service user accounts.');
    // Not in the open-source IAM, whose remote users cannot exist without Enterprise: a remote user's password lives in
    // the directory or identity provider, so the simulator refuses it the same way.
    if (user.providerType !== 'internal')
      return invalidData('Password update is not available for remote user accounts.');
    const weak = passwordProblem(password);
    if (weak) return weak;
    passwordHash = sha512Crypt(password);
  }
  if (passwordHash !== undefined) user.passwordHash = passwordHash;
  if (description !== undefined) user.description = description;
  return empty(204);
}

/**
 * The Enterprise IAM keeps at least one superuser (BNC app/users.py `ensure_at_least_one_superuser_will_be_left`, a hook
 * whose downstream body is not public). The simulator refuses deleting the last member of `superusers` with the IAM's
 * message for that case, and deleting the last account holding `dcos:superuser` in any other way with its own words.
 */
function superuserDeletionProblem(db: SimDb, uid: string): Response | null {
  const members = [...(db.memberships.get(SUPERUSERS_GID) ?? [])].filter((member) => db.users.has(member));
  if (members.length === 1 && members[0] === uid) return noMoreSuperusers();
  const holders = superuserUids(db);
  if (holders.size === 1 && holders.has(uid)) {
    return iamError(400, 'At least one account must keep the `dcos:superuser` permission.', 'ERR_NO_MORE_SUPERUSERS');
  }
  return null;
}

export function userHandlers(sim: SimContext) {
  return [
    http.get(
      `*${IAM}/users`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ request, db }) => {
          return listUsersResponse(db, new URL(request.url).searchParams.get('type') === 'service');
        },
      ),
    ),
    http.get(
      `*${IAM}/users/:uid`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ params, db }) => {
          const uid = String(params.uid);
          const user = db.users.get(uid);
          return user ? json(userJson(user)) : unknownUser(uid);
        },
      ),
    ),
    http.put(
      `*${IAM}/users/:uid`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ request, params, db }) => createUser(request, db, String(params.uid)),
      ),
    ),
    http.patch(
      `*${IAM}/users/:uid`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ request, params, db }) => updateUser(request, db, String(params.uid)),
      ),
    ),
    http.delete(
      `*${IAM}/users/:uid`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ params, db }) => {
          const uid = String(params.uid);
          if (!db.users.has(uid)) return unknownUser(uid);
          const refused = superuserDeletionProblem(db, uid);
          if (refused) return refused;
          removeUser(db, uid);
          return empty(204);
        },
      ),
    ),
    http.get(
      `*${IAM}/users/:uid/groups`,
      guarded(
        sim,
        () => IAM_ACCESS,
        ({ params, db }) => {
          const uid = String(params.uid);
          if (!db.users.has(uid)) return unknownUser(uid);
          const array = [];
          for (const gid of groupsOf(db, uid)) {
            const group = db.groups.get(gid);
            if (group) array.push({ membershipurl: membershipUrl(gid, uid), group: groupJson(group) });
          }
          return json({ array });
        },
      ),
    ),
    http.get(
      `*${IAM}/users/:uid/permissions`,
      // Every account may read its own permissions (the UI reads them after each login); others need IAM access.
      guarded(
        sim,
        ({ params, principal }) => (String(params.uid) === principal.uid ? null : IAM_ACCESS),
        ({ params, db }) => {
          const uid = String(params.uid);
          return db.users.has(uid) ? json(permissionsJson(db, uid)) : unknownUser(uid);
        },
      ),
    ),
  ];
}
