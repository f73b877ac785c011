// @vitest-environment node
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../bench/preview.ts';

// deploy/marathon.json (the console as a Marathon app on DC/OS 1.13, which ships Marathon 1.8) held to the app
// definition fields Marathon accepts, and deploy/marathon-start.sh (its cmd) run for real in a fake task sandbox.

const DEPLOY = fileURLToPath(new URL('../deploy/', import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));
const NGINX = '/usr/sbin/nginx';

const appText = readFileSync(join(DEPLOY, 'marathon.json'), 'utf8');
const appJson: unknown = JSON.parse(appText);
const nginxConf = readFileSync(join(DEPLOY, 'nginx.conf'), 'utf8');

// ---------------------------------------------------------------------------------------------------------------
// Marathon's app definition, from Marathon's own RAML types (what Marathon validates an app against and serves at
// /public/api/v2/): repository mesosphere/marathon, folder docs/docs/rest-api/public/api/v2/types/, at the commits
// stored in the index this list was read from:
//   app.raml           2b81cb4bfecdcceaa96ab4a09c69a3b503e25caf  App, UpgradeStrategy
//   appContainer.raml  0058fa55ffded580c23c6d7d9674094d3d76888d  Container, EngineType, DockerContainer
//   healthCheck.raml   3d86d86a367c20818949d743775123f3e394aaac  AppHealthCheck, AppHealthCheckProtocol
//   network.raml       1830a5fbaf4dd28aacd3a0324a61e9eeb4022d96  PortDefinition, Network, NetworkMode
//   stringTypes.raml   1830a5fbaf4dd28aacd3a0324a61e9eeb4022d96  PathId, LegacyName, NetworkProtocol, Uri
//   artifact.raml      ba4801be08142829412af0ca025335614d39418c  Artifact (the items of `fetch`)
//   constraint.raml    67770bb20469a950fcebd6df406977f05c6a117e  AppConstraint, ConstraintOperator
//   label.raml         6731f8a398951673a12a7b138a3d8cb7a2dc7a09  KVLabels
// None of these is the 1.8 release itself: they are older. app.raml has `networks` (new in 1.5); healthCheck.raml
// has `ipProtocol` (the IPv6 health checks of 1.6); constraint.raml lacks the IS operator, which changelog.md lists
// among 1.6.322's additions (#5587), so IS is added below from that changelog. Fields that came after them are
// missing here — the `pullConfig` of docker that DC/OS 1.13's Marathon configuration reference documents, `role`
// (1.9) — so the lists are at most what Marathon 1.8 accepts: this test may refuse a field 1.8 takes, never pass one
// it refuses. Deprecated fields (ipAddress, ports, uris, residency) are listed as the RAML has them; this app uses
// none. Fields allowed but not shape-checked here fail the check if used: give them a shape from the RAML first.
// ---------------------------------------------------------------------------------------------------------------

type Check = (at: string, value: unknown, problems: string[]) => void;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const unchecked: Check = (at, _value, problems) => {
  problems.push(`${at}: a Marathon field this test has no shape for yet (add one from the RAML before using it)`);
};

function str(options: { min?: number; max?: number; pattern?: RegExp; oneOf?: readonly string[] } = {}): Check {
  return (at, value, problems) => {
    if (typeof value !== 'string') return void problems.push(`${at}: not a string`);
    if (options.min !== undefined && value.length < options.min) problems.push(`${at}: shorter than ${options.min}`);
    if (options.max !== undefined && value.length > options.max) problems.push(`${at}: longer than ${options.max}`);
    if (options.pattern && !options.pattern.test(value)) problems.push(`${at}: does not match ${options.pattern}`);
    if (options.oneOf && !options.oneOf.includes(value))
      problems.push(`${at}: ${value} is not one of ${options.oneOf.join(', ')}`);
  };
}

function num(options: { min?: number; max?: number; integer?: boolean } = {}): Check {
  return (at, value, problems) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return void problems.push(`${at}: not a number`);
    if (options.integer && !Number.isInteger(value)) problems.push(`${at}: not an integer`);
    if (options.min !== undefined && value < options.min) problems.push(`${at}: below ${options.min}`);
    if (options.max !== undefined && value > options.max) problems.push(`${at}: above ${options.max}`);
  };
}

const int = (options: { min?: number; max?: number } = {}) => num({ ...options, integer: true });
const bool: Check = (at, value, problems) => {
  if (typeof value !== 'boolean') problems.push(`${at}: not a boolean`);
};

function arrayOf(item: Check, options: { min?: number; max?: number } = {}): Check {
  return (at, value, problems) => {
    if (!Array.isArray(value)) return void problems.push(`${at}: not an array`);
    if (options.min !== undefined && value.length < options.min)
      problems.push(`${at}: fewer than ${options.min} items`);
    if (options.max !== undefined && value.length > options.max) problems.push(`${at}: more than ${options.max} items`);
    value.forEach((element, index) => item(`${at}[${index}]`, element, problems));
  };
}

function obj(type: string, fields: Record<string, Check>, required: readonly string[] = []): Check {
  return (at, value, problems) => {
    if (!isRecord(value)) return void problems.push(`${at}: not an object`);
    for (const name of required) if (!(name in value)) problems.push(`${at}.${name}: required by ${type}`);
    for (const [name, field] of Object.entries(value)) {
      const check = fields[name];
      if (check) check(`${at}.${name}`, field, problems);
      else problems.push(`${at}.${name}: not a field of ${type} in Marathon 1.8`);
    }
  };
}

// label.raml KVLabels: an object of string values.
const kvLabels: Check = (at, value, problems) => {
  if (!isRecord(value)) return void problems.push(`${at}: not an object`);
  for (const [name, label] of Object.entries(value))
    if (typeof label !== 'string') problems.push(`${at}.${name}: not a string`);
};

// stringTypes.raml / numberTypes.raml
const PATH_ID = /^(\/?((\.{2})|([a-z0-9][a-z0-9\-.]*[a-z0-9]+)|([a-z0-9]*))($|\/))+$/;
const LEGACY_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NETWORK_PROTOCOL = ['tcp', 'udp', 'udp,tcp'] as const;
const anyPort = int({ min: 0, max: 65535 });

// constraint.raml ConstraintOperator, and IS from changelog.md (1.6.322).
const CONSTRAINT_OPERATORS = ['UNIQUE', 'CLUSTER', 'GROUP_BY', 'LIKE', 'UNLIKE', 'MAX_PER', 'IS'] as const;
// constraint.raml AppConstraint: [fieldName, operator(, value)].
const appConstraint: Check = (at, value, problems) => {
  arrayOf(str(), { min: 2, max: 3 })(at, value, problems);
  if (Array.isArray(value)) str({ oneOf: CONSTRAINT_OPERATORS })(`${at}[1]`, value[1], problems);
};

// healthCheck.raml AppHealthCheckProtocol and AppHealthCheck.
const HEALTH_CHECK_PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'COMMAND', 'MESOS_TCP', 'MESOS_HTTP', 'MESOS_HTTPS'] as const;
const appHealthCheck = obj('AppHealthCheck', {
  command: unchecked,
  gracePeriodSeconds: int({ min: 0 }),
  ignoreHttp1xx: bool,
  intervalSeconds: int({ min: 0 }),
  maxConsecutiveFailures: int({ min: 0 }),
  path: str(),
  port: anyPort,
  portIndex: anyPort,
  protocol: str({ oneOf: HEALTH_CHECK_PROTOCOLS }),
  ipProtocol: str({ oneOf: ['IPv4', 'IPv6'] }),
  timeoutSeconds: int(),
  delaySeconds: int({ min: 0 }),
});

// network.raml PortDefinition and Network.
const portDefinition = obj('PortDefinition', {
  port: anyPort,
  labels: kvLabels,
  name: str({ min: 1, pattern: LEGACY_NAME }),
  protocol: str({ oneOf: NETWORK_PROTOCOL }),
});
const network = obj('Network', {
  name: str({ min: 1, max: 63, pattern: LEGACY_NAME }),
  mode: str({ oneOf: ['container', 'container/bridge', 'host'] }),
  labels: kvLabels,
});

// artifact.raml Artifact.
const artifact = obj(
  'Artifact',
  {
    uri: str({ min: 1, max: 1024 }),
    extract: bool,
    executable: bool,
    cache: bool,
    destPath: str({ min: 1, max: 1024 }),
  },
  ['uri'],
);

// appContainer.raml Container, EngineType, DockerContainer.
const dockerContainer = obj(
  'DockerContainer',
  {
    credential: unchecked,
    forcePullImage: bool,
    image: str({ min: 1 }),
    network: str({ oneOf: ['BRIDGE', 'HOST', 'NONE', 'USER'] }),
    parameters: unchecked,
    portMappings: unchecked,
    privileged: bool,
  },
  ['image'],
);
const container = obj('Container', {
  type: str({ oneOf: ['MESOS', 'DOCKER'] }),
  docker: dockerContainer,
  appc: unchecked,
  volumes: unchecked,
  portMappings: unchecked,
});

// app.raml UpgradeStrategy and App.
const upgradeStrategy = obj('UpgradeStrategy', {
  maximumOverCapacity: num({ min: 0, max: 1 }),
  minimumHealthCapacity: num({ min: 0, max: 1 }),
});
const marathonApp = obj(
  'App',
  {
    id: str({ min: 1, pattern: PATH_ID }),
    acceptedResourceRoles: arrayOf(str()),
    args: arrayOf(str()),
    backoffFactor: num({ min: 1 }),
    backoffSeconds: int({ min: 0 }),
    cmd: str({ min: 1 }),
    constraints: arrayOf(appConstraint),
    container,
    cpus: num({ min: 0.001 }),
    dependencies: arrayOf(str({ min: 1, pattern: PATH_ID })),
    disk: num({ min: 0 }),
    env: unchecked,
    executor: unchecked,
    fetch: arrayOf(artifact),
    healthChecks: arrayOf(appHealthCheck),
    instances: int({ min: 0 }),
    labels: kvLabels,
    maxLaunchDelaySeconds: int({ min: 0 }),
    mem: num({ min: 0 }),
    gpus: int({ min: 0 }),
    ipAddress: unchecked,
    networks: arrayOf(network),
    ports: unchecked,
    portDefinitions: arrayOf(portDefinition),
    readinessChecks: unchecked,
    residency: unchecked,
    requirePorts: bool,
    secrets: unchecked,
    storeUrls: unchecked,
    taskKillGracePeriodSeconds: int({ min: 0 }),
    upgradeStrategy,
    uris: unchecked,
    user: str(),
    version: unchecked,
    versionInfo: unchecked,
    killSelection: str({ oneOf: ['YOUNGEST_FIRST', 'OLDEST_FIRST'] }),
    unreachableStrategy: unchecked,
  },
  ['id'],
);

function problemsOf(check: Check, value: unknown): string[] {
  const problems: string[] = [];
  check('app', value, problems);
  return problems;
}

/** The parts of the app this file reads, once the check above has passed. */
interface App {
  id: string;
  instances: number;
  cmd: string;
  constraints: string[][];
  container: { type: string; docker: { image: string } };
  fetch: { uri: string; extract?: boolean }[];
  portDefinitions: { port: number; name?: string; protocol?: string }[];
  labels: Record<string, string>;
  healthChecks: {
    protocol: string;
    path?: string;
    portIndex?: number;
    gracePeriodSeconds?: number;
    intervalSeconds?: number;
    timeoutSeconds?: number;
    maxConsecutiveFailures?: number;
  }[];
  upgradeStrategy: { minimumHealthCapacity: number; maximumOverCapacity: number };
}
const app = appJson as App;
const releaseUri = new URL(app.fetch[0]?.uri ?? 'invalid:');
const releaseVersion = /\/dcos-security-console-(\d+\.\d+\.\d+)\.tar\.gz$/.exec(releaseUri.pathname)?.[1] ?? '';

describe('deploy/marathon.json', () => {
  it('uses only the app definition fields of Marathon 1.8, in their shapes', () => {
    expect(problemsOf(marathonApp, appJson)).toEqual([]);
    expect(app.cmd, 'cmd, not args: Marathon takes one of them').toBeTruthy();
    expect('args' in (appJson as object)).toBe(false);
  });

  it('the check itself refuses what Marathon 1.8 refuses', () => {
    expect(problemsOf(marathonApp, { ...app, role: 'slave_public' })).toEqual([
      'app.role: not a field of App in Marathon 1.8',
    ]);
    expect(problemsOf(marathonApp, { ...app, healthChecks: [{ protocol: 'GRPC', portIndex: 0 }] })).toEqual([
      'app.healthChecks[0].protocol: GRPC is not one of HTTP, HTTPS, TCP, COMMAND, MESOS_TCP, MESOS_HTTP, MESOS_HTTPS',
    ]);
    expect(
      problemsOf(marathonApp, { ...app, container: { type: 'DOCKER', docker: { image: 'nginx', pullConfig: {} } } }),
    ).toEqual(['app.container.docker.pullConfig: not a field of DockerContainer in Marathon 1.8']);
    expect(problemsOf(marathonApp, { ...app, labels: { DCOS_SERVICE_PORT_INDEX: 0 } })).toEqual([
      'app.labels.DCOS_SERVICE_PORT_INDEX: not a string',
    ]);
    expect(problemsOf(marathonApp, { ...app, constraints: [['hostname', 'DISTINCT']] })).toHaveLength(1);
    expect(problemsOf(marathonApp, { ...app, fetch: [{ url: 'x' }] })).toEqual([
      'app.fetch[0].uri: required by Artifact',
      'app.fetch[0].url: not a field of Artifact in Marathon 1.8',
    ]);
    expect(problemsOf(marathonApp, { ...app, env: {} })).toHaveLength(1);
  });

  it('is /security-console behind Admin Router at /service/security-console/, over plain HTTP on its port 0', () => {
    expect(app.id).toBe('/security-console');
    expect(app.labels).toEqual({
      DCOS_SERVICE_NAME: 'security-console',
      DCOS_SERVICE_PORT_INDEX: '0',
      DCOS_SERVICE_SCHEME: 'http',
    });
    expect(app.portDefinitions).toHaveLength(1);
    expect(app.portDefinitions[0]).toMatchObject({ port: 0, protocol: 'tcp' });
    expect(app.portDefinitions[0]?.name).toMatch(LEGACY_NAME);
  });

  it('runs 2 instances on distinct agents, and an upgrade keeps one of them up', () => {
    expect(app.instances).toBe(2);
    expect(app.constraints).toContainEqual(['hostname', 'UNIQUE']);
    const { minimumHealthCapacity, maximumOverCapacity } = app.upgradeStrategy;
    // Marathon keeps ceil(instances × minimumHealthCapacity) healthy during a deployment and starts at most
    // floor(instances × maximumOverCapacity) extra: one stays up, and no third agent is needed (UNIQUE hostname).
    expect(Math.ceil(app.instances * minimumHealthCapacity)).toBe(1);
    expect(Math.floor(app.instances * maximumOverCapacity)).toBe(0);
  });

  it('checks health with a Mesos HTTP GET of /version.json, a file every build writes and nginx serves from root', () => {
    expect(app.healthChecks).toHaveLength(1);
    const [check] = app.healthChecks;
    expect(check).toMatchObject({ protocol: 'MESOS_HTTP', path: '/version.json', portIndex: 0 });
    expect(check?.gracePeriodSeconds).toBeGreaterThanOrEqual(30);
    expect(check?.timeoutSeconds).toBeLessThan(check?.intervalSeconds ?? 0);
    expect(check?.maxConsecutiveFailures).toBeGreaterThanOrEqual(2);
    // dist/version.json is a plain file of the build (not required to exist here): nginx answers it from root.
    expect(nginxConf).toMatch(/^\s*root\s+\S+;/m);
    expect(nginxConf).toMatch(/location \/ \{[^}]*try_files \$uri /);
  });

  it('runs the stock Debian-based nginx image (nginx ≥ 1.19.5 for -e stderr) on the release fetched and extracted', () => {
    expect(app.container.type).toBe('MESOS');
    const image = /^nginx:1\.(\d+)(?:\.\d+)?-(bookworm|trixie)$/.exec(app.container.docker.image);
    expect(image, app.container.docker.image).not.toBeNull();
    expect(Number(image?.[1])).toBeGreaterThan(19);
    expect(app.fetch).toHaveLength(1);
    expect(app.fetch[0]?.extract).toBe(true);
    // A placeholder an admin replaces with where they keep the release: example.com never resolves to one.
    expect(releaseUri.protocol).toBe('https:');
    expect(releaseUri.hostname).toBe('releases.example.com');
  });

  it('fetches the release of the version package.json is at', () => {
    const { version } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };
    expect(releaseVersion).toBe(version);
  });

  it('cmd runs deploy/marathon-start.sh of the extracted release', () => {
    expect(app.cmd).toContain('/deploy/marathon-start.sh');
    expect(app.cmd).toMatch(/^exec /);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// deploy/marathon-start.sh, run through the app's own cmd in a temp dir laid out as Mesos leaves the sandbox after
// fetching: the archive and the folder it extracted to. A stub nginx first on PATH records what it was asked to run.
// ---------------------------------------------------------------------------------------------------------------

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

interface Sandbox {
  sandbox: string;
  release: string;
  stubDir: string;
}

function makeSandbox(conf = nginxConf): Sandbox {
  const sandbox = mkdtempSync(join(tmpdir(), 'console-marathon-'));
  const stubDir = mkdtempSync(join(tmpdir(), 'console-marathon-stub-'));
  temps.push(sandbox, stubDir);
  const release = join(sandbox, `dcos-security-console-${releaseVersion}`);
  cpSync(DEPLOY, join(release, 'deploy'), { recursive: true });
  writeFileSync(join(release, 'deploy', 'nginx.conf'), conf);
  mkdirSync(join(release, 'dist', 'assets'), { recursive: true });
  writeFileSync(
    join(release, 'dist', 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-0000.js"></script></head><body><div id="root"></div></body></html>\n',
  );
  writeFileSync(join(release, 'dist', 'assets', 'index-0000.js'), 'export {};\n');
  writeFileSync(join(release, 'dist', 'version.json'), `{"version":"${releaseVersion}","commit":"0000000"}\n`);
  writeFileSync(join(sandbox, `dcos-security-console-${releaseVersion}.tar.gz`), '');
  mkdirSync(join(stubDir, 'bin'));
  writeFileSync(
    join(stubDir, 'bin', 'nginx'),
    [
      '#!/bin/sh',
      `printf '%s\\n' "$@" > '${stubDir}/args'`,
      'while [ $# -gt 0 ]; do',
      `  if [ "$1" = -c ]; then cp "$2" '${stubDir}/given.conf'; fi`,
      '  shift',
      'done',
      'exit 0',
      '',
    ].join('\n'),
  );
  chmodSync(join(stubDir, 'bin', 'nginx'), 0o755);
  return { sandbox, release, stubDir };
}

/** The environment Marathon and Mesos give the task (a label is MARATHON_APP_LABEL_<NAME>). */
function taskEnv(
  sandbox: string,
  port: number,
  appId: string,
  labels: Record<string, string> = {},
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    PORT0: String(port),
    MESOS_SANDBOX: sandbox,
    MARATHON_APP_ID: appId,
    ...Object.fromEntries(Object.entries(labels).map(([name, value]) => [`MARATHON_APP_LABEL_${name}`, value])),
  };
}

/** The task's output as Mesos keeps it by default: files `stdout` and `stderr` in the sandbox. */
function taskOutput(sandbox: string): [number, number] {
  return [openSync(join(sandbox, 'stdout'), 'a'), openSync(join(sandbox, 'stderr'), 'a')];
}

/** Runs the app's cmd with the stub nginx first on PATH; `pipes` gives it node's pipes (sockets) for output instead. */
function runCmd(
  where: Sandbox,
  env: Record<string, string>,
  { pipes = false } = {},
): { status: number | null; stderr: string } {
  const [stdout, stderr] = taskOutput(where.sandbox);
  try {
    const run = spawnSync('/bin/sh', ['-c', app.cmd], {
      cwd: where.sandbox,
      env: { ...env, PATH: `${join(where.stubDir, 'bin')}:${env.PATH ?? ''}` },
      stdio: pipes ? 'pipe' : ['ignore', stdout, stderr],
      encoding: 'utf8',
      timeout: 10_000,
    });
    return { status: run.status, stderr: pipes ? run.stderr : readFileSync(join(where.sandbox, 'stderr'), 'utf8') };
  } finally {
    closeSync(stdout);
    closeSync(stderr);
  }
}

// The directives the script edits, and the lines it adds; every other line must come through unchanged.
const EDITED =
  /^\s*(listen|set\s+\$console_mount|root|pid|worker_processes|load_module|brotli_static|access_log|\w+_temp_path)\s/;
const untouched = (text: string) => text.split('\n').filter((line) => !EDITED.test(line));

describe('deploy/marathon-start.sh', () => {
  it('writes the task its nginx config and runs nginx on it in the foreground', async () => {
    const where = makeSandbox();
    const port = await freePort();
    const run = runCmd(where, taskEnv(where.sandbox, port, '/security-console', app.labels));
    expect(run.status, run.stderr).toBe(0);

    const written = join(where.sandbox, 'nginx', 'nginx.conf');
    expect(readFileSync(join(where.stubDir, 'args'), 'utf8').split('\n')).toEqual([
      '-e',
      'stderr',
      '-c',
      written,
      '-g',
      'daemon off;',
      '',
    ]);
    const conf = readFileSync(join(where.stubDir, 'given.conf'), 'utf8');
    expect(conf).toBe(readFileSync(written, 'utf8'));
    expect(conf).toMatch(new RegExp(`^\\s*listen 0\\.0\\.0\\.0:${port};`, 'm'));
    expect(conf).toMatch(/^\s*set \$console_mount "\/service\/security-console\/";/m);
    expect(conf).toMatch(new RegExp(`^\\s*root ${where.release}/dist;`, 'm'));
    expect(conf).toMatch(new RegExp(`^pid ${where.sandbox}/nginx/nginx\\.pid;`, 'm'));
    expect(conf).toMatch(/^worker_processes 1;/m);
    expect(conf).toMatch(/^\s*access_log \/dev\/stdout;/m);
    expect(conf.split('\n').filter((line) => line.includes('brotli') && !/^\s*#/.test(line))).toEqual([]);
    expect(untouched(conf)).toEqual(untouched(nginxConf));
    expect(run.stderr).toContain(`serving ${where.release}/dist at /service/security-console/ on port ${port}`);
  });

  it('logs requests to a sandbox file when stdout is a socket nginx cannot open', async () => {
    const where = makeSandbox();
    const run = runCmd(where, taskEnv(where.sandbox, await freePort(), '/security-console'), { pipes: true });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(where.stubDir, 'given.conf'), 'utf8')).toContain(
      `access_log ${where.sandbox}/nginx/access.log;`,
    );
  });

  it('the written config is valid for the real nginx, with no brotli module', async (context) => {
    context.skip(
      !existsSync(NGINX),
      `no nginx at ${NGINX} (apt-get install nginx-light): config not checked by nginx -t`,
    );
    const where = makeSandbox();
    const run = runCmd(where, taskEnv(where.sandbox, await freePort(), '/security-console', app.labels));
    expect(run.status, run.stderr).toBe(0);
    const written = join(where.sandbox, 'nginx', 'nginx.conf');
    const [stdout] = taskOutput(where.sandbox);
    try {
      expect(() =>
        execFileSync(
          NGINX,
          ['-t', '-q', '-c', written, '-e', join(where.sandbox, 'error.log'), '-p', `${where.sandbox}/`],
          { stdio: ['ignore', stdout, 'pipe'] },
        ),
      ).not.toThrow();
    } finally {
      closeSync(stdout);
    }
  });

  it('under the real nginx, answers the health check and mounts index.html at /service/<name>/', async (context) => {
    context.skip(!existsSync(NGINX), `no nginx at ${NGINX} (apt-get install nginx-light): not served for real`);
    const where = makeSandbox();
    const port = await freePort();
    // No stub on PATH: the script execs the real nginx, as the task would.
    const env = taskEnv(where.sandbox, port, '/security-console', app.labels);
    const [stdout, stderr] = taskOutput(where.sandbox);
    const child = spawn('/bin/sh', ['-c', app.cmd], {
      cwd: where.sandbox,
      env: { ...env, PATH: `/usr/sbin:${env.PATH ?? ''}` },
      stdio: ['ignore', stdout, stderr],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const get = async (path: string) => {
        for (let attempt = 0; ; attempt += 1) {
          try {
            return await httpGet(`http://127.0.0.1:${port}${path}`);
          } catch (error) {
            if (attempt > 50) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      };
      const health = await get('/version.json');
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ version: releaseVersion });
      const page = await get('/organization/users');
      expect(page.status).toBe(200);
      expect(page.body).toContain('src="/service/security-console/assets/index-0000.js"');
      expect((await get('/assets/index-0000.js')).status).toBe(200);
      // Requests are logged to the task's stdout.
      expect(readFileSync(join(where.sandbox, 'stdout'), 'utf8')).toContain('"GET /version.json HTTP/1.1" 200');
    } finally {
      child.kill('SIGTERM');
      await exited;
      closeSync(stdout);
      closeSync(stderr);
    }
  }, 20_000);

  it('mounts a nested app id where Admin Router serves it, and the DCOS_SERVICE_NAME label over the id', async () => {
    const port = await freePort();
    const nested = makeSandbox();
    expect(runCmd(nested, taskEnv(nested.sandbox, port, '/team/console')).status).toBe(0);
    expect(readFileSync(join(nested.stubDir, 'given.conf'), 'utf8')).toMatch(
      /^\s*set \$console_mount "\/service\/team\/console\/";/m,
    );

    const labelled = makeSandbox();
    expect(
      runCmd(labelled, taskEnv(labelled.sandbox, port, '/team/console', { DCOS_SERVICE_NAME: 'team/security' })).status,
    ).toBe(0);
    expect(readFileSync(join(labelled.stubDir, 'given.conf'), 'utf8')).toMatch(
      /^\s*set \$console_mount "\/service\/team\/security\/";/m,
    );
  });

  it('stops, saying why, rather than run nginx on a config it could not edit exactly once', async () => {
    const port = await freePort();
    const cases: { conf?: string; appId?: string; message: string }[] = [
      { appId: '/console"; root /etc', message: 'not a service name' },
      { appId: '/../etc', message: 'not a service name' },
      {
        conf: nginxConf.replace(/^(\s*)listen (.*)$/m, '$1listen $2\n$1listen [::1]:8090;'),
        message: "expected 1 line(s) matching '^[[:space:]]*listen",
      },
      { conf: nginxConf.replace(/^\s*set \$console_mount .*$/m, ''), message: 'console_mount' },
      { conf: nginxConf.replace(/^load_module .*$/m, ''), message: 'load_module' },
      { conf: nginxConf.replace(/^\s*brotli_static .*$/gm, ''), message: 'brotli_static' },
    ];
    for (const { conf, appId = '/security-console', message } of cases) {
      const where = makeSandbox(conf);
      const run = runCmd(where, taskEnv(where.sandbox, port, appId));
      expect(run.status, message).not.toBe(0);
      expect(run.stderr).toContain(message);
      expect(existsSync(join(where.stubDir, 'args')), `${message}: nginx must not run`).toBe(false);
    }
  });
});

/** A plain GET over node:http (the unit tests' MSW intercepts fetch, and this server is not the simulator). */
function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    })
      .on('error', reject)
      .end();
  });
}
