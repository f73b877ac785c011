// @vitest-environment node
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './security-headers.ts';

const NGINX_CONF = fileURLToPath(new URL('../deploy/nginx.conf', import.meta.url));

// The same file run by a real nginx, where one is installed (apt-get install nginx-light): the parse above cannot see
// what nginx makes of it. Without nginx the test reports itself skipped rather than pretending.
const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
/** A plain GET over node:http: the unit tests' MSW intercepts fetch, and this server is not the simulator. */
function httpGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') headers.set(name, value);
        resolve({ status: response.statusCode ?? 0, headers, text: () => Promise.resolve(Buffer.concat(chunks).toString('utf8')) });
      });
    })
      .on('error', reject)
      .end();
  });
}

// Writable temp directories of nginx's default modules, so it also starts without root.
const TEMP_PATHS = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];

describe.skipIf(!nginx || !existsSync(join(dist, 'index.html')))('deploy/nginx.conf under a real nginx', () => {
  it('[ASVS 3.4.3] answers pages, client routes and bundles with the security headers and the right caching', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-nginx-'));
    const port = 18_000 + Math.floor(Math.random() * 2000);
    const text = readFileSync(NGINX_CONF, 'utf8')
      .replace(/^(\s*)root .*;$/m, `$1root ${dist};`)
      .replace(/^pid .*;$/m, `pid ${join(dir, 'nginx.pid')};`)
      .replace(/^(\s*)listen .*;$/m, `$1listen 127.0.0.1:${port};`)
      .replace('http {', `http {\n    access_log off;\n${TEMP_PATHS.map((name) => `    ${name}_temp_path ${join(dir, name)};`).join('\n')}`);
    writeFileSync(join(dir, 'nginx.conf'), text);
    const run = (args: string[]) => execFileSync(nginx ?? '', ['-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), ...args]);
    run(['-t', '-q']);
    const child = spawn(nginx ?? '', ['-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    try {
      const base = `http://127.0.0.1:${port}`;
      const get = async (path: string, headers?: Record<string, string>) => {
        for (let attempt = 0; ; attempt += 1) {
          try {
            return await httpGet(base + path, headers);
          } catch (error) {
            if (attempt > 50) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      };
      const page = await get('/organization/users');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(page.headers.get(name), name).toBe(value);
      expect(page.headers.get('Cache-Control')).toBe('no-cache');
      const bundle = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1] ?? '';
      const script = await get(bundle);
      expect(script.headers.get('Content-Type')).toMatch(/^application\/javascript/);
      expect(script.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      expect(script.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      // The files the build compressed, as they are: brotli where the browser takes it, else gzip.
      expect((await get(bundle, { 'Accept-Encoding': 'gzip, deflate, br, zstd' })).headers.get('Content-Encoding')).toBe('br');
      expect((await get(bundle, { 'Accept-Encoding': 'gzip, deflate' })).headers.get('Content-Encoding')).toBe('gzip');
      const missing = await get('/assets/missing-0000.js');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('Cache-Control')).toBe('no-cache');
      expect((await get('/acs/api/v1/users')).status).toBe(404);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});
