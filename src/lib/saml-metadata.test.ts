import { describe, expect, it } from 'vitest';
import { checkSamlMetadata } from './saml-metadata.ts';

const IDP = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/exk1">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://example.okta.com/sso/saml"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;

describe('checkSamlMetadata', () => {
  it('finds the entity ID and SSO location of IdP metadata', () => {
    expect(checkSamlMetadata(IDP)).toEqual({
      ok: true,
      entityId: 'http://www.okta.com/exk1',
      ssoUrl: 'https://example.okta.com/sso/saml',
    });
  });

  it('reads an EntityDescriptor inside EntitiesDescriptor, without a prefix too', () => {
    const wrapped = `<EntitiesDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"><EntityDescriptor entityID="urn:idp"><IDPSSODescriptor/></EntityDescriptor></EntitiesDescriptor>`;
    expect(checkSamlMetadata(wrapped)).toEqual({ ok: true, entityId: 'urn:idp', ssoUrl: null });
  });

  it.each([
    ['', 'Paste the IdP metadata XML or load it from a file.'],
    ['<md:EntityDescriptor entityID="x">', 'This is not well-formed XML.'],
    ['not xml at all', 'This is not well-formed XML.'],
    ['<!DOCTYPE x><x/>', 'The metadata must not contain a DOCTYPE.'],
    ['<EntityDescriptor><IDPSSODescriptor/></EntityDescriptor>', 'No EntityDescriptor with an entityID was found.'],
    [
      '<EntityDescriptor entityID="sp"><SPSSODescriptor/></EntityDescriptor>',
      'This metadata describes no identity provider (no IDPSSODescriptor): is it the service provider’s?',
    ],
  ])('refuses %j', (xml, problem) => {
    expect(checkSamlMetadata(xml)).toEqual({ ok: false, problem });
  });
});
