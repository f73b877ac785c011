// What the ACL handlers share: reading the rid and the action from the path, the IAM's ACL shapes and its ACL errors.
// The Enterprise IAM's ACL module is not public. Error texts that open-source Bouncer already defines (BNC
// app/errors.py) are copied; the others are the simulator's own words.
import type { PathParams } from 'msw';
import { ACTIONS, type Action, type SimAcl, type SimDb } from '../db/types.ts';
import { iamError } from '../lib/http.ts';
import { IAM, encodeRid } from './iam.ts';

export const MAX_RID_LENGTH = 512;
const RID_CHARACTERS = /^[A-Za-z0-9:_./*@-]+$/;

/**
 * A GUESS: Bouncer's rid rule is not public (open-source Bouncer has no ACL module; dcos/bouncer names
 * ERR_INVALID_RESOURCE_ID nowhere, and the docs give no rule). The simulator takes what every documented rid satisfies
 * (DOCS perms-reference: `dcos:` first, colon-separated non-empty segments, service groups and secret paths with `/`,
 * wildcards `*`, uids with `@` and `.`) and caps the length at 512.
 */
export function isValidRid(rid: string): boolean {
  return (
    rid.length <= MAX_RID_LENGTH &&
    rid.startsWith('dcos:') &&
    RID_CHARACTERS.test(rid) &&
    rid.split(':').every((s) => s !== '')
  );
}

export function aclUrl(rid: string): string {
  return `${IAM}/acls/${encodeRid(rid)}`;
}

export function aclJson(acl: SimAcl) {
  return { rid: acl.rid, url: aclUrl(acl.rid), description: acl.description };
}

/** `[{name, url}]` (IAMY `Action`), the shape every ACL endpoint uses for the actions an account holds. */
export function actionsJson(rid: string, segment: 'users' | 'groups', id: string, actions: Iterable<Action>) {
  const base = `${aclUrl(rid)}/${segment}/${id}`;
  return [...actions].map((name) => ({ name, url: `${base}/${name}` }));
}

export function invalidRid(rid: string): Response {
  return iamError(400, `Invalid resource ID: ${rid}`, 'ERR_INVALID_RESOURCE_ID');
}

export function unknownRid(rid: string): Response {
  return iamError(400, `Protected resource with rid \`${rid}\` not known.`, 'ERR_UNKNOWN_RESOURCE_ID');
}

export function superuserGroupError(): Response {
  return iamError(
    400,
    'The `superusers` group must have `full` permission on the `dcos:superuser` resource.',
    'ERR_IS_SUPERUSER_GROUP',
  );
}

/** Same words as refusing to delete the last superuser account (users.ts): the noMoreSuperusers text is about group members. */
export function noSuperuserLeft(): Response {
  return iamError(400, 'At least one account must keep the `dcos:superuser` permission.', 'ERR_NO_MORE_SUPERUSERS');
}

/**
 * The rid of a request, or the 400 to answer. A `/` inside a rid travels as `%252F`; MSW has decoded the parameter
 * once (to `%2F`), so one more decode gives the rid. Colons travel as they are.
 */
export function ridFrom(params: PathParams): string | Response {
  const raw = String(params.rid);
  let rid: string;
  try {
    rid = decodeURIComponent(raw);
  } catch {
    return invalidRid(raw);
  }
  return isValidRid(rid) ? rid : invalidRid(rid);
}

/** The rid's ACL, or the 400 to answer (invalid or unknown rid). */
export function aclFrom(db: SimDb, params: PathParams): SimAcl | Response {
  const rid = ridFrom(params);
  if (rid instanceof Response) return rid;
  return db.acls.get(rid) ?? unknownRid(rid);
}

export function actionFrom(params: PathParams): Action | Response {
  const action = String(params.action);
  return ACTIONS.includes(action as Action)
    ? (action as Action)
    : iamError(400, `Invalid action \`${action}\`: must be one of ${ACTIONS.join(', ')}.`, 'ERR_INVALID_ACTION');
}
