// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { AUTH_COOKIE } from './guard.ts';
import { simulator } from '../node.ts';
import { apiRequest, loginAs } from '../test-support.ts';

// Cross-site request forgery against the simulator, the way Admin Router and the IAM meet it: a cookie-authenticated
// write needs `X-Requested-With: dcos-console`, which no cross-site form can send and no cross-site fetch can send
// without a CORS preflight (which nothing here answers); and a JSON body must come as application/json, never as the
// text/plain a form or a preflight-free fetch could send. The browser side is e2e/security/csrf.spec.ts.

const ORIGIN = 'http://127.0.0.1:5173';
let token: string;

beforeAll(async () => {
  token = await loginAs(simulator, 'bootstrapuser', 'deleteme');
});

interface Write {
  method: string;
  path: string;
  body?: unknown;
  /** A GET whose answer the write changes: the same before and after a refused write. */
  probe: string;
}

const WRITES: Write[] = [
  {
    method: 'PUT',
    path: '/acs/api/v1/users/mallory',
    body: { password: 'mallory-pass', description: 'Mallory' },
    probe: '/acs/api/v1/users/mallory',
  },
  {
    method: 'PATCH',
    path: '/acs/api/v1/users/alice',
    body: { description: 'pwned' },
    probe: '/acs/api/v1/users/alice',
  },
  { method: 'DELETE', path: '/acs/api/v1/users/alice', probe: '/acs/api/v1/users/alice' },
  { method: 'PUT', path: '/acs/api/v1/groups/superusers/users/bob', probe: '/acs/api/v1/users/bob/groups' },
  {
    method: 'PUT',
    path: '/acs/api/v1/acls/dcos:superuser/users/bob/full',
    probe: '/acs/api/v1/acls/dcos:superuser/users/bob/full',
  },
  {
    method: 'PUT',
    path: '/acs/api/v1/acls/dcos:mallory',
    body: { description: 'x' },
    probe: '/acs/api/v1/acls/dcos:mallory',
  },
  {
    method: 'PATCH',
    path: '/acs/api/v1/groups/developers',
    body: { description: 'pwned' },
    probe: '/acs/api/v1/groups/developers',
  },
  { method: 'DELETE', path: '/acs/api/v1/groups/developers', probe: '/acs/api/v1/groups/developers' },
  {
    method: 'PUT',
    path: '/secrets/v1/secret/default/mallory',
    body: { value: 'planted' },
    probe: '/secrets/v1/secret/default/mallory',
  },
  { method: 'DELETE', path: '/secrets/v1/secret/default/db-password', probe: '/secrets/v1/secret/default/db-password' },
  { method: 'PUT', path: '/secrets/v1/seal/default', probe: '/secrets/v1/seal-status/default' },
];

function writeAt(index: number): Write {
  const found = WRITES[index];
  if (!found) throw new Error(`No write #${String(index)}`);
  return found;
}

/** What a probe sees, read with an Authorization header (never refused for CSRF). */
async function probe(path: string): Promise<string> {
  const response = await simulator.handle(apiRequest(path, { via: 'token', token }));
  return `${response.status} ${await response.text()}`;
}

function write({ method, path, body }: Write, headers: Record<string, string>): Request {
  const init: RequestInit = { method, headers: { Cookie: `${AUTH_COOKIE}=${token}`, ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] ??= 'application/json';
  }
  return new Request(`${ORIGIN}${path}`, init);
}

describe('Cookie-authenticated writes', () => {
  it.each(WRITES.map((w) => [w.method, w.path, w] as const))(
    '[ASVS 3.5.1] %s %s is refused without the console header and changes nothing; with it, it goes through',
    async (_method, _path, w) => {
      const before = await probe(w.probe);
      const refused = await simulator.handle(write(w, {}));
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({
        title: 'Forbidden',
        description: 'Cookie-authenticated writes must carry the x-requested-with header.',
      });
      expect(await probe(w.probe)).toBe(before);

      const allowed = await simulator.handle(write(w, { 'X-Requested-With': 'dcos-console' }));
      expect(allowed.status, await allowed.clone().text()).toBeLessThan(300);
      expect(await probe(w.probe)).not.toBe(before);
    },
  );

  it.each(['XMLHttpRequest', 'dcos-console-evil', 'DCOS-CONSOLE', 'dcos-console, dcos-console', ''])(
    '[ASVS 3.5.1] X-Requested-With: %j is not the console header and is refused',
    async (value) => {
      const w = writeAt(1);
      const before = await probe(w.probe);
      const response = await simulator.handle(write(w, { 'X-Requested-With': value }));
      expect(response.status).toBe(403);
      expect(await probe(w.probe)).toBe(before);
    },
  );
});

// Bodies a cross-site page can send without a preflight: a form (urlencoded, multipart, text/plain) or a fetch with a
// CORS-safelisted Content-Type. Each carries valid JSON and the console header, so only the media type is wrong.
const SAFELISTED_TYPES = [
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
];
const JSON_WRITES = WRITES.filter((w) => w.body !== undefined && w.path.startsWith('/acs/'));

describe('JSON endpoints and the Content-Type', () => {
  it.each(JSON_WRITES.map((w) => [w.method, w.path, w] as const))(
    "[ASVS 3.5.2] %s %s refuses JSON sent as text/plain or a form with the IAM's 400 and changes nothing",
    async (_method, _path, w) => {
      const before = await probe(w.probe);
      for (const type of SAFELISTED_TYPES) {
        const response = await simulator.handle(write(w, { 'X-Requested-With': 'dcos-console', 'Content-Type': type }));
        expect(response.status, type).toBe(400);
        expect(await response.json()).toEqual({
          title: 'Bad Request',
          description: 'Request has bad Content-Type or lacks JSON data.',
        });
      }
      expect(await probe(w.probe)).toBe(before);
    },
  );

  it('[ASVS 3.5.2] the sign-in refuses a text/plain body, so a cross-site form cannot sign a victim in as the attacker', async () => {
    for (const type of SAFELISTED_TYPES) {
      const response = await simulator.handle(
        new Request(`${ORIGIN}/acs/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': type },
          body: JSON.stringify({ uid: 'bob', password: 'bob-pass' }),
        }),
      );
      expect(response.status, type).toBe(400);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  it('[ASVS 3.5.2] the Secret Store refuses a text/plain secret body', async () => {
    const w = writeAt(WRITES.findIndex((x) => x.path === '/secrets/v1/secret/default/mallory'));
    const response = await simulator.handle(
      write(w, { 'X-Requested-With': 'dcos-console', 'Content-Type': 'text/plain' }),
    );
    expect(response.status).toBe(400);
    expect(await probe(w.probe)).toMatch(/^404 /);
  });

  it('[ASVS 3.5.2] application/json with a charset parameter is still JSON', async () => {
    const w = writeAt(1);
    const response = await simulator.handle(
      write(w, { 'X-Requested-With': 'dcos-console', 'Content-Type': 'application/json; charset=utf-8' }),
    );
    expect(response.status).toBe(204);
  });
});
