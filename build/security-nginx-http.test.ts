// @vitest-environment node
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_BUILD,
  fakeDist,
  send as request,
  startConsoleNginx,
  type RunningNginx,
} from '../src/test/console-nginx.ts';

// The production server of the console (deploy/nginx.conf) as HTTP sees it (ASVS V4.1), run by a real nginx
// (src/test/console-nginx.ts) over a small console made for the test.

async function send(url: string, method = 'GET', body?: string) {
  const answer = await request(url, body === undefined ? { method } : { method, body });
  return { status: answer.status, type: answer.headers.get('content-type') ?? undefined, body: answer.body };
}

describe('deploy/nginx.conf over HTTP', () => {
  const dist = fakeDist();
  writeFileSync(join(dist, 'permission-catalog.json'), '{"resources":[]}\n');
  const bundle = FAKE_BUILD.script;
  const stylesheet = FAKE_BUILD.stylesheet;
  let server: RunningNginx | undefined;
  let base = '';

  beforeAll(async () => {
    server = await startConsoleNginx({ dist });
    base = server.base;
  }, 20_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('[ASVS 4.1.1] names the media type of every answer with a body, with the UTF-8 charset for text', async () => {
    const expected: [string, RegExp][] = [
      ['/', /^text\/html; charset=utf-8$/],
      ['/organization/users', /^text\/html; charset=utf-8$/],
      [bundle, /^application\/javascript; charset=utf-8$/],
      [stylesheet, /^text\/css; charset=utf-8$/],
      ['/favicon.png', /^image\/png$/],
      ['/permission-catalog.json', /^application\/json; charset=utf-8$/],
      ['/assets/missing-0000.js', /^text\/html; charset=utf-8$/],
    ];
    for (const [path, type] of expected) {
      const answer = await send(`${base}${path}`);
      expect(answer.body.length, path).toBeGreaterThan(0);
      expect(answer.type, path).toMatch(type);
    }
  });

  it('[ASVS 4.1.4] takes only GET and HEAD: other methods on pages, bundles and client routes are refused with 405', async () => {
    for (const path of ['/', '/organization/users', bundle, '/favicon.png']) {
      expect((await send(`${base}${path}`, 'HEAD')).status, `HEAD ${path}`).toBe(200);
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const answer = await send(`${base}${path}`, method, 'x');
        expect(answer.status, `${method} ${path}`).toBe(405);
      }
    }
    // Nothing was written: the bundle is the one the build made.
    expect((await send(`${base}${bundle}`)).body).toBe(readFileSync(join(dist, bundle), 'utf8'));
  });
});
