// Single sign-on at the IAM (§2): GET /auth/login?oidc-provider=…|saml-provider=… starts a flow and sends the browser
// to the (simulated) identity provider; the OIDC callback and the SAML ACS end it. The Enterprise handlers are closed
// source: codes and redirects follow the docs, and where they are silent the choices are commented here and listed
// in docs/decisions/004-sso-and-directory.md.
import { http } from 'msw';
import { pruneExpired, type SsoFlow, type SsoKind } from '../db/sso.ts';
import type { SimDb } from '../db/types.ts';
import { readSamlResponse, samlUid, STATUS_SUCCESS } from '../lib/saml.ts';
import { iamError, parseCookies } from '../lib/http.ts';
import type { SimContext } from '../sim-context.ts';
import { withDb } from './guard.ts';
import { IAM } from './iam.ts';
import { finishSignIn, ssoFailure } from './sso-finish.ts';
import { OIDC_CALLBACK_PATH } from './sso-paths.ts';
import { FLOW_COOKIES, startFlow } from './sso-start.ts';

/** The flow a callback names, once: unknown, expired, another browser's or another kind's flow is a bad state. */
function takeFlow(request: Request, db: SimDb, id: string | null, kind: SsoKind): SsoFlow | null {
  pruneExpired(db.sso);
  const flow = id === null ? undefined : db.sso.flows.get(id);
  if (flow?.kind !== kind) return null;
  db.sso.flows.delete(flow.id);
  return parseCookies(request.headers.get('cookie')).get(FLOW_COOKIES[kind]) === flow.binding ? flow : null;
}

const BAD_STATE = 'The sign-in attempt is unknown or has expired (bad state). Start again from the sign-in page.';

function providerName(db: SimDb, flow: SsoFlow): string | null {
  return (
    (flow.kind === 'oidc' ? db.sso.oidc.get(flow.providerId) : db.sso.saml.get(flow.providerId))?.description ?? null
  );
}

async function oidcCallback(sim: SimContext, request: Request, db: SimDb): Promise<Response> {
  const query = new URL(request.url).searchParams;
  // The IAM reads its state cookie before anything else (DC/OS integration test of the OIDC callback).
  if (!parseCookies(request.headers.get('cookie')).has(FLOW_COOKIES.oidc))
    return ssoFailure(request, 401, `${FLOW_COOKIES.oidc} cookie missing`);
  const flow = takeFlow(request, db, query.get('state'), 'oidc');
  if (!flow) return ssoFailure(request, 401, BAD_STATE);
  const name = providerName(db, flow);
  if (name === null)
    return ssoFailure(
      request,
      401,
      `The login provider with ID '${flow.providerId}' is not known`,
      undefined,
      flow.target,
    );
  const error = query.get('error');
  if (error !== null) {
    const detail = query.get('error_description');
    return ssoFailure(
      request,
      401,
      `Sign-in with ${name} did not complete: the identity provider answered ${error}${detail ? ` (${detail})` : ''}.`,
      undefined,
      flow.target,
    );
  }
  const code = query.get('code') ?? '';
  const grant = db.sso.grants.get(code);
  db.sso.grants.delete(code);
  if (!grant?.identity || grant.requestId !== flow.requestId || grant.samlResponse !== undefined) {
    return ssoFailure(
      request,
      401,
      `Sign-in with ${name} failed: the authorization code is unknown, used or expired.`,
      undefined,
      flow.target,
    );
  }
  // The ID token's `email` claim is the uid, as for the seeded dave.kim@example.com; `name` the description.
  return finishSignIn(sim, request, db, flow, grant.identity.login, grant.identity.name);
}

async function samlCallback(sim: SimContext, request: Request, db: SimDb, providerId: string): Promise<Response> {
  // The provider is checked first, before the form (DC/OS integration test of the ACS callback).
  if (!db.sso.saml.has(providerId)) return ssoFailure(request, 401, `SAML provider \`${providerId}\` not known`);
  const form = new URLSearchParams(await request.text());
  const flow = takeFlow(request, db, form.get('RelayState'), 'saml');
  if (flow?.providerId !== providerId) return ssoFailure(request, 401, BAD_STATE);
  const name = providerName(db, flow);
  if (name === null)
    return ssoFailure(
      request,
      401,
      `The login provider with ID '${flow.providerId}' is not known`,
      undefined,
      flow.target,
    );
  const posted = form.get('SAMLResponse') ?? '';
  const response = readSamlResponse(posted);
  const grant = response ? db.sso.grants.get(response.id) : undefined;
  if (response) db.sso.grants.delete(response.id);
  if (!response || grant?.samlResponse !== posted || grant.requestId !== flow.requestId) {
    return ssoFailure(
      request,
      401,
      `Sign-in with ${name} failed: the SAML response is not one the identity provider issued for this sign-in.`,
      undefined,
      flow.target,
    );
  }
  if (response.status !== STATUS_SUCCESS)
    return ssoFailure(
      request,
      401,
      `Sign-in with ${name} did not complete: the identity provider denied it.`,
      undefined,
      flow.target,
    );
  const uid = samlUid(response);
  if (uid === undefined)
    return ssoFailure(
      request,
      401,
      `Sign-in with ${name} failed: the SAML response names no user.`,
      undefined,
      flow.target,
    );
  return finishSignIn(sim, request, db, flow, uid, response.displayName ?? uid);
}

export function ssoHandlers(sim: SimContext) {
  return [
    http.get(
      `*${IAM}/auth/login`,
      withDb(sim, ({ request, db }) => {
        const query = new URL(request.url).searchParams;
        const oidc = query.get('oidc-provider');
        const saml = query.get('saml-provider');
        // The IAM reads both parameters (BNC auth.py); with both given, the simulator takes the OIDC one.
        const kind: SsoKind | null = oidc ? 'oidc' : saml ? 'saml' : null;
        const id = oidc ?? saml ?? '';
        if (kind === null)
          return iamError(
            400,
            'Provide the query parameter oidc-provider or saml-provider.',
            'ERR_MISSING_QUERY_PARAMETERS',
          );
        const known = kind === 'oidc' ? db.sso.oidc.has(id) : db.sso.saml.has(id);
        if (!known) return ssoFailure(request, 400, `The login provider with ID '${id}' is not known`);
        return startFlow(request, db, kind, id, query.get('target'));
      }),
    ),
    http.get(
      `*${OIDC_CALLBACK_PATH}`,
      withDb(sim, ({ request, db }) => oidcCallback(sim, request, db)),
    ),
    http.post(
      `*${IAM}/auth/saml/providers/:id/acs-callback`,
      withDb(sim, ({ request, db, params }) => samlCallback(sim, request, db, String(params.id))),
    ),
  ];
}
