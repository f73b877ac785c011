import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './safe-redirect.ts';

const ORIGIN = 'https://cluster.example';

describe('safeRedirectTarget', () => {
  it.each([
    ['/', '/'],
    ['/organization/users?q=al#top', '/organization/users?q=al#top'],
    ['/a/../b', '/b'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ])('keeps the same-origin path %s', (raw, expected) => {
    expect(safeRedirectTarget(raw, ORIGIN)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    ' /evil',
    'https://evil.example/',
    'https://cluster.example/',
    'http:evil.example',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,x',
    '%2F%2Fevil.example',
    'evil.example',
    '/login',
    '/login?redirect=/x',
  ])('sends %j home', (raw) => {
    expect(safeRedirectTarget(raw, ORIGIN)).toBe('/');
  });
});
