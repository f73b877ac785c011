import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request, requestVoid } from './request.ts';
import { PROVIDERS_KEY, providerMapSchema, type SsoKind } from './auth.ts';

const IAM = '/acs/api/v1';

export const providerPath = (kind: SsoKind, id: string) => `${IAM}/auth/${kind}/providers/${encodeURIComponent(id)}`;

/** The docs: a provider ID goes into URLs, so "only lowercase alphanumeric and -"; 64 characters is our own bound. */
export const providerIdSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Enter an ID.'),
    z.maxLength(64, 'At most 64 characters.'),
    z.regex(/^[a-z0-9-]*$/, 'Use only lowercase letters, digits and -.'),
  );

/**
 * `OIDCProviderConfig` as the IAM answers it. The client secret is dropped as it is parsed: the console never shows it
 * again nor keeps it in its cache, only whether one is set.
 */
export const oidcConfigSchema = z.pipe(
  z.object({
    description: z.string(),
    issuer: z.string(),
    base_url: z.string(),
    client_id: z.string(),
    client_secret: z.optional(z.string()),
    verify_server_certificate: z.optional(z.boolean()),
    ca_certs: z.optional(z.string()),
  }),
  z.transform(({ client_secret, ...rest }) => ({ ...rest, hasClientSecret: (client_secret ?? '') !== '' })),
);
export type OidcConfig = z.output<typeof oidcConfigSchema>;

export const samlConfigSchema = z.object({
  description: z.string(),
  idp_metadata: z.string(),
  sp_base_url: z.string(),
});
export type SamlConfig = z.infer<typeof samlConfigSchema>;

export interface ProviderSummary {
  kind: SsoKind;
  id: string;
  description: string;
}

export const providerQueries = {
  all: () => [PROVIDERS_KEY] as const,
  list: () =>
    queryOptions({
      queryKey: [...providerQueries.all(), 'list'] as const,
      queryFn: async ({ signal }): Promise<ProviderSummary[]> => {
        const lists = await Promise.all(
          (['oidc', 'saml'] as const).map(async (kind) =>
            Object.entries(await request(`${IAM}/auth/${kind}/providers`, providerMapSchema, { signal })).map(
              ([id, description]) => ({ kind, id, description }),
            ),
          ),
        );
        return lists.flat();
      },
    }),
  oidc: (id: string) =>
    queryOptions({
      queryKey: [...providerQueries.all(), 'oidc', id] as const,
      queryFn: ({ signal }) => request(providerPath('oidc', id), oidcConfigSchema, { signal }),
    }),
  saml: (id: string) =>
    queryOptions({
      queryKey: [...providerQueries.all(), 'saml', id] as const,
      queryFn: ({ signal }) => request(providerPath('saml', id), samlConfigSchema, { signal }),
    }),
  acsCallbackUrl: (id: string) =>
    queryOptions({
      queryKey: [...providerQueries.all(), 'saml', id, 'acs-callback-url'] as const,
      queryFn: async ({ signal }) =>
        (
          await request(`${providerPath('saml', id)}/acs-callback-url`, z.object({ 'acs-callback-url': z.string() }), {
            signal,
          })
        )['acs-callback-url'],
    }),
};

/** Where an IdP reads this service provider's metadata: the cluster URL the provider was configured with. */
export function spMetadataUrl(spBaseUrl: string, id: string): string {
  return `${spBaseUrl.replace(/\/+$/, '')}${providerPath('saml', id)}/sp-metadata`;
}

export interface OidcInput {
  description: string;
  issuer: string;
  base_url: string;
  client_id: string;
  /** Empty when editing: keep the stored secret. */
  client_secret: string;
  verify_server_certificate: boolean;
  ca_certs: string;
}

/**
 * Creates (PUT) or updates (PATCH) an OIDC provider with a whole configuration. A blank secret on update keeps the
 * stored one: it is read at that moment, sent back, and never cached.
 */
export async function saveOidcProvider(id: string, input: OidcInput, mode: 'create' | 'update'): Promise<void> {
  let secret = input.client_secret;
  if (mode === 'update' && secret === '') {
    secret = (await request(providerPath('oidc', id), z.object({ client_secret: z.string() }))).client_secret;
  }
  const body: Record<string, unknown> = { ...input, client_secret: secret };
  if (input.ca_certs.trim() === '') delete body.ca_certs;
  await requestVoid(providerPath('oidc', id), { method: mode === 'create' ? 'PUT' : 'PATCH', body });
}

export async function saveSamlProvider(id: string, input: SamlConfig, mode: 'create' | 'update'): Promise<void> {
  await requestVoid(providerPath('saml', id), { method: mode === 'create' ? 'PUT' : 'PATCH', body: input });
}

export async function deleteProvider(kind: SsoKind, id: string): Promise<void> {
  await requestVoid(providerPath(kind, id), { method: 'DELETE' });
}
