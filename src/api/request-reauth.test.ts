import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { server } from '@/mocks/node.ts';
import { login } from './auth.ts';
import { ApiError } from './errors.ts';
import { request, requestVoid, setUnauthenticatedHandler } from './request.ts';

const PATH = '/acs/api/v1/reauth-endpoint';
const schema = z.object({ ok: z.boolean() });
const HTML_401 = () =>
  new HttpResponse('<html><script>window.location="/#/login"</script></html>', {
    status: 401,
    headers: { 'Content-Type': 'text/html' },
  });

/** Answers 401 `times` times (Admin Router's HTML page), then `{ok: true}`; counts the calls. */
function expireThenAnswer(times: number, page: () => Response = HTML_401) {
  const calls = { count: 0, bodies: [] as string[] };
  server.use(
    http.all(`*${PATH}`, async ({ request: r }) => {
      calls.count += 1;
      calls.bodies.push(await r.text());
      return calls.count <= times ? page() : HttpResponse.json({ ok: true });
    }),
  );
  return calls;
}

let unregister: (() => void) | undefined;
afterEach(() => {
  unregister?.();
  unregister = undefined;
});

describe('request() when the session has ended', () => {
  it('waits for the re-authentication and replays the request once, body and all', async () => {
    const calls = expireThenAnswer(1);
    const handler = vi.fn((error: ApiError) => {
      expect(error.kind).toBe('unauthenticated');
      return Promise.resolve(true);
    });
    unregister = setUnauthenticatedHandler(handler);
    await expect(request(PATH, schema, { method: 'PATCH', body: { description: 'draft' } })).resolves.toEqual({
      ok: true,
    });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(calls.bodies).toEqual(['{"description":"draft"}', '{"description":"draft"}']);
  });

  it('treats the IAM JSON 401 the same way', async () => {
    expireThenAnswer(1, () =>
      HttpResponse.json({ title: 'Unauthorized', code: 'ERR_INVALID_CREDENTIALS' }, { status: 401 }),
    );
    unregister = setUnauthenticatedHandler(() => Promise.resolve(true));
    await expect(request(PATH, schema)).resolves.toEqual({ ok: true });
  });

  it('fails with the 401 when the person does not sign in again', async () => {
    const calls = expireThenAnswer(1);
    unregister = setUnauthenticatedHandler(() => Promise.resolve(false));
    await expect(requestVoid(PATH, { method: 'DELETE' })).rejects.toMatchObject({
      status: 401,
      kind: 'unauthenticated',
    });
    expect(calls.count).toBe(1);
  });

  it('replays only once: a second 401 goes to the caller', async () => {
    const calls = expireThenAnswer(2);
    const handler = vi.fn(() => Promise.resolve(true));
    unregister = setUnauthenticatedHandler(handler);
    await expect(request(PATH, schema)).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(calls.count).toBe(2);
  });

  it('holds every request that failed until the one answer comes', async () => {
    const calls = expireThenAnswer(2);
    let signIn: (ok: boolean) => void = () => undefined;
    const answer = new Promise<boolean>((resolve) => {
      signIn = resolve;
    });
    const handler = vi.fn(() => answer);
    unregister = setUnauthenticatedHandler(handler);
    const both = Promise.all([request(PATH, schema), request(PATH, schema)]);
    await vi.waitFor(() => {
      expect(handler).toHaveBeenCalledTimes(2);
    });
    signIn(true);
    await expect(both).resolves.toEqual([{ ok: true }, { ok: true }]);
    expect(calls.count).toBe(4);
  });

  it('never asks for the sign-in call itself: a wrong password is just an answer', async () => {
    const handler = vi.fn(() => Promise.resolve(true));
    unregister = setUnauthenticatedHandler(handler);
    await expect(login({ uid: 'bootstrapuser', password: 'wrong' })).rejects.toMatchObject({ status: 401 });
    expect(handler).not.toHaveBeenCalled();
  });

  it('goes straight to the caller with no handler registered, or after unregistering', async () => {
    const calls = expireThenAnswer(5);
    await expect(request(PATH, schema)).rejects.toMatchObject({ status: 401 });
    const handler = vi.fn(() => Promise.resolve(true));
    setUnauthenticatedHandler(handler)();
    await expect(request(PATH, schema)).rejects.toMatchObject({ status: 401 });
    expect(handler).not.toHaveBeenCalled();
    expect(calls.count).toBe(2);
  });
});

describe("Admin Router's HTML 401 on any IAM path, from the simulator's own handlers (issue 20)", () => {
  it.each(['/acs/api/v1/users', '/acs/api/v1/acls/dcos:superuser/permissions'])(
    '%s without a session is an ended session: the handler is asked, and the request is sent once more after sign-in',
    async (path) => {
      const handler = vi.fn(async (error: ApiError) => {
        expect(error).toMatchObject({
          status: 401,
          kind: 'unauthenticated',
          description: 'Your session has ended. Sign in again to continue.',
        });
        await login({ uid: 'bootstrapuser', password: 'deleteme' });
        return true;
      });
      unregister = setUnauthenticatedHandler(handler);
      await expect(request(path, z.unknown())).resolves.toBeDefined();
      expect(handler).toHaveBeenCalledTimes(1);
    },
  );

  it('a path no IAM route has is an ended session too, before any 404 (Admin Router checks the token first)', async () => {
    const handler = vi.fn(() => Promise.resolve(false));
    unregister = setUnauthenticatedHandler(handler);
    await expect(request('/acs/api/v1/no-such-endpoint', z.unknown())).rejects.toMatchObject({
      status: 401,
      kind: 'unauthenticated',
    });
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
