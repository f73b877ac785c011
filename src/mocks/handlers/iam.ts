// What the user and group handlers share: the IAM's JSON shapes, its id rules and its common errors.
import type { SimGroup, SimUser } from '../db/types.ts';
import { iamError } from '../lib/http.ts';
import { schemaViolation, type ObjectSchema } from '../lib/schema.ts';

export const IAM = '/acs/api/v1';

/** `/` inside a rid is sent as `%252F`, as the IAM itself writes it. */
export function encodeRid(rid: string): string {
  return rid.replaceAll('/', '%252F');
}

export function userJson(user: SimUser) {
  // One literal shape for every regular user keeps JSON.stringify on its fast path for lists of 10,000.
  const json = {
    uid: user.uid,
    url: `${IAM}/users/${user.uid}`,
    description: user.description,
    is_remote: user.providerType !== 'internal',
    is_service: user.isService,
    provider_type: user.providerType,
    provider_id: user.providerId,
  };
  return user.isService && user.publicKey !== undefined ? { ...json, public_key: user.publicKey } : json;
}

export function groupJson(group: SimGroup) {
  return {
    gid: group.gid,
    url: `${IAM}/groups/${group.gid}`,
    description: group.description,
    provider_type: group.providerType,
  };
}

export function membershipUrl(gid: string, uid: string): string {
  return `${IAM}/groups/${gid}/users/${uid}`;
}

/** The IAM's uid rule (BNC models/user.py): reserved name, length, then characters. */
export function isValidUid(uid: string): boolean {
  return uid !== 'anonymous' && uid.length <= 96 && /^[a-zA-Z0-9_@.-]+$/.test(uid);
}

/**
 * The gid rule is not public (groups live in the closed Enterprise IAM); the simulator applies the uid rule without the
 * reserved name, the most plausible choice since LDAP-imported group names pass through the same sanitizer.
 */
export function isValidGid(gid: string): boolean {
  return gid.length <= 96 && /^[a-zA-Z0-9_@.-]+$/.test(gid);
}

export function unknownUser(uid: string): Response {
  return iamError(400, `User with uid \`${uid}\` not known.`, 'ERR_UNKNOWN_USER_ID');
}

export function unknownGroup(gid: string): Response {
  return iamError(400, `Group with gid \`${gid}\` not known.`, 'ERR_UNKNOWN_GROUP_ID');
}

export function invalidData(description: string): Response {
  return iamError(400, description, 'ERR_INVALID_DATA');
}

export function noMoreSuperusers(): Response {
  return iamError(400, 'Last member from `superusers` group cannot be removed', 'ERR_NO_MORE_SUPERUSERS');
}

export function badJsonBody(): Response {
  return iamError(400, 'Request has bad Content-Type or lacks JSON data.');
}

/** The 400 for a body that breaks the schema, or null when it conforms. */
export function schemaError(body: Record<string, unknown>, schema: ObjectSchema): Response | null {
  const violation = schemaViolation(body, schema);
  return violation === null ? null : iamError(400, `Unexpected JSON input. Hint: ${violation}`);
}
