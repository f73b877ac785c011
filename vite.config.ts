/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type PreviewServer, type ProxyOptions, type ViteDevServer } from 'vite';
import { readSimConfig } from './src/mocks/config.ts';
import { BOOTSTRAP_PASSWORD, BOOTSTRAP_UID } from './src/mocks/db/create-db.ts';
import { createSimMiddleware } from './src/mocks/sim-server.ts';
import { unsealKeyLines } from './src/mocks/db/secrets.ts';
import { SIM_PATH_PREFIXES, createSimulator, type Simulator } from './src/mocks/simulator.ts';
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
    simulator = await createSimulator(readSimConfig());
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

export default defineConfig({
  plugins: [react(), dcosApi()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // No CORS: Vite would otherwise approve preflights from localhost origins. The console and its API share one origin.
  server: { host, port, strictPort: true, cors: false },
  preview: { host, port, strictPort: true, cors: false },
  // The manifest maps each source module to its chunk: e2e/budgets.spec.ts and bench/ read it to check the byte budgets.
  build: { target: 'es2022', sourcemap: false, modulePreload: { polyfill: false }, manifest: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./vitest.setup.ts'],
    restoreMocks: true,
  },
});
