// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bypass } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimMiddleware } from './sim-server.ts';
import { createSimulator } from './simulator.ts';

// The vitest setup's MSW server intercepts fetch; `bypass` sends these requests to the real HTTP server instead.
// The simulator here has its own token lifetime (777 s), so a cookie with Max-Age=777 proves the real server answered.
let server: Server;
let base: string;
const fellThrough: string[] = [];

beforeAll(async () => {
  const middleware = createSimMiddleware(await createSimulator({ securityMode: 'permissive', tokenTtlSeconds: 777 }));
  server = createServer((req, res) => {
    middleware(req, res, () => {
      fellThrough.push(req.url ?? '');
      res.statusCode = 200;
      res.setHeader('Content-Type', 'text/plain');
      res.end('the console');
    });
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error);
      else resolve();
    });
  });
});

const realFetch = (path: string, init?: RequestInit) => fetch(bypass(new Request(`${base}${path}`, init)));

function login(headers: Record<string, string> = {}) {
  return realFetch('/acs/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ uid: 'bootstrapuser', password: 'deleteme' }),
  });
}

describe('createSimMiddleware over real HTTP', () => {
  it('delivers the login body and both Set-Cookie headers', async () => {
    const response = await login();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const { token } = (await response.json()) as { token: string };
    const info = Buffer.from('{"uid":"bootstrapuser","description":"Bootstrap superuser","is_remote":false}').toString(
      'base64',
    );
    expect(response.headers.getSetCookie()).toEqual([
      `dcos-acs-auth-cookie=${token}; HttpOnly; Path=/; SameSite=Strict; Max-Age=777`,
      `dcos-acs-info-cookie=${info}; Path=/; SameSite=Strict; Max-Age=777`,
    ]);
  });

  it('marks the cookies Secure behind a TLS-terminating proxy (X-Forwarded-Proto: https)', async () => {
    const response = await login({ 'X-Forwarded-Proto': 'https' });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().map((cookie) => cookie.endsWith('; Max-Age=777; Secure'))).toEqual([
      true,
      true,
    ]);
  });

  it('passes request headers through: the auth cookie authenticates a later request', async () => {
    const loginResponse = await login();
    const cookies = loginResponse.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
    const response = await realFetch('/dcos-metadata/bootstrap-config.json', {
      headers: { Cookie: cookies.join('; ') },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ security: 'permissive' });
  });

  it('sends a kept list (one chunk) and a fresh body (its own chunks) whole, with their Content-Length', async () => {
    const cookies = (await login()).headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
    for (const path of ['/acs/api/v1/users', '/acs/api/v1/users', '/acs/api/v1/groups']) {
      const response = await realFetch(path, { headers: { Cookie: cookies.join('; ') } });
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(body));
      expect((JSON.parse(body) as { array: unknown[] }).array.length).toBeGreaterThan(0);
    }
  });

  it('sends the HTML 401 page for a protected path without a session', async () => {
    const response = await realFetch('/acs/api/v1/users');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('www-authenticate')).toBe('acsjwt');
  });

  it("answers an unknown API path with the IAM's JSON 404 instead of falling through", async () => {
    const before = fellThrough.length;
    const response = await realFetch('/acs/api/v1/auth/no-such-thing');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      title: 'Not Found',
      description: 'The requested resource could not be found.',
    });
    expect(fellThrough.length).toBe(before);
  });

  it("answers an unknown IAM path outside /auth/ without a token with Admin Router's 401, as a cluster does", async () => {
    const before = fellThrough.length;
    const response = await realFetch('/acs/api/v1/no-such-thing');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('acsjwt');
    expect(fellThrough.length).toBe(before);
  });

  it.each(['/', '/users?page=2', '/assets/index.js', '/acsx/api', '/secrets/v2/x'])(
    'hands %s to next()',
    async (path) => {
      const response = await realFetch(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('the console');
      expect(fellThrough.at(-1)).toBe(path);
      expect(response.headers.getSetCookie()).toEqual([]);
    },
  );
});
