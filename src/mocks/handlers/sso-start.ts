// The start of a single sign-on flow at the IAM: remember the flow (state, target, the request the IdP must answer),
// bind it to the browser, and send the browser to the (simulated) identity provider.
import { randomBytes } from 'node:crypto';
import { FLOW_TTL_MS, pruneExpired, type SsoFlow, type SsoKind } from '../db/sso.ts';
import type { SimDb } from '../db/types.ts';
import { encodeAuthnRequest } from '../lib/saml.ts';
import { parseCookies } from '../lib/http.ts';
import { IAM } from './iam.ts';
import { OIDC_CALLBACK_PATH, acsCallbackPath, spMetadataPath } from './sso-paths.ts';

const newId = () => randomBytes(16).toString('hex');

/**
 * Binds a flow to the browser that started it, so a callback URL lured into another browser signs nobody in. OIDC
 * flows use the IAM's own name, `dcos-iam-oidc-state` (its callback answers "dcos-iam-oidc-state cookie missing" without
 * it: docs/decisions/006); the SAML cookie's real name is not known.
 */
export const FLOW_COOKIES: Readonly<Record<SsoKind, string>> = {
  oidc: 'dcos-iam-oidc-state',
  saml: 'dcos-acs-sso-flow',
};

export function startFlow(
  request: Request,
  db: SimDb,
  kind: SsoKind,
  providerId: string,
  target: string | null,
): Response {
  pruneExpired(db.sso);
  const origin = new URL(request.url).origin;
  // One binding per browser, reused, so two sign-ins started in two tabs do not cancel each other.
  const binding = parseCookies(request.headers.get('cookie')).get(FLOW_COOKIES[kind]) ?? newId();
  const flow: SsoFlow = {
    id: newId(),
    kind,
    providerId,
    target,
    binding,
    requestId: `_${newId()}`,
    expiresAt: Date.now() + FLOW_TTL_MS,
  };
  db.sso.flows.set(flow.id, flow);
  let location: string;
  if (kind === 'oidc') {
    const provider = db.sso.oidc.get(providerId);
    // The redirect URI is this origin's callback, not `base_url`'s: the simulator answers on whatever port it runs on.
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: provider?.client_id ?? '',
      redirect_uri: `${origin}${OIDC_CALLBACK_PATH}`,
      scope: 'openid email profile',
      state: flow.id,
      nonce: flow.requestId,
    });
    location = `/__sim/idp/oidc/${providerId}/authorize?${query.toString()}`;
  } else {
    const request_ = encodeAuthnRequest({
      id: flow.requestId,
      acsUrl: `${origin}${acsCallbackPath(providerId)}`,
      issuer: `${origin}${spMetadataPath(providerId)}`,
    });
    location = `/__sim/idp/saml/${providerId}/sso?${new URLSearchParams({ SAMLRequest: request_, RelayState: flow.id }).toString()}`;
  }
  const secure = origin.startsWith('https:') ? '; Secure' : '';
  // Lax, not Strict: with a real IdP on another site, the way back is a cross-site top-level navigation.
  const cookie = `${FLOW_COOKIES[kind]}=${binding}; HttpOnly; Path=${IAM}/auth; SameSite=Lax; Max-Age=${FLOW_TTL_MS / 1000}${secure}`;
  return new Response(null, {
    status: 302,
    headers: { Location: location, 'Set-Cookie': cookie, 'Cache-Control': 'no-store' },
  });
}
