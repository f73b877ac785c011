// The end of a single sign-on flow at the IAM: import the remote user when new, then set the session cookies and
// send the browser to its target (or, for the CLI's `dcos:authenticationresponse:html`, show the token instead).
import { safeRedirectTarget } from '../../lib/safe-redirect.ts';
import { addUser } from '../db/entities.ts';
import type { SsoFlow } from '../db/sso.ts';
import type { SimDb } from '../db/types.ts';
import { escapeHtml, htmlPage } from '../lib/html.ts';
import { iamError } from '../lib/http.ts';
import { signAuthToken } from '../lib/jwt.ts';
import type { SimContext } from '../sim-context.ts';
import { sessionCookies } from './auth.ts';
import { isValidUid } from './iam.ts';

export const CLI_TARGET = 'dcos:authenticationresponse:html';

/**
 * A failed sign-in. Browsers (Accept: text/html) go back to the console with the reason, the way the IAM answers an
 * unknown provider (`303 /?iam-error=…`); the IAM documents only a bare 401 for the callbacks, which would strand the
 * person on an error page, so the simulator uses the same redirect for every flow problem. API clients get the JSON error.
 */
export function ssoFailure(
  request: Request,
  status: number,
  description: string,
  code?: string,
  target?: string | null,
): Response {
  if ((request.headers.get('accept') ?? '').includes('text/html')) {
    return new Response(null, {
      status: 303,
      headers: { Location: failureLocation(request, description, target), 'Cache-Control': 'no-store' },
    });
  }
  return iamError(status, description, code);
}

/**
 * Where a failed flow sends the browser: the page it was to end on (its `target`, checked like a success's), with the
 * reason added as `iam-error`, so a console mounted under a path (`/security/…`) gets it back rather than the stock UI
 * at the root (issue 21); the root when the flow is unknown, as the IAM does for an unknown provider.
 */
function failureLocation(request: Request, description: string, target?: string | null): string {
  const origin = new URL(request.url).origin;
  const url = new URL(target && target !== CLI_TARGET ? safeRedirectTarget(target, origin) : '/', origin);
  url.searchParams.set('iam-error', description);
  return `${url.pathname}${url.search}`;
}

/** DOCS §2: remote uids are sanitised, `[^a-zA-Z0-9-_@.]+` → `_`. */
export function sanitizeRemoteUid(uid: string): string {
  return uid.replace(/[^a-zA-Z0-9\-_@.]+/g, '_');
}

export async function finishSignIn(
  sim: SimContext,
  request: Request,
  db: SimDb,
  flow: SsoFlow,
  remoteUid: string,
  name: string,
): Promise<Response> {
  const uid = sanitizeRemoteUid(remoteUid);
  const existing = db.users.get(uid);
  if (existing?.providerType === 'internal') {
    return ssoFailure(
      request,
      400,
      `Cannot import user \`${uid}\`: a local account with this uid exists.`,
      'ERR_CANNOT_IMPORT_USER',
      flow.target,
    );
  }
  // Not in the docs: an account that another provider (or the directory) brought in is not taken over by this one.
  if (existing && (existing.providerType !== flow.kind || existing.providerId !== flow.providerId)) {
    return ssoFailure(
      request,
      400,
      `Cannot import user \`${uid}\`: an account with this uid comes from another identity provider.`,
      'ERR_CANNOT_IMPORT_USER',
      flow.target,
    );
  }
  if (!existing) {
    if (!isValidUid(uid))
      return ssoFailure(
        request,
        400,
        `Cannot import user \`${uid}\`: not a valid user ID.`,
        'ERR_INVALID_USER_ID',
        flow.target,
      );
    addUser(db, { uid, description: name, providerType: flow.kind, providerId: flow.providerId });
  }
  const user = db.users.get(uid);
  if (!user) return ssoFailure(request, 500, 'The user could not be imported.', undefined, flow.target);
  const token = await signAuthToken(sim.keys, uid, db.tokenTtlSeconds);
  if (flow.target === CLI_TARGET) {
    // The CLI's flow: the token is shown for copying and no cookie is set (BNC sso_conditionally_import_and_auth).
    return htmlPage(
      'DC/OS authentication token',
      `<h1>Your DC/OS authentication token</h1><p>Copy it into the DC/OS CLI.</p><textarea readonly aria-label="Authentication token" rows="8" cols="60">${escapeHtml(token)}</textarea>`,
    );
  }
  const origin = new URL(request.url).origin;
  const headers = new Headers({ Location: safeRedirectTarget(flow.target, origin), 'Cache-Control': 'no-store' });
  for (const cookie of sessionCookies(request, token, user, db.tokenTtlSeconds)) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}
