// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_SAML_METADATA } from '../db/sso.ts';
import { simulator } from '../node.ts';
import { apiRequest, expectEmpty, expectIamError, iamRequest, loginAs } from '../test-support.ts';

let token: string;
beforeAll(async () => {
  token = await loginAs(simulator, 'bootstrapuser', 'deleteme');
});

const db = () => simulator.context.defaultDb;
const get = (path: string, as = token) => simulator.handle(apiRequest(path, { via: 'token', token: as }));
const send = (method: string, path: string, body?: unknown) => simulator.handle(iamRequest(method, path, token, body));
const IAM = '/acs/api/v1';

const OIDC = {
  description: 'Corporate SSO',
  issuer: 'https://sso.example.com',
  base_url: 'https://dcos.example.com',
  client_id: 'dcos',
  client_secret: 's3cret',
};

describe('The public provider lists', () => {
  it('answer {"<id>": "<description>"} without authentication', async () => {
    expect(await (await simulator.handle(apiRequest(`${IAM}/auth/oidc/providers`))).json()).toEqual({
      'google-idp': 'Google',
    });
    expect(await (await simulator.handle(apiRequest(`${IAM}/auth/saml/providers`))).json()).toEqual({
      'okta-saml': 'Okta',
    });
  });

  it('GET /auth/providers lists the built-in providers and every configured IdP', async () => {
    const body = (await (await simulator.handle(apiRequest(`${IAM}/auth/providers`))).json()) as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(body)).toEqual(['dcos-users', 'dcos-services', 'google-idp', 'okta-saml']);
    expect(body['google-idp']).toEqual({
      'authentication-type': 'oidc-authorization-code-flow',
      'client-method': 'browser-prompt-authtoken',
      config: { start_flow_url: `${IAM}/auth/login?oidc-provider=google-idp&target=dcos:authenticationresponse:html` },
      description: 'Google',
    });
    expect(body['dcos-users']?.['authentication-type']).toBe('dcos-uid-password');
  });
});

describe('OIDC provider configuration', () => {
  it('needs a session: Admin Router answers 401 with its HTML page', async () => {
    const response = await simulator.handle(apiRequest(`${IAM}/auth/oidc/providers/google-idp`));
    expect(response.status).toBe(401);
    expect(response.headers.get('Content-Type')).toContain('text/html');
  });

  it('is refused to an account without the IAM permission', async () => {
    const bob = await loginAs(simulator, 'bob', 'bob-pass');
    expect((await get(`${IAM}/auth/oidc/providers/google-idp`, bob)).status).toBe(403);
  });

  it('creates, reads, updates and deletes a provider; the public list follows', async () => {
    await expectEmpty(await send('PUT', `${IAM}/auth/oidc/providers/corp-sso`, OIDC), 201);
    expect(await (await get(`${IAM}/auth/oidc/providers/corp-sso`)).json()).toEqual(OIDC);
    expect(await (await simulator.handle(apiRequest(`${IAM}/auth/oidc/providers`))).json()).toEqual({
      'corp-sso': 'Corporate SSO',
      'google-idp': 'Google',
    });
    await expectEmpty(
      await send('PATCH', `${IAM}/auth/oidc/providers/corp-sso`, {
        ...OIDC,
        description: 'Corp',
        verify_server_certificate: true,
      }),
      204,
    );
    expect(db().sso.oidc.get('corp-sso')).toEqual({ ...OIDC, description: 'Corp', verify_server_certificate: true });
    await expectEmpty(await send('DELETE', `${IAM}/auth/oidc/providers/corp-sso`), 204);
    await expectIamError(await send('DELETE', `${IAM}/auth/oidc/providers/corp-sso`), 404, {
      title: 'Not Found',
      description: 'OIDC provider with ID `corp-sso` is not configured.',
    });
  });

  it('refuses a second provider with the same id (409)', async () => {
    await expectIamError(await send('PUT', `${IAM}/auth/oidc/providers/google-idp`, OIDC), 409, {
      title: 'Conflict',
      description: 'OIDC provider with ID `google-idp` already exists.',
    });
  });

  it.each([
    ['Google', 'Invalid provider ID `Google`: use 1 to 64 lowercase letters, digits and -.'],
    ['a_b', 'Invalid provider ID `a_b`: use 1 to 64 lowercase letters, digits and -.'],
  ])('refuses the provider id %s', async (id, description) => {
    await expectIamError(await send('PUT', `${IAM}/auth/oidc/providers/${id}`, OIDC), 400, {
      title: 'Bad Request',
      description,
      code: 'ERR_OIDC_PROVIDER_CONFIG_INVALID',
    });
  });

  it.each([
    [{ issuer: 'http://sso.example.com' }, '`issuer` must be an https URL, e.g. https://accounts.google.com.'],
    [{ base_url: 'dcos.example.com' }, '`base_url` must be the cluster URL, e.g. https://dcos.example.com.'],
    [{ client_secret: ' ' }, '`client_secret` must not be empty.'],
    [{ ca_certs: 'not a certificate' }, '`ca_certs` must be PEM certificates (-----BEGIN CERTIFICATE----- …).'],
  ])('refuses %o with ERR_OIDC_PROVIDER_CONFIG_INVALID naming the key', async (change, description) => {
    await expectIamError(await send('PUT', `${IAM}/auth/oidc/providers/corp`, { ...OIDC, ...change }), 400, {
      title: 'Bad Request',
      description,
      code: 'ERR_OIDC_PROVIDER_CONFIG_INVALID',
    });
  });

  it('checks the schema first: unknown properties and missing required ones', async () => {
    await expectIamError(await send('PUT', `${IAM}/auth/oidc/providers/corp`, { ...OIDC, id: 'corp' }), 400, {
      title: 'Bad Request',
      description: "Unexpected JSON input. Hint: Additional properties are not allowed ('id' was unexpected)",
    });
    const noSecret: Partial<typeof OIDC> = { ...OIDC };
    delete noSecret.client_secret;
    await expectIamError(await send('PUT', `${IAM}/auth/oidc/providers/corp`, noSecret), 400, {
      title: 'Bad Request',
      description: "Unexpected JSON input. Hint: 'client_secret' is a required property",
    });
  });

  it('PATCH of a provider that is not configured is a 400', async () => {
    const response = await send('PATCH', `${IAM}/auth/oidc/providers/nope`, OIDC);
    expect(response.status).toBe(400);
  });
});

describe('SAML provider configuration', () => {
  const SAML = { description: 'ADFS', idp_metadata: SEED_SAML_METADATA, sp_base_url: 'https://dcos.example.com/' };

  it('creates a provider and serves its ACS callback URL and SP metadata', async () => {
    await expectEmpty(await send('PUT', `${IAM}/auth/saml/providers/adfs`, SAML), 201);
    expect(await (await get(`${IAM}/auth/saml/providers/adfs/acs-callback-url`)).json()).toEqual({
      'acs-callback-url': 'https://dcos.example.com/acs/api/v1/auth/saml/providers/adfs/acs-callback',
    });
    const metadata = await get(`${IAM}/auth/saml/providers/adfs/sp-metadata`);
    expect(metadata.headers.get('Content-Type')).toBe('application/samlmetadata+xml');
    const xml = await metadata.text();
    expect(xml).toContain('entityID="https://dcos.example.com/acs/api/v1/auth/saml/providers/adfs/sp-metadata"');
    expect(xml).toContain('Location="https://dcos.example.com/acs/api/v1/auth/saml/providers/adfs/acs-callback"');
  });

  it.each([
    ['<EntityDescriptor entityID="x">', '`idp_metadata` is not well-formed XML (<EntityDescriptor> is never closed).'],
    [
      '<md:EntityDescriptor entityID="x"/>',
      '`idp_metadata` is not well-formed XML (the namespace prefix md is not declared (at 0)).',
    ],
    [
      '<!DOCTYPE x [<!ENTITY e "e">]><x/>',
      '`idp_metadata` is not well-formed XML (DOCTYPE and other declarations are not allowed).',
    ],
    [
      '<EntityDescriptor><IDPSSODescriptor/></EntityDescriptor>',
      '`idp_metadata` has no EntityDescriptor with an entityID.',
    ],
    [
      '<EntityDescriptor entityID="x"><SPSSODescriptor/></EntityDescriptor>',
      '`idp_metadata` describes no identity provider (IDPSSODescriptor).',
    ],
  ])('refuses the metadata %s', async (idpMetadata, description) => {
    await expectIamError(
      await send('PUT', `${IAM}/auth/saml/providers/adfs`, { ...SAML, idp_metadata: idpMetadata }),
      400,
      { title: 'Bad Request', description, code: 'ERR_INVALID_DATA' },
    );
  });
});
