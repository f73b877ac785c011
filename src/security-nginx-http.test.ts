// @vitest-environment node
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The production server of the console (deploy/nginx.conf) as HTTP sees it (ASVS V4.1), run by a real nginx where one
// is installed (apt-get install nginx-light), with the build in dist/; skipped otherwise rather than pretending.

const NGINX_CONF = fileURLToPath(new URL('../deploy/nginx.conf', import.meta.url));
const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const TEMP_PATHS = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];

/** One request over node:http (the unit tests' MSW intercepts fetch, and this server is not the simulator). */
function send(url: string, method = 'GET', body?: string): Promise<{ status: number; type: string | undefined; allow: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers: body === undefined ? {} : { 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(body)) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], allow: response.headers.allow, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe.skipIf(!nginx || !existsSync(join(dist, 'index.html')))('deploy/nginx.conf over HTTP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-nginx-http-'));
  const port = 20_000 + Math.floor(Math.random() * 2000);
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const html = existsSync(join(dist, 'index.html')) ? readFileSync(join(dist, 'index.html'), 'utf8') : '';
  const bundle = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
  const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1] ?? '';

  beforeAll(async () => {
    const text = readFileSync(NGINX_CONF, 'utf8')
      .replace(/^(\s*)root [^;]*;/m, `$1root ${dist};`)
      .replace(/^pid [^;]*;/m, `pid ${join(dir, 'nginx.pid')};`)
      .replace(/^(\s*)listen [^;]*;/m, `$1listen 127.0.0.1:${port};`)
      .replace('http {', `http {\n    access_log off;\n${TEMP_PATHS.map((name) => `    ${name}_temp_path ${join(dir, name)};`).join('\n')}`);
    writeFileSync(join(dir, 'nginx.conf'), text);
    execFileSync(nginx ?? '', ['-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-t', '-q']);
    child = spawn(nginx ?? '', ['-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    for (let attempt = 0; ; attempt += 1) {
      try {
        await send(`${base}/`);
        return;
      } catch (error) {
        if (attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }, 20_000);

  afterAll(async () => {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child?.kill();
    await exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it('[ASVS 4.1.1] names the media type of every answer with a body, with the UTF-8 charset for text', async () => {
    const expected: [string, RegExp][] = [
      ['/', /^text\/html; charset=utf-8$/],
      ['/organization/users', /^text\/html; charset=utf-8$/],
      [bundle, /^application\/javascript; charset=utf-8$/],
      [stylesheet, /^text\/css; charset=utf-8$/],
      ['/favicon.svg', /^image\/svg\+xml; charset=utf-8$/],
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
    for (const path of ['/', '/organization/users', bundle, '/favicon.svg']) {
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
