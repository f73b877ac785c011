/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type PreviewServer, type ProxyOptions, type ViteDevServer } from 'vite';
import { SIM_CONTROL_NOTICE, readSimConfig, readSimControl } from './src/mocks/config.ts';
import { BOOTSTRAP_PASSWORD, BOOTSTRAP_UID } from './src/mocks/db/create-db.ts';
import { createSimMiddleware } from './src/mocks/sim-server.ts';
import { recordApi } from './src/mocks/recording/record.ts';
import { unsealKeyLines } from './src/mocks/db/secrets.ts';
import { SIM_PATH_PREFIXES, createSimulator, type Simulator } from './src/mocks/simulator.ts';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { earlyShellScript } from './src/early-shell.ts';
import { servePrecompressed, writePrecompressed } from './src/precompressed.ts';
import { servePreviewFallbacks } from './src/preview-fallbacks.ts';
import { versionInfo } from './scripts/version-info.ts';
import { SECURITY_HEADERS } from './src/security-headers.ts';

const port = Number(process.env.PORT ?? 5173);
const host = process.env.HOST ?? '127.0.0.1';
const dcosUrl = process.env.DCOS_URL;

let simulator: Simulator | undefined;

function announce(server: ViteDevServer | PreviewServer, what: string) {
  server.httpServer?.once('listening', () => {
    setTimeout(() => {
      console.log(`\n  DC/OS security console on http://${host}:${port}/ (${what})`);
      if (!dcosUrl && simulator) {
        console.log(`  Demo sign-in: ${BOOTSTRAP_UID} / ${BOOTSTRAP_PASSWORD}`);
        for (const line of unsealKeyLines(simulator.context.defaultDb)) console.log(`  ${line}`);
        if (readSimControl()) console.log(`  ${SIM_CONTROL_NOTICE}`);
        console.log('');
      }
    }, 0);
  });
}

/**
 * Serves the DC/OS API paths: from the built-in simulator (same MSW handlers as the unit tests), or, with
 * `DCOS_URL`, by proxying to a real cluster (or to `npm run sim`), cookies passing through.
 */
function dcosApi(): Plugin {
  const attachSimulator = async (server: ViteDevServer | PreviewServer) => {
    if (dcosUrl) return;
    simulator = await createSimulator(readSimConfig(), { control: readSimControl() });
    server.middlewares.use(createSimMiddleware(simulator));
  };
  return {
    name: 'dcos-api',
    config() {
      if (!dcosUrl) return {};
      const proxy: Record<string, ProxyOptions> = {};
      for (const prefix of SIM_PATH_PREFIXES.filter((p) => p !== '/__sim/')) {
        // Clusters usually run with a self-signed CA; DCOS_VERIFY_TLS=1 turns certificate checks on.
        proxy[prefix] = { target: dcosUrl, changeOrigin: true, secure: process.env.DCOS_VERIFY_TLS === '1' };
      }
      return { server: { proxy }, preview: { proxy } };
    },
    async configureServer(server) {
      announce(server, dcosUrl ? `proxying the API to ${dcosUrl}` : 'development, built-in simulator');
      await attachSimulator(server);
    },
    async configurePreviewServer(server) {
      announce(server, dcosUrl ? `proxying the API to ${dcosUrl}` : 'built-in simulator');
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
        next();
      });
      await attachSimulator(server);
    },
  };
}

/**
 * Over HTTP/1.1 a browser opens 6 connections per host, so on a slow link every wave of files beyond six costs a full
 * round trip: the first load asks for as few files as it can.
 * - The entry's modules travel in one chunk ("boot", with index.js and Rolldown's runtime: three files and the
 *   stylesheet), not five.
 * - What every signed-in page needs beyond the entry (the shell, its routes' loaders and the API modules, TanStack
 *   Query's hooks) and what the list pages share (the virtualized table, the URL's list parameters, the bulk runner,
 *   the leave guard) travel in one chunk ("frame") rather than two dozen small ones.
 * - React Aria (dialogs, the account menu) comes after the first paint (src/ui/deferred.tsx), in two chunks that
 *   import one way only (a cycle between chunks can run a module before one it needs): "widgets" uses React Aria's
 *   foundations ("aria").
 * - The pages a visit most often starts on (overview, the lists) join "frame" too, which theme-init.js asks for while
 *   the entry still downloads on a signed-in page (earlyShell below): their first paint waits for no second wave.
 * Pages and lazily imported parts (dialogs, CSV, key generation) keep their own chunks.
 */
interface ModuleGraph {
  getModuleInfo: (id: string) => { importedIds: readonly string[] } | null;
}
const ARIA_FOUNDATIONS = /\/react-aria\/dist\/private\/(utils|interactions|focus|ssr|i18n|intl|live-announcer)\//;

/** What the list pages (users, groups, service accounts, secrets) share: with the shell, not a file each. */
const LIST_PARTS = ['./src/ui/data-table.tsx', './src/lib/use-list-params.ts', './src/lib/use-search-update.ts', './src/ui/leave-guard.tsx', './src/ui/lazy-dialog.tsx', './src/ui/use-bulk-run.ts', './src/ui/bulk-panel.tsx'];
/** React Aria's parts, which no page's first paint waits for (src/ui/deferred.tsx): the dialogs and the account menu. */
const DEFERRED_WIDGETS = ['./src/ui/modal-dialog.tsx', './src/app/shell/user-menu.tsx'];

/**
 * The pages a visit most often starts on (the overview, the list pages) and what they share, with the shell: with its
 * code asked for early (theme-init.js), the first paint of any of them then waits for no second wave of files.
 */
const FIRST_PAGES = [
  './src/app/home-page.tsx',
  './src/features/organization/users/users-page.tsx',
  './src/features/organization/groups/groups-page.tsx',
  './src/features/organization/service-accounts/service-accounts-page.tsx',
  './src/features/secrets/secrets-page.tsx',
  './src/features/permissions/acls-page.tsx',
];

function staticClosure(roots: Iterable<string>, graph: ModuleGraph, stop = new Set<string>()): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id) || stop.has(id)) continue;
    seen.add(id);
    queue.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

function frameChunkName(): (id: string, graph: ModuleGraph) => string | null {
  const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  let groups: Map<string, string> | undefined;
  const assign = (graph: ModuleGraph) => {
    const main = src('./src/main.tsx');
    const entry = staticClosure([main], graph);
    const shell = staticClosure([src('./src/app/shell/app-shell.tsx'), src('./src/app/route-loaders.ts'), ...LIST_PARTS.map(src)], graph, entry);
    const widgets = staticClosure(DEFERRED_WIDGETS.map(src), graph, new Set([...entry, ...shell]));
    const aria = staticClosure([...widgets].filter((id) => ARIA_FOUNDATIONS.test(id)), graph, entry);
    const pages = staticClosure(FIRST_PAGES.map(src), graph, new Set([...entry, ...shell, ...widgets]));
    const map = new Map<string, string>();
    for (const id of entry) if (id !== main) map.set(id, 'boot');
    for (const id of shell) map.set(id, 'frame');
    for (const id of widgets) map.set(id, aria.has(id) ? 'aria' : 'widgets');
    for (const id of pages) map.set(id, 'frame');
    return map;
  };
  return (id, graph) => {
    groups ??= assign(graph);
    return groups.get(id) ?? null;
  };
}

/**
 * React Aria injects one rule as an inline <style> unless an element with the id `react-aria-pressable-style` exists,
 * which the strict CSP would refuse. The rule is in global.css, so the built stylesheet's own <link> carries that id:
 * one request fewer on every first load than a separate file (in development there is no CSP to hold).
 */
function pressableStyleId(): Plugin {
  return {
    name: 'react-aria-pressable-style',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links = html.match(/<link rel="stylesheet"[^>]*href="[^"]*assets\/[^"]+\.css"[^>]*>/g) ?? [];
        if (links.length !== 1) throw new Error(`index.html should link exactly one built stylesheet, found ${links.length}`);
        const [link] = links as [string];
        return html.replace(link, link.replace('<link ', '<link id="react-aria-pressable-style" '));
      },
    },
  };
}

/**
 * theme-init.js (public/, the classic script in <head>) gets, in the build, the lines that on a signed-in page ask for
 * the "frame" chunk while the entry still downloads (src/early-shell.ts). Runs before `precompressed`, which leaves
 * theme-init.js alone anyway (only /assets/ is precompressed).
 */
function earlyShell(): Plugin {
  return {
    name: 'early-shell',
    apply: 'build',
    writeBundle(options, bundle) {
      const frame = Object.values(bundle).find((output) => output.type === 'chunk' && output.name === 'frame');
      if (!options.dir || !frame) throw new Error('early-shell: the build has no "frame" chunk to ask for early');
      appendFileSync(join(options.dir, 'theme-init.js'), earlyShellScript(frame.fileName));
    },
  };
}

/**
 * The built scripts and stylesheets compressed once, at build time (brotli and gzip, each at its best level), next to
 * each file: nginx serves them with brotli_static and gzip_static (deploy/nginx.conf) and `vite preview` likewise,
 * instead of compressing them on every request, which cost the first load tens of milliseconds of server time before
 * the first byte; brotli, which every current browser takes, is 10–15 % smaller than gzip (issue 9).
 */
function precompressed(): Plugin {
  return {
    name: 'precompressed-assets',
    writeBundle(options, bundle) {
      if (options.dir) writePrecompressed(options.dir, Object.keys(bundle));
    },
    configurePreviewServer(server) {
      server.middlewares.use(servePreviewFallbacks(server.config.build.outDir));
      server.middlewares.use(servePrecompressed(server.config.build.outDir));
    },
  };
}

const VERSION = versionInfo(fileURLToPath(new URL('.', import.meta.url)));

/**
 * dist/version.json: the release and the commit this build came from, beside index.html (no-cache, like it). The
 * account menu shows the same values; deploy/marathon.json's health check reads this file.
 */
function versionFile(): Plugin {
  return {
    name: 'version-file',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'version.json', source: `${JSON.stringify({ name: VERSION.name, version: VERSION.version, commit: VERSION.commit })}\n` });
    },
  };
}

export default defineConfig({
  define: { __CONSOLE_VERSION__: JSON.stringify(VERSION.version), __CONSOLE_COMMIT__: JSON.stringify(VERSION.commit) },
  plugins: [react(), dcosApi(), recordApi(), pressableStyleId(), earlyShell(), precompressed(), versionFile()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // No CORS: Vite would otherwise approve preflights from localhost origins. The console and its API share one origin.
  server: { host, port, strictPort: true, cors: false },
  preview: { host, port, strictPort: true, cors: false },
  // The manifest maps each source module to its chunk: e2e/budgets.spec.ts and bench/ read it to check the byte budgets.
  // One build for any mount (src/lib/base.ts): index.html names its files from the root (a server at another mount puts
  // the mount in front, deploy/), and every URL inside the scripts and stylesheets is relative to the file that holds
  // it, so chunks, preloads and fonts follow wherever the entry was loaded from.
  experimental: { renderBuiltUrl: (_file, { hostType }) => (hostType === 'html' ? undefined : { relative: true }) },
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    manifest: true,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: frameChunkName(), debugName: 'frame', includeDependenciesRecursively: false }] } } },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./vitest.setup.ts'],
    restoreMocks: true,
  },
});
