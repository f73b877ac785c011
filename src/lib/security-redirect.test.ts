import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './safe-redirect.ts';

// Open-redirect payloads for `/login?redirect=` as the page reads them (already URL-decoded once by URLSearchParams).
// Each must send the user home. e2e/security/open-redirect.spec.ts signs in through the URL-encoded forms.
const ORIGIN = 'https://cluster.example';

const OFF_ORIGIN = [
  '//evil.example',
  '///evil.example',
  '////evil.example',
  '//evil.example/%2F..',
  '//evil.example@cluster.example',
  '//cluster.example@evil.example',
  '/\\evil.example',
  '/\\/evil.example',
  '\\/\\/evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  'https://evil.example/',
  'HTTPS://EVIL.EXAMPLE/',
  'https:/evil.example',
  'https:evil.example',
  'http:evil.example',
  'https://cluster.example@evil.example/',
  'https://cluster.example/',
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'javascript://%0Aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '%2F%2Fevil.example',
  '%2f%2fevil.example',
  '%5C%5Cevil.example',
  ' //evil.example',
  '\t//evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/\u0000/evil.example',
  '/\u000b/evil.example',
  '\u0000//evil.example',
  '／／evil.example',
  '\u3000//evil.example',
  'evil.example',
  '/login',
  '/login?redirect=//evil.example',
];

// Look alarming but are paths on this origin: kept, since the browser never leaves the cluster for them.
const SAME_ORIGIN = [
  ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ['/%5Cevil.example', '/%5Cevil.example'],
  ['/%09/evil.example', '/%09/evil.example'],
  ['/%252F%252Fevil.example', '/%252F%252Fevil.example'],
  ['/./evil.example', '/evil.example'],
  ['/a/../../evil.example', '/evil.example'],
] as const;

describe('safeRedirectTarget against open redirects', () => {
  it.each(OFF_ORIGIN)('[ASVS 3.7.2] sends %j home', (payload) => {
    expect(safeRedirectTarget(payload, ORIGIN)).toBe('/');
  });

  it.each(SAME_ORIGIN)('[ASVS 3.7.2] keeps %j as the same-origin path %j', (payload, expected) => {
    const target = safeRedirectTarget(payload, ORIGIN);
    expect(target).toBe(expected);
    expect(new URL(target, ORIGIN).origin).toBe(ORIGIN);
  });

  it('[ASVS 1.2.2] never returns a target with a scheme, whatever the input', () => {
    const schemes = ['javascript', 'data', 'vbscript', 'file', 'blob', 'http', 'https', 'ftp'];
    for (const scheme of schemes) {
      for (const variant of [scheme, scheme.toUpperCase(), ` ${scheme}`, `${scheme}\t`]) {
        const target = safeRedirectTarget(`${variant}:x`, ORIGIN);
        expect(target, variant).toBe('/');
      }
    }
  });
});
