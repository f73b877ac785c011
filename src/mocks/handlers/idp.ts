// The simulator's own identity provider, under /__sim/idp/: one OIDC authorization endpoint and one SAML SSO endpoint
// per configured provider. It is a separate party from the IAM: it knows only the request it gets (client, redirect
// URI, nonce; AuthnRequest) and sends people back only to this origin's callbacks.
import { randomBytes } from 'node:crypto';
import { http } from 'msw';
import { GRANT_TTL_MS, IDP_ACCOUNTS, pruneExpired, type IdpIdentity } from '../db/sso.ts';
import type { SimDb } from '../db/types.ts';
import { IDP_STYLESHEET, IDP_STYLESHEET_PATH } from '../lib/html.ts';
import { idpErrorPage, samlPostPage, signInPage } from '../lib/idp-pages.ts';
import { decodeAuthnRequest, encodeSamlResponse } from '../lib/saml.ts';
import { metadataEntityId } from '../../lib/xml-check.ts';
import type { SimContext } from '../sim-context.ts';
import { withDb } from './guard.ts';
import { OIDC_CALLBACK_PATH, acsCallbackPath } from './sso-paths.ts';

const newId = () => randomBytes(16).toString('hex');

/** The person the form names: a typed account wins over the picked one; a known account keeps its name. */
function identityFrom(form: URLSearchParams): IdpIdentity | null {
  const login = (form.get('login') ?? '').trim() || (form.get('account') ?? '').trim();
  if (login === '') return null;
  return IDP_ACCOUNTS.find((a) => a.login === login) ?? { login, name: login };
}

/**
 * Only this origin's callback may receive codes: an IdP never redirects to an unregistered URI, and compares it as an
 * exact string (OAuth 2.0 Security BCP; ASVS 10.4.1), so no dot segment, encoding, fragment, user info or change of
 * case that a URL parser would tidy away makes another URI pass.
 */
function sameOriginPath(request: Request, url: string | null, path: string): boolean {
  return url === `${new URL(request.url).origin}${path}`;
}

async function oidcAuthorize(request: Request, db: SimDb, providerId: string): Promise<Response> {
  const provider = db.sso.oidc.get(providerId);
  if (!provider) return idpErrorPage(`No OIDC client is registered for provider ${providerId}.`, 404);
  const post = request.method === 'POST';
  const params = post ? new URLSearchParams(await request.text()) : new URL(request.url).searchParams;
  const redirectUri = params.get('redirect_uri');
  if (params.get('client_id') !== provider.client_id) return idpErrorPage('Unknown client_id.');
  if (!sameOriginPath(request, redirectUri, OIDC_CALLBACK_PATH))
    return idpErrorPage('The redirect_uri is not registered for this client.');
  const state = params.get('state') ?? '';
  const nonce = params.get('nonce') ?? '';
  const hidden = {
    client_id: provider.client_id,
    redirect_uri: redirectUri ?? '',
    state,
    nonce,
    response_type: 'code',
  };
  const page = {
    providerName: provider.description,
    standsFor: provider.issuer,
    action: new URL(request.url).pathname,
    hidden,
  };
  if (!post) return signInPage(page);
  const back = new URL(redirectUri ?? '');
  back.searchParams.set('state', state);
  if (params.get('decision') === 'deny') {
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('error_description', 'The user denied the request.');
  } else {
    const identity = identityFrom(params);
    if (!identity) return signInPage({ ...page, error: 'Pick an account or type one.' }, 400);
    const code = newId();
    pruneExpired(db.sso);
    db.sso.grants.set(code, { requestId: nonce, identity, expiresAt: Date.now() + GRANT_TTL_MS });
    back.searchParams.set('code', code);
  }
  return new Response(null, {
    status: 302,
    headers: { Location: back.href, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
  });
}

async function samlSso(request: Request, db: SimDb, providerId: string): Promise<Response> {
  const provider = db.sso.saml.get(providerId);
  if (!provider) return idpErrorPage(`No SAML service provider is registered for provider ${providerId}.`, 404);
  const post = request.method === 'POST';
  const params = post ? new URLSearchParams(await request.text()) : new URL(request.url).searchParams;
  const encoded = params.get('SAMLRequest') ?? '';
  const authn = decodeAuthnRequest(encoded);
  if (!authn) return idpErrorPage('The SAMLRequest is missing or malformed.');
  if (!sameOriginPath(request, authn.acsUrl, acsCallbackPath(providerId)))
    return idpErrorPage('The AssertionConsumerServiceURL is not registered for this service provider.');
  const relayState = params.get('RelayState') ?? '';
  const entityId = metadataEntityId(provider.idp_metadata) ?? providerId;
  const page = {
    providerName: provider.description,
    standsFor: entityId,
    action: new URL(request.url).pathname,
    hidden: { SAMLRequest: encoded, RelayState: relayState },
  };
  if (!post) return signInPage(page);
  const denied = params.get('decision') === 'deny';
  const identity = denied ? null : identityFrom(params);
  if (!denied && !identity) return signInPage({ ...page, error: 'Pick an account or type one.' }, 400);
  const id = `_${newId()}`;
  const subject = identity && {
    nameId: identity.login,
    name: identity.name,
    ...(identity.login.includes('@') ? { mail: identity.login } : {}),
  };
  const samlResponse = encodeSamlResponse({
    id,
    inResponseTo: authn.id,
    issuer: entityId,
    destination: authn.acsUrl,
    subject,
  });
  pruneExpired(db.sso);
  db.sso.grants.set(id, { requestId: authn.id, identity, samlResponse, expiresAt: Date.now() + GRANT_TTL_MS });
  return samlPostPage(
    provider.description,
    authn.acsUrl,
    { SAMLResponse: samlResponse, RelayState: relayState },
    !denied,
  );
}

export function idpHandlers(sim: SimContext) {
  return [
    http.get(
      `*${IDP_STYLESHEET_PATH}`,
      () =>
        new Response(IDP_STYLESHEET, {
          headers: { 'Content-Type': 'text/css; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
        }),
    ),
    ...(['get', 'post'] as const).flatMap((method) => [
      http[method](
        '*/__sim/idp/oidc/:id/authorize',
        withDb(sim, ({ request, db, params }) => oidcAuthorize(request, db, String(params.id))),
      ),
      http[method](
        '*/__sim/idp/saml/:id/sso',
        withDb(sim, ({ request, db, params }) => samlSso(request, db, String(params.id))),
      ),
    ]),
  ];
}
