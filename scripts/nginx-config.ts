// The console's nginx configuration (deploy/nginx.conf) made runnable in a test: the lines an admin edits (port,
// mount, root) and the pid file replaced, each checked to be there exactly once, so a test fails the day the file's
// shape changes instead of quietly testing something else. Used by the unit test that runs deploy/nginx.conf and by
// the e2e harness (scripts/nginx-e2e.ts) that puts it behind an Admin-Router-like nginx.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

export interface ConsoleNginxOptions {
  port: number;
  /** Where the browser sees the console: "/", "/security/", "/service/<name>/". */
  mount: string;
  /** The built console (dist/). */
  root: string;
  /** A writable folder for the pid file and nginx's temp files. */
  dir: string;
}

/** Writable temp directories of nginx's default modules, so it starts without root too. */
export const TEMP_PATHS = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'] as const;

export function tempPathLines(dir: string, indent = '    '): string {
  return TEMP_PATHS.map((name) => `${indent}${name}_temp_path ${join(dir, name)};`).join('\n');
}

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const count = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;
  if (count !== 1) throw new Error(`deploy/nginx.conf: expected exactly one ${what}, found ${count}`);
  return text.replace(pattern, replacement);
}

export function consoleNginxConf(text: string, { port, mount, root, dir }: ConsoleNginxOptions): string {
  let out = replaceOnce(
    text,
    /^(\s*)listen 127\.0\.0\.1:8090;/m,
    `$1listen 127.0.0.1:${port};`,
    'listen 127.0.0.1:8090 line',
  );
  out = replaceOnce(
    out,
    /^(\s*)set \$console_mount "\/";/m,
    `$1set $console_mount "${mount}";`,
    'set $console_mount "/" line',
  );
  out = replaceOnce(out, /^(\s*)root \/opt\/dcos-security-console\/dist;/m, `$1root ${root};`, 'root line');
  out = replaceOnce(out, /^pid .*;$/m, `pid ${join(dir, 'nginx.pid')};`, 'pid line');
  return replaceOnce(out, /^http \{$/m, `http {\n    access_log off;\n${tempPathLines(dir)}`, 'http block');
}

/** Debian's nginx (`npm run setup` installs nginx-light), where it is. */
export const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));

/**
 * Writes `conf` to `<dir>/nginx.conf`, has nginx check it (`-t`: a bad file fails here with nginx's own message), then
 * runs nginx on it in the foreground, its error log in `dir`.
 */
export function runNginx(dir: string, conf: string, output: 'ignore' | 'inherit' = 'ignore'): ChildProcess {
  if (!NGINX)
    throw new Error('nginx is not installed: `npm run setup` installs nginx-light and its brotli module (Debian).');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, conf);
  const args = ['-e', join(dir, 'error.log'), '-c', file];
  execFileSync(NGINX, [...args, '-t', '-q']);
  return spawn(NGINX, [...args, '-g', 'daemon off;'], { stdio: ['ignore', output, output] });
}

/** Resolves once anything answers HTTP at `url` (a plain node:http GET); rejects after `timeoutMs`. */
export function waitForHttp(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((done, fail) => {
    const attempt = () => {
      request(url, (res) => {
        res.resume();
        done();
      })
        .on('error', () =>
          Date.now() > deadline ? fail(new Error(`nothing answers at ${url}`)) : setTimeout(attempt, 100),
        )
        .end();
    };
    attempt();
  });
}
