// /acs/api/v1/ldap…: the IAM's directory back-end (§6), played against the simulated directory (db/directory.ts).
import { http } from 'msw';
import { addGroup, addMember, addUser } from '../db/entities.ts';
import type { SimDb } from '../db/types.ts';
import { empty, iamError, json, readJsonObject } from '../lib/http.ts';
import { findUser, firstValue } from '../lib/ldap-directory.ts';
import { findGroup, groupMembers, usernameAttribute } from '../lib/ldap-groups.ts';
import type { SimContext } from '../sim-context.ts';
import { IAM_ACCESS, guarded } from './guard.ts';
import { IAM, badJsonBody, invalidData, isValidGid, isValidUid, schemaError } from './iam.ts';
import { checkLdapConfig } from './ldap-config.ts';
import { testDirectory } from './ldap-login.ts';

const TEST_BODY = { required: ['uid', 'password'], properties: { uid: 'string', password: 'string' } } as const;
const IMPORT_USER = { required: ['username'], properties: { username: 'string' } } as const;
const IMPORT_GROUP = { required: ['groupname'], properties: { groupname: 'string' } } as const;

export function noLdapConfig(): Response {
  return iamError(400, 'No LDAP configuration stored yet.', 'ERR_LDAP_CONFIG_NOT_AVAILABLE');
}

function searchFailed(description: string): Response {
  return iamError(400, `The directory search failed: ${description}`, 'ERR_LDAP_IMPORT_SEARCH_FAILED');
}

/** POST /ldap/importuser: the username is the uid the user signs in with; the entry's `cn` becomes the description. */
function importUser(db: SimDb, username: string): Response {
  const config = db.ldap.config;
  if (!config) return noLdapConfig();
  if (username.trim() === '') return invalidData('`username` must not be empty.');
  const found = findUser(config, db.ldap.directory, username);
  if (!found.ok) {
    return found.code === 'USER_NOT_FOUND'
      ? iamError(
          400,
          `No user \`${username}\` in the directory. ${found.description}`,
          'ERR_LDAP_IMPORT_USER_NOT_FOUND',
        )
      : searchFailed(found.description);
  }
  if (!isValidUid(username)) return iamError(400, `Invalid user ID: ${username}`, 'ERR_INVALID_USER_ID');
  if (db.users.has(username)) return iamError(409, `User with uid \`${username}\` already exists.`, 'ERR_USER_EXISTS');
  addUser(db, { uid: username, description: firstValue(found.value, 'cn') ?? username, providerType: 'ldap' });
  return empty(201);
}

/**
 * POST /ldap/importgroup: creates the group (or refreshes an LDAP group imported before) and imports its members.
 * Members that cannot be imported (a local account with the same uid, a member entry that does not exist) are
 * skipped, and the answer is the 202 `{imported_user_count}` the DC/OS UI handles as partial success.
 */
function importGroup(db: SimDb, groupname: string): Response {
  const config = db.ldap.config;
  if (!config) return noLdapConfig();
  if (!config['group-search'])
    return iamError(400, 'Group import needs a `group-search` in the LDAP configuration.', 'ERR_LDAP_IMPORT');
  if (groupname.trim() === '') return invalidData('`groupname` must not be empty.');
  const found = findGroup(config, db.ldap.directory, groupname);
  if (!found.ok) {
    return found.code === 'GROUP_NOT_FOUND'
      ? iamError(
          400,
          `No group \`${groupname}\` in the directory. ${found.description}`,
          'ERR_LDAP_IMPORT_GROUP_NOT_FOUND',
        )
      : searchFailed(found.description);
  }
  if (!isValidGid(groupname)) return iamError(400, `Invalid group ID: ${groupname}`, 'ERR_INVALID_GROUP_ID');
  const existing = db.groups.get(groupname);
  if (existing && existing.providerType !== 'ldap')
    return iamError(409, `Group with id \`${groupname}\` already exists.`, 'ERR_GROUP_EXISTS');
  if (!existing) addGroup(db, groupname, firstValue(found.value, 'description') ?? '', 'ldap');
  const attribute = usernameAttribute(config);
  let imported = 0;
  let failed = 0;
  for (const member of groupMembers(config, db.ldap.directory, found.value)) {
    const uid = typeof member === 'string' ? undefined : firstValue(member, attribute);
    const user = uid === undefined ? undefined : db.users.get(uid);
    if (uid === undefined || !isValidUid(uid) || (user && user.providerType !== 'ldap')) {
      failed += 1;
      continue;
    }
    if (!user)
      addUser(db, {
        uid,
        description: typeof member === 'string' ? uid : (firstValue(member, 'cn') ?? uid),
        providerType: 'ldap',
      });
    addMember(db, groupname, uid);
    imported += 1;
  }
  return failed > 0 ? json({ imported_user_count: imported }, 202) : empty(201);
}

export function ldapHandlers(sim: SimContext) {
  const access = () => IAM_ACCESS;
  return [
    http.get(
      `*${IAM}/ldap/config`,
      guarded(sim, access, ({ db }) => (db.ldap.config ? json(db.ldap.config) : noLdapConfig())),
    ),
    http.put(
      `*${IAM}/ldap/config`,
      guarded(sim, access, async ({ request, db }) => {
        const body = await readJsonObject(request);
        if (!body) return badJsonBody();
        const checked = checkLdapConfig(body);
        if (checked instanceof Response) return checked;
        db.ldap.config = checked;
        return empty(200);
      }),
    ),
    http.delete(
      `*${IAM}/ldap/config`,
      guarded(sim, access, ({ db }) => {
        if (!db.ldap.config) return noLdapConfig();
        db.ldap.config = null;
        return empty(204);
      }),
    ),
    http.post(
      `*${IAM}/ldap/config/test`,
      guarded(sim, access, async ({ request, db }) => {
        const body = await readJsonObject(request);
        if (!body) return badJsonBody();
        const invalid = schemaError(body, TEST_BODY);
        if (invalid) return invalid;
        if (!db.ldap.config) return noLdapConfig();
        const result = testDirectory(db, body.uid as string, body.password as string);
        // A failed test is a 502 with the same JSON shape, so it can be told from a proxy's own 502.
        return json(result, result.code === 'TEST_PASSED' ? 200 : 502);
      }),
    ),
    http.post(
      `*${IAM}/ldap/importuser`,
      guarded(sim, access, async ({ request, db }) => {
        const body = await readJsonObject(request);
        if (!body) return badJsonBody();
        return schemaError(body, IMPORT_USER) ?? importUser(db, body.username as string);
      }),
    ),
    http.post(
      `*${IAM}/ldap/importgroup`,
      guarded(sim, access, async ({ request, db }) => {
        const body = await readJsonObject(request);
        if (!body) return badJsonBody();
        return schemaError(body, IMPORT_GROUP) ?? importGroup(db, body.groupname as string);
      }),
    ),
  ];
}
