// The SAML 2.0 messages of an SP-initiated sign-in, as the simulator's IAM and IdP exchange them: an AuthnRequest by
// the HTTP-Redirect binding (deflated, base64) and a Response by the HTTP-POST binding (base64). The response is not
// XML-signed; the IdP keeps each one it issued and the ACS accepts only an exact, unused copy, which stands in for
// the signature check.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { escapeHtml } from './html.ts';

export const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
export const STATUS_RESPONDER = 'urn:oasis:names:tc:SAML:2.0:status:Responder';
const REQUEST_DENIED = 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied';
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const UNSPECIFIED_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
const NS = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"';

export const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface AuthnRequest {
  id: string;
  acsUrl: string;
  issuer: string;
}

export function encodeAuthnRequest(request: AuthnRequest, now = new Date()): string {
  const xml = `<samlp:AuthnRequest ${NS} ID="${escapeHtml(request.id)}" Version="2.0" IssueInstant="${now.toISOString()}" AssertionConsumerServiceURL="${escapeHtml(request.acsUrl)}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer>${escapeHtml(request.issuer)}</saml:Issuer></samlp:AuthnRequest>`;
  return deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64');
}

function unescapeXml(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '',
  );
}

function attribute(xml: string, element: string, name: string): string | undefined {
  const tag = new RegExp(`<${element}\\b[^>]*>`).exec(xml)?.[0];
  const value = tag === undefined ? undefined : new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : unescapeXml(value);
}

/** The AuthnRequest in a `SAMLRequest` parameter; null when it is not one. */
export function decodeAuthnRequest(encoded: string): AuthnRequest | null {
  try {
    const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
    const id = attribute(xml, 'samlp:AuthnRequest', 'ID');
    const acsUrl = attribute(xml, 'samlp:AuthnRequest', 'AssertionConsumerServiceURL');
    const issuer = /<saml:Issuer>([^<]*)<\/saml:Issuer>/.exec(xml)?.[1];
    return id && acsUrl && issuer !== undefined ? { id, acsUrl, issuer: unescapeXml(issuer) } : null;
  } catch {
    return null;
  }
}

export interface SamlResponseInit {
  id: string;
  inResponseTo: string;
  issuer: string;
  destination: string;
  /** The person signed in, or null for a denied request. */
  subject: { nameId: string; name: string; mail?: string } | null;
}

/** A Response as the IdP posts it: base64 of the XML. */
export function encodeSamlResponse(init: SamlResponseInit, now = new Date()): string {
  const at = now.toISOString();
  const head = `<samlp:Response ${NS} ID="${escapeHtml(init.id)}" InResponseTo="${escapeHtml(init.inResponseTo)}" Version="2.0" IssueInstant="${at}" Destination="${escapeHtml(init.destination)}"><saml:Issuer>${escapeHtml(init.issuer)}</saml:Issuer>`;
  const subject = init.subject;
  if (!subject) {
    const status = `<samlp:Status><samlp:StatusCode Value="${STATUS_RESPONDER}"><samlp:StatusCode Value="${REQUEST_DENIED}"/></samlp:StatusCode><samlp:StatusMessage>The user denied the request.</samlp:StatusMessage></samlp:Status>`;
    return Buffer.from(`${head}${status}</samlp:Response>`, 'utf8').toString('base64');
  }
  const format = EMAIL_LIKE.test(subject.nameId) ? EMAIL_FORMAT : UNSPECIFIED_FORMAT;
  const attr = (name: string, value: string) =>
    `<saml:Attribute Name="${name}"><saml:AttributeValue>${escapeHtml(value)}</saml:AttributeValue></saml:Attribute>`;
  const attributes = `${subject.mail === undefined ? '' : attr('mail', subject.mail)}${attr('displayName', subject.name)}`;
  const assertion = `<saml:Assertion ID="${escapeHtml(init.id)}-a" Version="2.0" IssueInstant="${at}"><saml:Issuer>${escapeHtml(init.issuer)}</saml:Issuer><saml:Subject><saml:NameID Format="${format}">${escapeHtml(subject.nameId)}</saml:NameID></saml:Subject><saml:AttributeStatement>${attributes}</saml:AttributeStatement></saml:Assertion>`;
  return Buffer.from(
    `${head}<samlp:Status><samlp:StatusCode Value="${STATUS_SUCCESS}"/></samlp:Status>${assertion}</samlp:Response>`,
    'utf8',
  ).toString('base64');
}

export interface SamlResponseSummary {
  id: string;
  status: string;
  nameId?: string;
  mail?: string;
  displayName?: string;
}

/** The parts of a posted Response the ACS reads; null when it is not one. */
export function readSamlResponse(encoded: string): SamlResponseSummary | null {
  const xml = Buffer.from(encoded, 'base64').toString('utf8');
  const id = attribute(xml, 'samlp:Response', 'ID');
  const status = attribute(xml, 'samlp:StatusCode', 'Value');
  if (!id || !status) return null;
  const text = (pattern: RegExp) => {
    const found = pattern.exec(xml)?.[1];
    return found === undefined ? {} : { value: unescapeXml(found) };
  };
  const nameId = text(/<saml:NameID[^>]*>([^<]*)<\/saml:NameID>/).value;
  const mail = text(/<saml:Attribute Name="mail"><saml:AttributeValue>([^<]*)</).value;
  const displayName = text(/<saml:Attribute Name="displayName"><saml:AttributeValue>([^<]*)</).value;
  return {
    id,
    status,
    ...(nameId === undefined ? {} : { nameId }),
    ...(mail === undefined ? {} : { mail }),
    ...(displayName === undefined ? {} : { displayName }),
  };
}

/** DOCS sso/setup-saml: the NameID if it looks like an email address, else the first email-like `mail`, else the NameID. */
export function samlUid(response: SamlResponseSummary): string | undefined {
  if (response.nameId !== undefined && EMAIL_LIKE.test(response.nameId)) return response.nameId;
  if (response.mail !== undefined && EMAIL_LIKE.test(response.mail)) return response.mail;
  return response.nameId;
}
