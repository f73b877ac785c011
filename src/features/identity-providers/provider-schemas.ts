import { z } from 'zod/mini';
import { providerIdSchema, type OidcConfig, type OidcInput, type SamlConfig } from '@/api/providers.ts';
import { checkSamlMetadata } from '@/lib/saml-metadata.ts';

/** An absolute http(s) URL with a host and no credentials in it; `httpsOnly` for an OIDC issuer. */
export function isHttpUrl(value: string, httpsOnly = false): boolean {
  try {
    const url = new URL(value.trim());
    return (
      (url.protocol === 'https:' || (!httpsOnly && url.protocol === 'http:')) &&
      url.hostname !== '' &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}

const PEM_CERTS = /^(\s*-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\s*)+$/;

const description = z
  .string()
  .check(z.trim(), z.minLength(1, 'Enter a description: the sign-in button says “Sign in with” it.'));
const clusterUrl = z.string().check(
  z.trim(),
  z.refine((v) => isHttpUrl(v), 'Enter the cluster URL, e.g. https://dcos.example.com.'),
);

export function oidcFormSchema(mode: 'create' | 'update') {
  return z
    .object({
      id: providerIdSchema,
      description,
      issuer: z.string().check(
        z.trim(),
        z.refine((v) => isHttpUrl(v, true), 'Enter the issuer’s https URL, e.g. https://accounts.google.com.'),
      ),
      baseUrl: clusterUrl,
      clientId: z.string().check(z.trim(), z.minLength(1, 'Enter the client ID the identity provider issued.')),
      clientSecret: z.string(),
      verifyServerCertificate: z.boolean(),
      caCerts: z
        .string()
        .check(
          z.refine(
            (v) => v.trim() === '' || PEM_CERTS.test(v),
            'Paste PEM certificates (-----BEGIN CERTIFICATE----- …) or leave this empty.',
          ),
        ),
    })
    .check(
      z.refine((v) => mode === 'update' || v.clientSecret !== '', {
        path: ['clientSecret'],
        message: 'Enter the client secret.',
      }),
    );
}
export type OidcFormValues = z.infer<ReturnType<typeof oidcFormSchema>>;

export const samlFormSchema = z.object({
  id: providerIdSchema,
  description,
  idpMetadata: z.string().check(
    z.superRefine((xml, ctx) => {
      const check = checkSamlMetadata(xml);
      if (!check.ok) ctx.addIssue({ code: 'custom', message: check.problem });
    }),
  ),
  spBaseUrl: clusterUrl,
});
export type SamlFormValues = z.infer<typeof samlFormSchema>;

/** A new provider starts from this console's own origin as the cluster URL. */
export function emptyOidcValues(origin: string): OidcFormValues {
  return {
    id: '',
    description: '',
    issuer: '',
    baseUrl: origin,
    clientId: '',
    clientSecret: '',
    verifyServerCertificate: true,
    caCerts: '',
  };
}

export function emptySamlValues(origin: string): SamlFormValues {
  return { id: '', description: '', idpMetadata: '', spBaseUrl: origin };
}

export function oidcValues(id: string, config: OidcConfig): OidcFormValues {
  return {
    id,
    description: config.description,
    issuer: config.issuer,
    baseUrl: config.base_url,
    clientId: config.client_id,
    clientSecret: '',
    verifyServerCertificate: config.verify_server_certificate ?? false,
    caCerts: config.ca_certs ?? '',
  };
}

export function samlValues(id: string, config: SamlConfig): SamlFormValues {
  return { id, description: config.description, idpMetadata: config.idp_metadata, spBaseUrl: config.sp_base_url };
}

export function toOidcInput(values: OidcFormValues): OidcInput {
  return {
    description: values.description,
    issuer: values.issuer,
    base_url: values.baseUrl,
    client_id: values.clientId,
    client_secret: values.clientSecret,
    verify_server_certificate: values.verifyServerCertificate,
    ca_certs: values.caCerts,
  };
}

export function toSamlInput(values: SamlFormValues): SamlConfig {
  return { description: values.description, idp_metadata: values.idpMetadata, sp_base_url: values.spBaseUrl };
}

/** Where the IAM's wording puts a server error: its backticked wire key, or the ID for a clash or a bad ID. */
export const OIDC_ERROR_FIELDS = {
  description: 'description',
  issuer: 'issuer',
  base_url: 'baseUrl',
  client_id: 'clientId',
  client_secret: 'clientSecret',
  ca_certs: 'caCerts',
} as const satisfies Record<string, keyof OidcFormValues>;

export const SAML_ERROR_FIELDS = {
  description: 'description',
  idp_metadata: 'idpMetadata',
  sp_base_url: 'spBaseUrl',
} as const satisfies Record<string, keyof SamlFormValues>;
