// Validation of OIDC and SAML provider configurations (§7). The schemas are IAMY's; the value rules are the
// simulator's reading of the docs (ids of lowercase letters, digits and `-`; an https issuer; URLs that parse; IdP
// metadata that is well-formed XML describing an IdP). Descriptions name the offending key in backticks, which the
// console uses to put the message at that field. OIDC problems carry ERR_OIDC_PROVIDER_CONFIG_INVALID; the code list
// has no SAML counterpart, so SAML problems carry the generic ERR_INVALID_DATA.
import type { OidcProviderConfig, SamlProviderConfig, SsoKind } from '../db/sso.ts';
import { iamError } from '../lib/http.ts';
import { metadataProblem } from '../../lib/xml-check.ts';
import { schemaError } from './iam.ts';

const OIDC = {
  required: ['description', 'issuer', 'base_url', 'client_id', 'client_secret'],
  properties: {
    description: 'string',
    issuer: 'string',
    base_url: 'string',
    client_id: 'string',
    client_secret: 'string',
    verify_server_certificate: 'boolean',
    ca_certs: 'string',
  },
} as const;
const SAML = {
  required: ['description', 'idp_metadata', 'sp_base_url'],
  properties: { description: 'string', idp_metadata: 'string', sp_base_url: 'string' },
} as const;

/** DOCS sso/setup-openid: "only lowercase alphanumeric and -"; 64 characters is the simulator's own bound. */
export const PROVIDER_ID = /^[a-z0-9-]{1,64}$/;

function httpUrl(value: string, httpsOnly: boolean): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'https:' || (!httpsOnly && url.protocol === 'http:')) &&
      url.hostname !== '' &&
      !url.username &&
      !url.password
    );
  } catch {
    return false;
  }
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

export function providerIdProblem(kind: SsoKind, id: string): Response | null {
  if (PROVIDER_ID.test(id)) return null;
  const description = `Invalid provider ID \`${id}\`: use 1 to 64 lowercase letters, digits and -.`;
  return iamError(400, description, kind === 'oidc' ? 'ERR_OIDC_PROVIDER_CONFIG_INVALID' : 'ERR_INVALID_DATA');
}

/**
 * The configuration in `body`, or the 400 that refuses it. `partial` (PATCH) lets required keys be left out: they keep
 * their stored values. The console always sends a whole configuration.
 */
export function checkOidcConfig(
  body: Record<string, unknown>,
  partial = false,
): Response | Partial<OidcProviderConfig> {
  const schema = schemaError(body, partial ? { properties: OIDC.properties } : OIDC);
  if (schema) return schema;
  const invalid = (description: string) => iamError(400, description, 'ERR_OIDC_PROVIDER_CONFIG_INVALID');
  const config = body as Partial<OidcProviderConfig>;
  for (const key of ['description', 'client_id', 'client_secret'] as const) {
    if (config[key]?.trim() === '') return invalid(`\`${key}\` must not be empty.`);
  }
  if (config.issuer !== undefined && !httpUrl(config.issuer, true))
    return invalid('`issuer` must be an https URL, e.g. https://accounts.google.com.');
  if (config.base_url !== undefined && !httpUrl(config.base_url, false))
    return invalid('`base_url` must be the cluster URL, e.g. https://dcos.example.com.');
  if (config.ca_certs !== undefined && config.ca_certs.trim() !== '' && !PEM_CERT.test(config.ca_certs)) {
    return invalid('`ca_certs` must be PEM certificates (-----BEGIN CERTIFICATE----- …).');
  }
  return config;
}

export function checkSamlConfig(
  body: Record<string, unknown>,
  partial = false,
): Response | Partial<SamlProviderConfig> {
  const schema = schemaError(body, partial ? { properties: SAML.properties } : SAML);
  if (schema) return schema;
  const invalid = (description: string) => iamError(400, description, 'ERR_INVALID_DATA');
  const config = body as Partial<SamlProviderConfig>;
  if (config.description?.trim() === '') return invalid('`description` must not be empty.');
  if (config.idp_metadata !== undefined) {
    const problem = metadataProblem(config.idp_metadata);
    if (problem) return invalid(`\`idp_metadata\` ${problem}.`);
  }
  if (config.sp_base_url !== undefined && !httpUrl(config.sp_base_url, false))
    return invalid('`sp_base_url` must be the cluster URL, e.g. https://dcos.example.com.');
  return config;
}
