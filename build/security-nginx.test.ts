// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './security-headers.ts';
import { FAKE_BUILD, send, startConsoleNginx } from '../src/test/console-nginx.ts';

// The same file run by a real nginx (src/test/console-nginx.ts): the parse in security-headers.test.ts cannot see what
// nginx makes of it. Runs on a small console made for the test, so it never waits for a build.
describe('deploy/nginx.conf under a real nginx', () => {
  it('[ASVS 3.4.3] answers pages, client routes and bundles with the security headers and the right caching', async () => {
    const server = await startConsoleNginx();
    try {
      const get = (path: string, headers?: Record<string, string>) =>
        send(server.base + path, headers ? { headers } : {});
      const page = await get('/organization/users');
      expect(page.status).toBe(200);
      expect(page.body).toContain('<div id="root">');
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(page.headers.get(name), name).toBe(value);
      expect(page.headers.get('Cache-Control')).toBe('no-cache');
      const script = await get(FAKE_BUILD.script);
      expect(script.headers.get('Content-Type')).toMatch(/^application\/javascript/);
      expect(script.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      expect(script.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      // The files the build compressed, as they are: brotli where the browser takes it, else gzip.
      expect(
        (await get(FAKE_BUILD.script, { 'Accept-Encoding': 'gzip, deflate, br, zstd' })).headers.get(
          'Content-Encoding',
        ),
      ).toBe('br');
      expect(
        (await get(FAKE_BUILD.script, { 'Accept-Encoding': 'gzip, deflate' })).headers.get('Content-Encoding'),
      ).toBe('gzip');
      const missing = await get('/assets/missing-0000.js');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('Cache-Control')).toBe('no-cache');
      expect((await get('/acs/api/v1/users')).status).toBe(404);
    } finally {
      await server.stop();
    }
  }, 20_000);

  it('[ASVS 13.4.1] serves the console’s own /secrets/ pages, and answers only the API paths with 404 (issue 21)', async () => {
    const server = await startConsoleNginx();
    try {
      for (const path of [
        '/secrets',
        '/secrets/new',
        '/secrets/view/group/spark/aws-secret-key',
        '/secrets/v1x',
        '/acsx',
        '/dcos-metadata-ui',
      ]) {
        const page = await send(server.base + path);
        expect(page.status, path).toBe(200);
        expect(page.body, path).toContain('<div id="root">');
      }
      for (const path of [
        '/acs/api/v1/users',
        '/secrets/v1/secret/default/x',
        '/dcos-metadata/bootstrap-config.json',
        '/.git/config',
      ]) {
        expect((await send(server.base + path)).status, path).toBe(404);
      }
    } finally {
      await server.stop();
    }
  }, 20_000);

  it('puts the mount in front of index.html’s URLs, and only there (issue 21)', async () => {
    for (const mount of ['/', '/security/', '/service/security-console/']) {
      const server = await startConsoleNginx({ mount });
      try {
        for (const path of ['/', '/organization/users/alice', '/secrets/new']) {
          const { body } = await send(server.base + path);
          expect(body, `${mount} ${path}`).toContain(`src="${mount}assets/index-AbC123.js"`);
          expect(body).toContain(`href="${mount}assets/boot-AbC123.css"`);
          expect(body).toContain(`src="${mount}theme-init.js"`);
          expect(body).toContain(`href="${mount}favicon.png"`);
          expect(body).not.toContain('="//');
        }
        // Scripts are served as built: their URLs are relative to themselves.
        expect((await send(server.base + FAKE_BUILD.script)).body).toBe(
          readFileSync(`${server.dist}${FAKE_BUILD.script}`, 'utf8'),
        );
      } finally {
        await server.stop();
      }
    }
  }, 30_000);
});
