// The console installed as an admin would (issue 21), for the e2e project in e2e/nginx/: the built dist/ served by
// real nginx with deploy/nginx.conf (three copies: mounted at the root, at /security/, and as a Marathon app at
// /service/security-console/), each behind an Admin-Router-like nginx that also sends the API to the simulator.
// Playwright starts this as a web server (playwright.config.ts); it stops everything on SIGTERM or SIGINT.
//
//   http://127.0.0.1:4181/                            root mount: Admin Router's `location /` points at the console
//   http://127.0.0.1:4182/security/                   deploy/admin-router-security.conf, the stock UI kept at `/`
//   http://127.0.0.1:4183/service/security-console/   Admin Router's /service/ rules: a session holding
//                                                     dcos:adminrouter:service:security-console, the prefix stripped,
//                                                     Accept-Encoding dropped; its 401/403 pages otherwise
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { readSimConfig } from '../src/mocks/config.ts';
import { createSimMiddleware } from '../src/mocks/sim-server.ts';
import { createSimulator } from '../src/mocks/simulator.ts';
import { NGINX, consoleNginxConf, runNginx, tempPathLines, waitForHttp } from './nginx-config.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const DIR = join(ROOT, '.nginx-e2e');
const SIM_PORT = 8102;
const SERVICE = 'security-console';

export const MOUNTS = [
  { name: 'root', port: 4181, consolePort: 8191, mount: '/' },
  { name: 'security', port: 4182, consolePort: 8192, mount: '/security/' },
  { name: 'marathon', port: 4183, consolePort: 8193, mount: `/service/${SERVICE}/` },
] as const;

if (!NGINX) throw new Error('nginx is not installed: `npm run setup` installs nginx-light (Debian).');
if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: `npm run test:e2e` builds it first.');

rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });

// The simulator, with the test-only control API: each test makes its own database, as in the main e2e project.
const simulator = await createSimulator(readSimConfig({ ...process.env, SECURITY_MODE: 'strict' }), { control: true });
const middleware = createSimMiddleware(simulator);
const sim = createServer((req, res) => {
  middleware(req, res, () => {
    res.statusCode = 404;
    res.end();
  });
});
await new Promise<void>((done) => sim.listen(SIM_PORT, '127.0.0.1', done));

const children: ChildProcess[] = [];
let stopping = false;
function stop(code = 0): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGQUIT');
  sim.close();
  setTimeout(() => process.exit(code), 300);
}
process.once('SIGTERM', () => stop());
process.once('SIGINT', () => stop());
function startNginx(name: string, conf: string): void {
  const dir = join(DIR, name);
  const child = runNginx(dir, conf, 'inherit');
  child.once('exit', (code) => {
    if (!stopping) {
      console.error(`[nginx-e2e] nginx ${name} exited with ${String(code)}; see ${join(dir, 'error.log')}`);
      stop(1);
    }
  });
  children.push(child);
}

// The console's own nginx, three times: deploy/nginx.conf with only the port, the mount and the root changed.
const deployConf = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
for (const { name, consolePort, mount } of MOUNTS) {
  const dir = join(DIR, `console-${name}`);
  startNginx(`console-${name}`, consoleNginxConf(deployConf, { port: consolePort, mount, root: DIST, dir }));
}

/** Admin Router's 401 page (its errorpages/401.html): the stock UI's sign-in, with the page to come back to. */
const AR_401 = `<!DOCTYPE html><html><head><title>Unauthorized</title><script>window.location = '/#/login?redirect=' + encodeURIComponent(window.location.href);</script></head><body><h1>401 Unauthorized</h1></body></html>`;
const AR_403 = '<!DOCTYPE html><html><head><title>Forbidden</title></head><body><h1>403 Forbidden</h1></body></html>';
/** A stand-in for the stock DC/OS UI at `/`, which the /security/ and Marathon mounts leave in place. */
const STOCK_UI =
  '<!DOCTYPE html><html><head><title>DC/OS</title></head><body><h1>The stock DC/OS UI</h1></body></html>';

const nginxString = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const api = `
        location /acs/ { proxy_pass http://sim; }
        location /secrets/v1/ { proxy_pass http://sim; }
        location /dcos-metadata/ { proxy_pass http://sim; }
        # Test only: the simulator's control API and its identity provider.
        location /__sim/ { proxy_pass http://sim; }
        location @unauthorized { default_type text/html; add_header WWW-Authenticate acsjwt always; return 401 ${nginxString(AR_401)}; }
        location @forbidden { default_type text/html; return 403 ${nginxString(AR_403)}; }`;
const stockUi = `location / { default_type text/html; return 200 ${nginxString(STOCK_UI)}; }`;
const securityLocations = readFileSync(join(ROOT, 'deploy/admin-router-security.conf'), 'utf8').replace(
  'http://127.0.0.1:8090/',
  `http://127.0.0.1:${MOUNTS[1].consolePort}/`,
);
if (!securityLocations.includes(`:${MOUNTS[1].consolePort}/`))
  throw new Error('deploy/admin-router-security.conf: no proxy_pass to 127.0.0.1:8090/');

const adminRouter = `
worker_processes 1;
pid ${join(DIR, 'admin-router', 'nginx.pid')};
events { worker_connections 256; }
http {
    access_log off;
${tempPathLines(join(DIR, 'admin-router'))}
    upstream sim { server 127.0.0.1:${SIM_PORT}; keepalive 8; }
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;

    server {
        listen 127.0.0.1:${MOUNTS[0].port};
${api}
        # The root mount: Admin Router's \`location /\` points at the console instead of the stock UI.
        location / { proxy_pass http://127.0.0.1:${MOUNTS[0].consolePort}; }
    }

    server {
        listen 127.0.0.1:${MOUNTS[1].port};
${api}
${securityLocations}
        ${stockUi}
    }

    server {
        listen 127.0.0.1:${MOUNTS[2].port};
${api}
        # Admin Router's /service/<name>/: a session holding dcos:adminrouter:service:<name> (its 401 and 403 pages
        # otherwise), the prefix stripped, and Accept-Encoding dropped.
        location = /service/${SERVICE} { return 301 /service/${SERVICE}/; }
        location /service/${SERVICE}/ {
            auth_request /__admin_router_auth;
            error_page 401 = @unauthorized;
            error_page 403 = @forbidden;
            proxy_set_header Accept-Encoding "";
            proxy_pass http://127.0.0.1:${MOUNTS[2].consolePort}/;
        }
        location = /__admin_router_auth {
            internal;
            proxy_pass http://sim/__sim/authorize?rid=dcos:adminrouter:service:${SERVICE}&action=full;
            proxy_pass_request_body off;
            proxy_set_header Content-Length "";
        }
        ${stockUi}
    }
}
`;

await Promise.all(MOUNTS.map(({ consolePort }) => waitForHttp(`http://127.0.0.1:${consolePort}/version.json`)));
startNginx('admin-router', adminRouter);
await Promise.all(MOUNTS.map(({ port }) => waitForHttp(`http://127.0.0.1:${port}/__sim/health`)));
console.log(`[nginx-e2e] ready: ${MOUNTS.map(({ port, mount }) => `http://127.0.0.1:${port}${mount}`).join(' ')}`);
