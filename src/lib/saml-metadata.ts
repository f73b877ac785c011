import { parseXmlElements, type XmlElement } from './xml-check.ts';

/** What the browser found in pasted or uploaded IdP metadata. */
export type SamlMetadataCheck = { ok: true; entityId: string; ssoUrl: string | null } | { ok: false; problem: string };

/**
 * Checks IdP metadata in the browser before it is sent: well-formed XML, an EntityDescriptor with an entityID, and an
 * IDPSSODescriptor (metadata of a service provider is a common mix-up). It does not use DOMParser: for malformed input
 * Chromium builds an error document with inline styles, which the console's CSP reports as violations.
 */
export function checkSamlMetadata(xml: string): SamlMetadataCheck {
  if (xml.trim() === '') return { ok: false, problem: 'Paste the IdP metadata XML or load it from a file.' };
  if (/<!DOCTYPE/i.test(xml)) return { ok: false, problem: 'The metadata must not contain a DOCTYPE.' };
  let elements: XmlElement[];
  try {
    elements = parseXmlElements(xml);
  } catch {
    return { ok: false, problem: 'This is not well-formed XML.' };
  }
  const start = elements.findIndex((e) => e.localName === 'EntityDescriptor');
  const entityId = elements[start]?.attributes.get('entityID') ?? '';
  if (start < 0 || entityId === '') return { ok: false, problem: 'No EntityDescriptor with an entityID was found.' };
  const rest = elements.slice(start + 1);
  if (!rest.some((e) => e.localName === 'IDPSSODescriptor')) {
    return {
      ok: false,
      problem: 'This metadata describes no identity provider (no IDPSSODescriptor): is it the service provider’s?',
    };
  }
  const sso = rest.find((e) => e.localName === 'SingleSignOnService')?.attributes.get('Location') ?? null;
  return { ok: true, entityId, ssoUrl: sso };
}
