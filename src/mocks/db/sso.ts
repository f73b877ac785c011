// Single sign-on state of a simulated cluster: the configured OIDC and SAML providers (§7, stored in their wire
// shapes), the sign-in flows in progress and what the simulated identity provider has vouched for.

/** `OIDCProviderConfig` as PUT and returned by GET; the optional keys are present only once set. */
export interface OidcProviderConfig {
  description: string;
  issuer: string;
  base_url: string;
  client_id: string;
  client_secret: string;
  verify_server_certificate?: boolean;
  ca_certs?: string;
}

/** `SAMLProviderConfig`. */
export interface SamlProviderConfig {
  description: string;
  idp_metadata: string;
  sp_base_url: string;
}

export type SsoKind = 'oidc' | 'saml';

/** One sign-in started at GET /auth/login and not yet finished at a callback. */
export interface SsoFlow {
  /** OIDC `state`, SAML `RelayState`. */
  id: string;
  kind: SsoKind;
  providerId: string;
  /** The `target` asked for; checked again (same-origin relative path) when the flow ends. */
  target: string | null;
  /** The value of the browser-binding cookie set when the flow started: a flow finishes only in that browser. */
  binding: string;
  /** SAML: the AuthnRequest ID the response must answer (`InResponseTo`); OIDC: the nonce. */
  requestId: string;
  expiresAt: number;
}

/** A person at the simulated identity provider, as typed or picked on its page. */
export interface IdpIdentity {
  /** What the person typed or picked: an email address or a plain username. */
  login: string;
  name: string;
}

/**
 * What the simulated IdP issued: an OIDC authorization code bound to the request's nonce, or a SAML response bound
 * to the AuthnRequest it answers. `identity` is null when the person denied the sign-in.
 */
export interface IdpGrant {
  /** The OIDC nonce or the SAML AuthnRequest ID the grant answers; the IAM checks it against its flow. */
  requestId: string;
  identity: IdpIdentity | null;
  /** SAML only: the exact base64 response issued; anything else presented with this ID is a forgery. */
  samlResponse?: string;
  expiresAt: number;
}

export interface SimSso {
  oidc: Map<string, OidcProviderConfig>;
  saml: Map<string, SamlProviderConfig>;
  flows: Map<string, SsoFlow>;
  /** OIDC code or SAML response ID → grant; each is good for one use. */
  grants: Map<string, IdpGrant>;
}

/** A started flow must finish within ten minutes; an issued code or response within five. */
export const FLOW_TTL_MS = 10 * 60 * 1000;
export const GRANT_TTL_MS = 5 * 60 * 1000;

/** The accounts the simulated IdP offers to pick; anything else may be typed. */
export const IDP_ACCOUNTS: readonly IdpIdentity[] = [
  { login: 'dave.kim@example.com', name: 'Dave Kim' },
  { login: 'erin.lopez@example.com', name: 'Erin Lopez' },
  { login: 'frank.moore@example.com', name: 'Frank Moore' },
];

export const SEED_OIDC_ID = 'google-idp';
export const SEED_SAML_ID = 'okta-saml';
export const SEED_SAML_ENTITY_ID = 'http://www.okta.com/exk1simulated0dcos';

/** The seeded Okta application's IdP metadata: well-formed, with the entity ID and SSO endpoint a real one has. */
export const SEED_SAML_METADATA = `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${SEED_SAML_ENTITY_ID}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://example.okta.com/app/dcos/exk1simulated0dcos/sso/saml"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;

/**
 * The providers of the seeded remote users: `dave.kim@example.com` signs in with `google-idp`, `erin.lopez@example.com`
 * with `okta-saml`. The base URLs name `npm start`'s origin; the simulator's flows stay on the origin that was asked
 * (see handlers/sso.ts), so they work on any port.
 */
export function createSso(): SimSso {
  const sso: SimSso = { oidc: new Map(), saml: new Map(), flows: new Map(), grants: new Map() };
  sso.oidc.set(SEED_OIDC_ID, {
    description: 'Google',
    issuer: 'https://accounts.google.com',
    base_url: 'http://127.0.0.1:5173',
    client_id: '1234567890-dcos.apps.googleusercontent.com',
    client_secret: 'GOCSPX-simulated-client-secret',
    verify_server_certificate: true,
  });
  sso.saml.set(SEED_SAML_ID, {
    description: 'Okta',
    idp_metadata: SEED_SAML_METADATA,
    sp_base_url: 'http://127.0.0.1:5173',
  });
  return sso;
}

/** Drops flows and grants past their time, so an abandoned sign-in holds no memory for long. */
export function pruneExpired(sso: SimSso, now = Date.now()): void {
  for (const [id, flow] of sso.flows) if (flow.expiresAt <= now) sso.flows.delete(id);
  for (const [id, grant] of sso.grants) if (grant.expiresAt <= now) sso.grants.delete(id);
}
