import type { Plugin, PreviewServer, ProxyOptions, ViteDevServer } from 'vite';
import { SIM_CONTROL_NOTICE, readSimConfig, readSimControl } from '../../src/mocks/config.ts';
import { BOOTSTRAP_PASSWORD, BOOTSTRAP_UID } from '../../src/mocks/db/create-db.ts';
import { unsealKeyLines } from '../../src/mocks/db/secrets.ts';
import { createSimMiddleware } from '../../src/mocks/sim-server.ts';
import { SIM_PATH_PREFIXES, createSimulator, type Simulator } from '../../src/mocks/simulator.ts';
import { SECURITY_HEADERS } from '../security-headers.ts';

export interface DcosApiOptions {
  host: string;
  port: number;
  /** A real cluster (or `npm run sim`) to proxy the API to; without it, the built-in simulator answers. */
  dcosUrl: string | undefined;
}

function announce(
  server: ViteDevServer | PreviewServer,
  what: string,
  { host, port, dcosUrl }: DcosApiOptions,
  simulator: () => Simulator | undefined,
) {
  server.httpServer?.once('listening', () => {
    setTimeout(() => {
      console.log(`\n  DC/OS security console on http://${host}:${port}/ (${what})`);
      const sim = simulator();
      if (!dcosUrl && sim) {
        console.log(`  Demo sign-in: ${BOOTSTRAP_UID} / ${BOOTSTRAP_PASSWORD}`);
        for (const line of unsealKeyLines(sim.context.defaultDb)) console.log(`  ${line}`);
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
export function dcosApi(options: DcosApiOptions): Plugin {
  const { dcosUrl } = options;
  let simulator: Simulator | undefined;
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
      announce(
        server,
        dcosUrl ? `proxying the API to ${dcosUrl}` : 'development, built-in simulator',
        options,
        () => simulator,
      );
      await attachSimulator(server);
    },
    async configurePreviewServer(server) {
      announce(server, dcosUrl ? `proxying the API to ${dcosUrl}` : 'built-in simulator', options, () => simulator);
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
        next();
      });
      await attachSimulator(server);
    },
  };
}
