import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './safe-redirect.ts';

const ORIGIN = 'https://cluster.example';
const HOME = '/';

/** What a redirect target may be: home, or a path a browser resolves on this origin, from any page of it. */
function expectSafe(input: string, target: string) {
  if (target === HOME) return;
  expect(target.startsWith('/'), input).toBe(true);
  expect(target.startsWith('//'), input).toBe(false);
  expect(target.startsWith('/\\'), input).toBe(false);
  expect(/[\p{Cc}\\]/u.test(target), input).toBe(false);
  for (const base of [ORIGIN, `${ORIGIN}/`, `${ORIGIN}/organization/users/alice`, `${ORIGIN}/a/b/c/`]) {
    const resolved = new URL(target, base);
    expect(resolved.origin, `${input} from ${base}`).toBe(ORIGIN);
    // The browser lands where the target says: resolving it again changes nothing (no dot segment left to collapse).
    expect(`${resolved.pathname}${resolved.search}${resolved.hash}`, input).toBe(target);
  }
}

/** The pieces open-redirect payloads are made of: slashes, dots, their escapes, whitespace, schemes and hosts. */
const PIECES = [
  '/',
  '//',
  '\\',
  '.',
  '..',
  './',
  '../',
  '%2e',
  '%2E',
  '%2f',
  '%2F',
  '%5c',
  '%5C',
  '%252e',
  '%00',
  '%09',
  '%0a',
  '\t',
  '\n',
  '\r',
  ' ',
  '\u3000',
  '／',
  '@',
  ':',
  '?',
  '#',
  '&',
  '=',
  'evil.example',
  'cluster.example',
  'https:',
  'http:',
  'javascript:',
  'data:',
  'x',
  'login',
  'secrets',
  'view',
  'a',
  '%',
];
const payload = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));

describe('safeRedirectTarget, for any input', () => {
  it('[ASVS 3.7.2] gives home or a same-origin path that does not start with // or /\\ (payloads built from redirect pieces)', () => {
    fc.assert(
      fc.property(payload, (input) => expectSafe(input, safeRedirectTarget(input, ORIGIN))),
      { numRuns: 20_000 },
    );
  });

  it('[ASVS 3.7.2] gives home or a same-origin path for any string at all, and for a slash followed by any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), (input) => {
        expectSafe(input, safeRedirectTarget(input, ORIGIN));
        expectSafe(`/${input}`, safeRedirectTarget(`/${input}`, ORIGIN));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (input) =>
        expectSafe(input, safeRedirectTarget(input, ORIGIN)),
      ),
      { numRuns: 10_000 },
    );
  });

  it('keeps what it may: any plain path of letters and single slashes comes back unchanged', () => {
    const segment = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        const path = `/${segments.join('/')}`;
        fc.pre(path !== '/login');
        expect(safeRedirectTarget(path, ORIGIN)).toBe(path);
      }),
    );
  });
});

// The dot-segment payloads of issue 19 that resolved to `//evil.example` and passed the old check.
const DOT_SEGMENTS = [
  '/.//evil.example',
  '/..//evil.example',
  '/x/..//evil.example',
  '/%2e//evil.example',
  '/a/../..//evil.example',
  '/%2E%2E//evil.example',
  '/./..//evil.example/x?y#z',
];

describe('safeRedirectTarget against dot segments that resolve to another host', () => {
  it.each(DOT_SEGMENTS)('[ASVS 3.7.2] sends %j home', (input) => {
    expect(safeRedirectTarget(input, ORIGIN)).toBe(HOME);
  });
});
