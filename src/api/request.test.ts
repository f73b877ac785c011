import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { server } from '@/mocks/node.ts';
import { ApiError } from './errors.ts';
import { CSRF_HEADER, CSRF_VALUE, request, requestVoid } from './request.ts';

const URL_PATH = '/acs/api/v1/test-endpoint';
const schema = z.object({ array: z.array(z.object({ uid: z.string() })) });

function answer(response: () => Response) {
  server.use(http.all(`*${URL_PATH}`, response));
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('request(): decoding what the cluster answers', () => {
  it('parses a valid JSON answer with the schema', async () => {
    answer(() => HttpResponse.json({ array: [{ uid: 'alice', extra: 1 }] }));
    await expect(request(URL_PATH, schema)).resolves.toEqual({ array: [{ uid: 'alice' }] });
  });

  it('keeps title, description and code of an IAM JSON error', async () => {
    answer(() =>
      HttpResponse.json(
        { title: 'Bad Request', description: 'User with uid `x` not known.', code: 'ERR_UNKNOWN_USER_ID' },
        { status: 400 },
      ),
    );
    const error = await failure(request(URL_PATH, schema));
    expect(error).toMatchObject({ status: 400, kind: 'not-found', title: 'Bad Request', code: 'ERR_UNKNOWN_USER_ID' });
    expect(error.message).toBe('User with uid `x` not known.');
  });

  it('shows the message of a Secrets API error body', async () => {
    answer(() => HttpResponse.json({ message: 'Secret store is sealed' }, { status: 503 }));
    const error = await failure(request(URL_PATH, schema));
    expect(error).toMatchObject({ status: 503, kind: 'unavailable', message: 'Secret store is sealed' });
  });

  it.each([
    [400, 'ERR_INVALID_DATA', 'invalid'],
    [401, 'ERR_INVALID_CREDENTIALS', 'unauthenticated'],
    [403, undefined, 'forbidden'],
    [404, undefined, 'not-found'],
    [409, 'ERR_USER_EXISTS', 'conflict'],
    [500, undefined, 'unavailable'],
  ] as const)('maps status %i (code %s) to the kind %s', async (status, code, kind) => {
    answer(() => HttpResponse.json({ title: 'x', ...(code ? { code } : {}) }, { status }));
    expect((await failure(request(URL_PATH, schema))).kind).toBe(kind);
  });

  it("reads Admin Router's HTML 401 page as an ended session", async () => {
    answer(
      () =>
        new HttpResponse('<html><script>window.location="/#/login"</script></html>', {
          status: 401,
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    const error = await failure(request(URL_PATH, schema));
    expect(error).toMatchObject({ status: 401, kind: 'unauthenticated' });
    expect(error.message).toBe('Your session has ended. Sign in again to continue.');
    expect(error.message).not.toContain('<');
  });

  it("reads Admin Router's HTML 403 page as forbidden", async () => {
    answer(
      () => new HttpResponse('<html><h1>403</h1></html>', { status: 403, headers: { 'Content-Type': 'text/html' } }),
    );
    const error = await failure(request(URL_PATH, schema));
    expect(error).toMatchObject({ kind: 'forbidden', message: 'Your account does not have permission for this.' });
  });

  it('shows the plain-text body of a read-only 503', async () => {
    answer(
      () =>
        new HttpResponse('Datastore is in read-only mode.', { status: 503, headers: { 'Content-Type': 'text/plain' } }),
    );
    const error = await failure(request(URL_PATH, schema));
    expect(error).toMatchObject({ status: 503, kind: 'unavailable', message: 'Datastore is in read-only mode.' });
  });

  it('reports a body that is not JSON as malformed', async () => {
    answer(() => new HttpResponse('{"array": [', { headers: { 'Content-Type': 'application/json' } }));
    const error = await failure(request(URL_PATH, schema));
    expect(error).toMatchObject({
      kind: 'malformed',
      message: 'The cluster answered with something that is not JSON.',
    });
  });

  it('reports JSON of the wrong shape as malformed, naming where', async () => {
    answer(() => HttpResponse.json({ array: [{ uid: 42 }] }));
    const error = await failure(request(URL_PATH, schema));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('array.0.uid');
  });

  it('reports a JSON error body that is not JSON by its status', async () => {
    answer(() => new HttpResponse('oops', { status: 502, headers: { 'Content-Type': 'application/json' } }));
    const error = await failure(request(URL_PATH, schema));
    expect(error).toMatchObject({ status: 502, kind: 'unavailable' });
  });

  it('reports a network failure as unavailable', async () => {
    answer(() => HttpResponse.error());
    const error = await failure(request(URL_PATH, schema));
    expect(error).toMatchObject({ status: 0, kind: 'unavailable', title: 'Network error' });
  });

  it('gives up after the timeout and says how long it waited', async () => {
    server.use(http.get(`*${URL_PATH}`, () => new Promise<Response>(() => undefined)));
    const error = await failure(request(URL_PATH, schema, { timeoutMs: 50 }));
    expect(error).toMatchObject({ kind: 'unavailable', title: 'Timed out' });
    expect(error.message).toContain('0 s');
  });

  it('passes a caller cancellation through instead of reporting a failure', async () => {
    server.use(http.get(`*${URL_PATH}`, () => new Promise<Response>(() => undefined)));
    const controller = new AbortController();
    const pending = request(URL_PATH, schema, { signal: controller.signal });
    controller.abort();
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });

  it('sends the CSRF header and JSON body on writes, with same-origin credentials', async () => {
    let seen: Request | undefined;
    server.use(
      http.put(`*${URL_PATH}`, ({ request: r }) => {
        seen = r.clone();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await requestVoid(URL_PATH, { method: 'PUT', body: { description: 'x' } });
    expect(seen?.headers.get(CSRF_HEADER)).toBe(CSRF_VALUE);
    expect(seen?.headers.get('content-type')).toBe('application/json');
    expect(await seen?.json()).toEqual({ description: 'x' });
  });
});
