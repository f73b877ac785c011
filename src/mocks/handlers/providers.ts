// Identity provider configuration (§7) and the public provider lists the sign-in page reads (§2). The lists are
// unauthenticated (Admin Router's regex); one provider's configuration needs the IAM's Admin Router permission, like
// every other IAM route here (the docs name superuser; see docs/decisions/004-sso-and-directory.md).
import { http } from 'msw';
import type { OidcProviderConfig, SamlProviderConfig, SsoKind } from '../db/sso.ts';
import type { SimDb } from '../db/types.ts';
import { escapeHtml } from '../lib/html.ts';
import { empty, iamError, json, readJsonObject } from '../lib/http.ts';
import type { SimContext } from '../sim-context.ts';
import { IAM_ACCESS, guarded, withDb } from './guard.ts';
import { IAM, badJsonBody } from './iam.ts';
import { checkOidcConfig, checkSamlConfig, providerIdProblem } from './provider-config.ts';
import { acsCallbackPath, spMetadataPath } from './sso-paths.ts';

const LABEL: Record<SsoKind, string> = { oidc: 'OIDC', saml: 'SAML' };

function store(db: SimDb, kind: SsoKind): Map<string, OidcProviderConfig | SamlProviderConfig> {
  return kind === 'oidc' ? db.sso.oidc : db.sso.saml;
}

/** `{"<id>": "<description>"}`, by id. */
function summary(db: SimDb, kind: SsoKind): Record<string, string> {
  return Object.fromEntries(
    [...store(db, kind)].sort(([a], [b]) => a.localeCompare(b)).map(([id, p]) => [id, p.description]),
  );
}

function unknownProvider(kind: SsoKind, id: string, status = 404): Response {
  return iamError(status, `${LABEL[kind]} provider with ID \`${id}\` is not configured.`);
}

function check(kind: SsoKind, body: Record<string, unknown>, partial: boolean) {
  return kind === 'oidc' ? checkOidcConfig(body, partial) : checkSamlConfig(body, partial);
}

async function write(request: Request, db: SimDb, kind: SsoKind, id: string, creating: boolean): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body) return badJsonBody();
  const checked = check(kind, body, !creating);
  if (checked instanceof Response) return checked;
  const providers = store(db, kind);
  const existing = providers.get(id);
  if (creating) {
    const badId = providerIdProblem(kind, id);
    if (badId) return badId;
    if (existing) return iamError(409, `${LABEL[kind]} provider with ID \`${id}\` already exists.`);
    providers.set(id, checked as OidcProviderConfig | SamlProviderConfig);
    return empty(201);
  }
  if (!existing) return unknownProvider(kind, id, 400);
  providers.set(id, { ...existing, ...checked });
  return empty(204);
}

/** The SP metadata an IdP may import: the SP's entity ID (this URL) and its ACS endpoint. */
function spMetadata(config: SamlProviderConfig, id: string): Response {
  const base = config.sp_base_url.replace(/\/+$/, '');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${escapeHtml(base + spMetadataPath(id))}">
  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${escapeHtml(base + acsCallbackPath(id))}" index="0"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>
`;
  return new Response(xml, {
    headers: { 'Content-Type': 'application/samlmetadata+xml', 'Cache-Control': 'no-store' },
  });
}

/** GET /auth/providers (the CLI's list): the two built-in providers plus every configured IdP. */
function loginProviders(db: SimDb) {
  const builtIn = (type: string, method: string, description: string) => ({
    'authentication-type': type,
    'client-method': method,
    config: { start_flow_url: `${IAM}/auth/login` },
    description,
  });
  const sso = (kind: SsoKind, type: string): [string, object][] =>
    Object.entries(summary(db, kind)).map(([id, description]) => [
      id,
      {
        'authentication-type': type,
        'client-method': 'browser-prompt-authtoken',
        config: {
          start_flow_url: `${IAM}/auth/login?${kind}-provider=${encodeURIComponent(id)}&target=dcos:authenticationresponse:html`,
        },
        description,
      },
    ]);
  return {
    'dcos-users': builtIn(
      'dcos-uid-password',
      'dcos-usercredential-post-receive-authtoken',
      'Default DC/OS login provider',
    ),
    'dcos-services': builtIn(
      'dcos-uid-servicekey',
      'dcos-servicecredential-post-receive-authtoken',
      'Default DC/OS login provider for service accounts',
    ),
    ...Object.fromEntries([...sso('oidc', 'oidc-authorization-code-flow'), ...sso('saml', 'saml-sp-initiated')]),
  };
}

export function providerHandlers(sim: SimContext) {
  const access = () => IAM_ACCESS;
  const routes = (kind: SsoKind) => {
    const base = `*${IAM}/auth/${kind}/providers`;
    const id = (params: Record<string, unknown>) => String(params.id);
    return [
      http.get(
        base,
        withDb(sim, ({ db }) => json(summary(db, kind))),
      ),
      http.get(
        `${base}/:id`,
        guarded(sim, access, ({ db, params }) => {
          const config = store(db, kind).get(id(params));
          return config ? json(config) : unknownProvider(kind, id(params));
        }),
      ),
      http.put(
        `${base}/:id`,
        guarded(sim, access, ({ request, db, params }) => write(request, db, kind, id(params), true)),
      ),
      http.patch(
        `${base}/:id`,
        guarded(sim, access, ({ request, db, params }) => write(request, db, kind, id(params), false)),
      ),
      http.delete(
        `${base}/:id`,
        guarded(sim, access, ({ db, params }) =>
          store(db, kind).delete(id(params)) ? empty(204) : unknownProvider(kind, id(params)),
        ),
      ),
    ];
  };
  return [
    ...routes('oidc'),
    ...routes('saml'),
    http.get(
      `*${IAM}/auth/saml/providers/:id/acs-callback-url`,
      guarded(sim, access, ({ db, params }) => {
        const config = db.sso.saml.get(String(params.id));
        if (!config) return unknownProvider('saml', String(params.id));
        return json({
          'acs-callback-url': config.sp_base_url.replace(/\/+$/, '') + acsCallbackPath(String(params.id)),
        });
      }),
    ),
    http.get(
      `*${IAM}/auth/saml/providers/:id/sp-metadata`,
      guarded(sim, access, ({ db, params }) => {
        const config = db.sso.saml.get(String(params.id));
        return config ? spMetadata(config, String(params.id)) : unknownProvider('saml', String(params.id));
      }),
    ),
    http.get(
      `*${IAM}/auth/providers`,
      withDb(sim, ({ db }) => json(loginProviders(db))),
    ),
  ];
}
