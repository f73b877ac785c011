/** What the browser found in pasted or uploaded IdP metadata. */
export type SamlMetadataCheck = { ok: true; entityId: string; ssoUrl: string | null } | { ok: false; problem: string };

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';

/**
 * Checks IdP metadata in the browser before it is sent: well-formed XML (DOMParser reports a `parsererror`), an
 * EntityDescriptor with an entityID, and an IDPSSODescriptor (metadata of a service provider is a common mix-up).
 */
export function checkSamlMetadata(xml: string): SamlMetadataCheck {
  if (xml.trim() === '') return { ok: false, problem: 'Paste the IdP metadata XML or load it from a file.' };
  if (/<!DOCTYPE/i.test(xml)) return { ok: false, problem: 'The metadata must not contain a DOCTYPE.' };
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return { ok: false, problem: 'This is not well-formed XML.' };
  const root = doc.documentElement;
  const entity = root.localName === 'EntityDescriptor' ? root : doc.getElementsByTagNameNS(MD, 'EntityDescriptor')[0];
  const entityId = entity?.getAttribute('entityID') ?? '';
  if (!entity || entityId === '') return { ok: false, problem: 'No EntityDescriptor with an entityID was found.' };
  const idp = entity.getElementsByTagNameNS('*', 'IDPSSODescriptor')[0];
  if (!idp) return { ok: false, problem: 'This metadata describes no identity provider (no IDPSSODescriptor): is it the service provider’s?' };
  const sso = idp.getElementsByTagNameNS('*', 'SingleSignOnService')[0]?.getAttribute('Location') ?? null;
  return { ok: true, entityId, ssoUrl: sso };
}
