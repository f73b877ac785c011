import { describe, expect, it } from 'vitest';
import { decodeErrorResponse } from './errors.ts';

// What the console says about a failed request (ASVS V16.5): the cluster's own words when they are a message, and
// its own generic words when they are internals (a stack trace, a source location, server paths, a query, a token).

const TRACEBACK = `Traceback (most recent call last):
  File "/opt/mesosphere/lib/python3.6/site-packages/bouncer/app/users.py", line 212, in on_get
    rows = session.execute("SELECT uid, passwordhash FROM users WHERE uid = %s", uid)
psycopg2.OperationalError: could not connect to server at 10.0.4.7:5432`;
const NODE_STACK = `TypeError: Cannot read properties of undefined (reading 'uid')
    at listUsers (/srv/iam/dist/handlers/users.js:41:17)
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;
const GO_PANIC = `panic: runtime error: invalid memory address or nil pointer dereference
goroutine 57 [running]:
github.com/dcos/dcos-secrets/store.(*Vault).Read(0xc000192000, {0xc0001a4000, 0x9})
	/go/src/github.com/dcos/dcos-secrets/store/vault.go:88 +0x1c5`;
const TOKEN_ECHO =
  'Token eyJhbGciOiJSUzI1NiJ9.eyJ1aWQiOiJib290c3RyYXB1c2VyIn0.c2lnbmF0dXJl is not valid for this request';

const GENERIC = 'The cluster could not answer this request. Try again in a moment.';
const jsonError = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const textError = (status: number, body: string) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

describe('A failed request', () => {
  it('[ASVS 16.5.1] that answers with a stack trace, a query or a token is described in generic words, keeping the IAM code', async () => {
    for (const response of [
      jsonError(500, { title: 'Internal Server Error', description: TRACEBACK, code: 'ERR_INTERNAL' }),
      jsonError(500, { title: NODE_STACK, description: NODE_STACK, code: 'ERR_INTERNAL' }),
      jsonError(500, {
        title: 'Internal Server Error',
        description: 'query failed: SELECT uid, passwordhash FROM users',
        code: 'ERR_INTERNAL',
      }),
      jsonError(502, { message: 'upstream /opt/mesosphere/active/bouncer/bin/bouncer exited' }),
      textError(500, GO_PANIC),
      textError(503, NODE_STACK),
    ]) {
      const error = await decodeErrorResponse(response.clone(), '/acs/api/v1/users');
      const shown = `${error.title} ${error.message}`;
      expect(error.message).toBe(GENERIC);
      expect(shown).not.toMatch(/Traceback|\.py|\.js:|\.go:|goroutine|SELECT|\/opt\/|\/srv\/|passwordhash|10\.0\.4\.7/);
      if (response.headers.get('content-type')?.includes('json')) {
        const body = (await response.json()) as { code?: string };
        expect(error.code).toBe(body.code);
      }
    }
  });

  it('[ASVS 16.5.1] never passes on a token or a stack frame a refusal (4xx) echoes, while ordinary refusals keep their words', async () => {
    const echoed = await decodeErrorResponse(
      jsonError(400, { title: 'Bad Request', description: TOKEN_ECHO, code: 'ERR_INVALID_DATA' }),
    );
    expect(echoed.message).not.toContain('eyJ');
    const frame = await decodeErrorResponse(
      jsonError(409, { title: 'Conflict', description: 'conflict\n    at save (/srv/iam/users.js:9:3)' }),
    );
    expect(frame.message).not.toMatch(/users\.js|\/srv\//);
    // The IAM's own messages still reach the page as they are, paths the person typed included.
    const refusal = await decodeErrorResponse(
      jsonError(400, { title: 'Bad Request', description: 'Invalid secret path "/tmp//x".', code: 'ERR_INVALID_DATA' }),
    );
    expect(refusal.message).toBe('Invalid secret path "/tmp//x".');
    expect((await decodeErrorResponse(textError(503, 'Datastore is read-only'))).message).toBe(
      'Datastore is read-only',
    );
  });
});
