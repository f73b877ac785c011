// deploy/nginx.conf run by a real nginx for unit tests, over a small built console made here (no `npm run build`
// needed, so the tests never skip on a clean clone). nginx is part of `npm run setup` (Debian's nginx-light and its
// brotli module): without it these tests fail and say so, rather than pass without testing anything.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { consoleNginxConf, runNginx, waitForHttp } from '../../scripts/nginx-config.ts';

const NGINX_CONF = fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url));

/** The files of the small console: an index.html shaped like the build's, and one of each kind of built file. */
export const FAKE_BUILD = { script: '/assets/index-AbC123.js', stylesheet: '/assets/boot-AbC123.css' };

export function fakeDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
  // mkdtemp makes it private to this user; nginx's workers run as another one (www-data) when started as root.
  chmodSync(dist, 0o755);
  mkdirSync(join(dist, 'assets'));
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" href="/favicon.png" type="image/png" />
    <script src="/theme-init.js"></script>
    <script type="module" crossorigin src="${FAKE_BUILD.script}"></script>
    <link id="react-aria-pressable-style" rel="stylesheet" crossorigin href="${FAKE_BUILD.stylesheet}">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
  writeFileSync(join(dist, 'index.html'), html);
  const script = 'export const console = "the console";\n'.repeat(40);
  writeFileSync(join(dist, FAKE_BUILD.script), script);
  writeFileSync(join(dist, `${FAKE_BUILD.script}.br`), brotliCompressSync(script));
  writeFileSync(join(dist, `${FAKE_BUILD.script}.gz`), gzipSync(script));
  writeFileSync(join(dist, FAKE_BUILD.stylesheet), 'body { color: black }\n');
  writeFileSync(
    join(dist, 'favicon.png'),
    readFileSync(fileURLToPath(new URL('../../public/favicon.png', import.meta.url))),
  );
  writeFileSync(join(dist, 'theme-init.js'), '// theme\n');
  writeFileSync(join(dist, 'version.json'), '{"name":"dcos-security-console","version":"0.0.0","commit":"test"}\n');
  return dist;
}

export interface RunningNginx {
  base: string;
  dist: string;
  stop: () => Promise<void>;
}

/** One plain request over node:http (the unit tests' MSW intercepts fetch, and this server is not the simulator). */
export function send(
  url: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Headers; body: string }> {
  return new Promise((resolve, reject) => {
    const sent =
      body === undefined
        ? headers
        : { 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(body)), ...headers };
    const outgoing = request(url, { method, headers: sent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const answer = new Headers();
        for (const [name, value] of Object.entries(response.headers))
          if (typeof value === 'string') answer.set(name, value);
        resolve({ status: response.statusCode ?? 0, headers: answer, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** deploy/nginx.conf with only the port, the mount and the root changed (scripts/nginx-config.ts), started. */
export async function startConsoleNginx({
  mount = '/',
  dist = fakeDist(),
}: { mount?: string; dist?: string } = {}): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'console-nginx-'));
  const port = 18_000 + Math.floor(Math.random() * 4000);
  const child = runNginx(dir, consoleNginxConf(readFileSync(NGINX_CONF, 'utf8'), { port, mount, root: dist, dir }));
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/version.json`, 5_000);
  return {
    base,
    dist,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
