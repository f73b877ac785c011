// The console's nginx configuration (deploy/nginx.conf) made runnable in a test: the lines an admin edits (port,
// mount, root) and the pid file replaced, each checked to be there exactly once, so a test fails the day the file's
// shape changes instead of quietly testing something else. Used by the unit test that runs deploy/nginx.conf and by
// the e2e harness (scripts/nginx-e2e.ts) that puts it behind an Admin-Router-like nginx.
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
  let out = replaceOnce(text, /^(\s*)listen 127\.0\.0\.1:8090;/m, `$1listen 127.0.0.1:${port};`, 'listen 127.0.0.1:8090 line');
  out = replaceOnce(out, /^(\s*)set \$console_mount "\/";/m, `$1set $console_mount "${mount}";`, 'set $console_mount "/" line');
  out = replaceOnce(out, /^(\s*)root \/opt\/dcos-security-console\/dist;/m, `$1root ${root};`, 'root line');
  out = replaceOnce(out, /^pid .*;$/m, `pid ${join(dir, 'nginx.pid')};`, 'pid line');
  return replaceOnce(out, /^http \{$/m, `http {\n    access_log off;\n${tempPathLines(dir)}`, 'http block');
}
