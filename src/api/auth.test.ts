import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '@/mocks/node.ts';
import { login, sessionEnd, tokenExpiry } from './auth.ts';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: unknown) => `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(claims)}.signature`;

describe('when a session ends', () => {
  it('is read from the token’s exp, never from a cookie', () => {
    expect(tokenExpiry(token({ uid: 'alice', exp: 1_900_000_000 }))).toBe(1_900_000_000);
  });

  it.each([
    ['no exp', token({ uid: 'alice' })],
    ['exp as text', token({ exp: 'soon' })],
    ['not a JWT', 'opaque'],
    ['garbled body', 'a.%%%.c'],
  ])('is unknown for a token with %s', (_case, value) => {
    expect(tokenExpiry(value)).toBeNull();
  });

  it('is moved into this browser’s clock by the server’s Date header', () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    // The server's clock is two minutes ahead of the laptop's: the session ends two minutes earlier here.
    expect(sessionEnd(now / 1000 + 600, 'Mon, 30 Nov 2026 10:02:00 GMT', now)).toBe(now + 480_000);
    expect(sessionEnd(now / 1000 + 600, null, now)).toBe(now + 600_000);
    expect(sessionEnd(now / 1000 + 600, 'not a date', now)).toBe(now + 600_000);
  });

  it('is what sign-in returns: the simulator’s sessions last five days', async () => {
    const { expiresAt } = await login({ uid: 'bootstrapuser', password: 'deleteme' });
    expect(expiresAt).not.toBeNull();
    expect((expiresAt ?? 0) - Date.now()).toBeGreaterThan(5 * 24 * 3600_000 - 60_000);
    expect((expiresAt ?? 0) - Date.now()).toBeLessThanOrEqual(5 * 24 * 3600_000 + 1000);
  });

  it('is unknown when the cluster’s token carries no exp', async () => {
    server.use(
      http.post('*/acs/api/v1/auth/login', () => HttpResponse.json({ token: token({ uid: 'bootstrapuser' }) })),
    );
    expect(await login({ uid: 'bootstrapuser', password: 'deleteme' })).toEqual({
      expiresAt: null,
      uid: 'bootstrapuser',
    });
  });

  it('answers whose session it is from the token’s uid claim, else the uid typed (issue 19)', async () => {
    server.use(http.post('*/acs/api/v1/auth/login', () => HttpResponse.json({ token: token({ uid: 'Alice' }) })));
    expect((await login({ uid: 'alice', password: 'x' })).uid).toBe('Alice');
    server.use(http.post('*/acs/api/v1/auth/login', () => HttpResponse.json({ token: 'not-a-jwt' })));
    expect((await login({ uid: 'alice', password: 'x' })).uid).toBe('alice');
  });
});
