// /acs/api/v1/acls/{rid}/users/{uid}[/{action}] and …/groups/{gid}[/{action}]: one account's grants on one ACL.
import { http } from 'msw';
import { grant, revoke } from '../db/entities.ts';
import type { Action, SimAcl } from '../db/types.ts';
import { empty, iamError, json } from '../lib/http.ts';
import type { SimContext } from '../sim-context.ts';
import { aclFrom, actionFrom, actionsJson, ridFrom } from './acl-common.ts';
import { KINDS, capitalized, notInAcl, superuserRevokeProblem, type Kind } from './acl-principals.ts';
import { IAM_ACCESS, guarded, type SimArgs } from './guard.ts';
import { IAM } from './iam.ts';

/** The route's rid and action, both valid, or the 400 to answer: a malformed request is refused before any lookup. */
function askedFor({ params }: SimArgs): { rid: string; action: Action } | Response {
  const rid = ridFrom(params);
  if (rid instanceof Response) return rid;
  const action = actionFrom(params);
  return action instanceof Response ? action : { rid, action };
}

/** Resolves the ACL and the account the route names (in that order), or the 400 to answer. */
function target(kind: Kind, { params, db }: SimArgs): { acl: SimAcl; id: string } | Response {
  const acl = aclFrom(db, params);
  if (acl instanceof Response) return acl;
  const id = String(params[kind.param]);
  return kind.exists(db, id) ? { acl, id } : kind.unknown(id);
}

function kindHandlers(sim: SimContext, kind: Kind) {
  const account = `*${IAM}/acls/:rid/${kind.segment}/:${kind.param}`;
  const action = `${account}/:action`;
  return [
    // The account's actions on this ACL; an account without an entry holds none (an empty list, not an error).
    http.get(
      account,
      guarded(
        sim,
        () => IAM_ACCESS,
        (args) => {
          const found = target(kind, args);
          if (found instanceof Response) return found;
          return json({
            array: actionsJson(found.acl.rid, kind.segment, found.id, kind.table(found.acl).get(found.id) ?? []),
          });
        },
      ),
    ),
    http.delete(
      account,
      guarded(
        sim,
        () => IAM_ACCESS,
        (args) => {
          const found = target(kind, args);
          if (found instanceof Response) return found;
          const { acl, id } = found;
          if (!kind.table(acl).has(id)) return notInAcl(kind, id, acl.rid);
          const refused = superuserRevokeProblem(args.db, kind, acl, id);
          if (refused) return refused;
          revoke(args.db, acl.rid, kind.principal(id));
          return empty(204);
        },
      ),
    ),
    // The check answers for any valid rid, ACL or not: a checker must be able to ask about a resource nobody was
    // granted yet (the answer is then no, unless the account is a superuser). The docs and IAMY list no error for it.
    http.get(
      action,
      guarded(
        sim,
        () => IAM_ACCESS,
        (args) => {
          const asked = askedFor(args);
          if (asked instanceof Response) return asked;
          const id = String(args.params[kind.param]);
          if (!kind.exists(args.db, id)) return kind.unknown(id);
          return json({ allowed: kind.holds(args.db, id, asked.rid, asked.action) });
        },
      ),
    ),
    http.put(
      action,
      guarded(
        sim,
        () => IAM_ACCESS,
        (args) => {
          const asked = askedFor(args);
          if (asked instanceof Response) return asked;
          const wanted = asked.action;
          const found = target(kind, args);
          if (found instanceof Response) return found;
          const { acl, id } = found;
          if (kind.table(acl).get(id)?.has(wanted)) {
            return iamError(
              409,
              `${capitalized(kind)} \`${id}\` already has action \`${wanted}\` on resource \`${acl.rid}\`.`,
              'ERR_PERMISSION_EXISTS',
            );
          }
          grant(args.db, acl.rid, kind.principal(id), wanted);
          return empty(204);
        },
      ),
    ),
    http.delete(
      action,
      guarded(
        sim,
        () => IAM_ACCESS,
        (args) => {
          const asked = askedFor(args);
          if (asked instanceof Response) return asked;
          const wanted = asked.action;
          const found = target(kind, args);
          if (found instanceof Response) return found;
          const { acl, id } = found;
          const held = kind.table(acl).get(id);
          // No entry at all: the account is not part of the ACL. An entry without this action: BNC
          // `raise_user_action_not_in_acl` (ERR_ACTION_NOT_YET_STORED), whose text names exactly that case.
          if (!held) return notInAcl(kind, id, acl.rid);
          if (!held.has(wanted)) {
            return iamError(
              400,
              `Action \`${wanted}\` unknown for ${kind.noun} \`${id}\` in ACL for resource \`${acl.rid}\``,
              'ERR_ACTION_NOT_YET_STORED',
            );
          }
          const refused = superuserRevokeProblem(args.db, kind, acl, id, wanted);
          if (refused) return refused;
          revoke(args.db, acl.rid, kind.principal(id), wanted);
          return empty(204);
        },
      ),
    ),
  ];
}

export function aclGrantHandlers(sim: SimContext) {
  return KINDS.flatMap((kind) => kindHandlers(sim, kind));
}
