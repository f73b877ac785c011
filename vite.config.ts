/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { frameChunkName } from './build/plugins/chunk-plan.ts';
import { dcosApi } from './build/plugins/dcos-api.ts';
import { earlyShell } from './build/plugins/early-shell.ts';
import { precompressed } from './build/plugins/precompressed.ts';
import { pressableStyleId } from './build/plugins/pressable-style.ts';
import { versionFile } from './build/plugins/version-file.ts';
import { recordApi } from './src/mocks/recording/record.ts';
import { versionInfo } from './scripts/version-info.ts';

// The build's own code (plugins, server-side modules) lives in build/, each plugin with its reasons beside it.
const port = Number(process.env.PORT ?? 5173);
const host = process.env.HOST ?? '127.0.0.1';
const VERSION = versionInfo(fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
  define: { __CONSOLE_VERSION__: JSON.stringify(VERSION.version), __CONSOLE_COMMIT__: JSON.stringify(VERSION.commit) },
  plugins: [
    react(),
    // The DC/OS API: the built-in simulator, or a real cluster with DCOS_URL.
    dcosApi({ host, port, dcosUrl: process.env.DCOS_URL }),
    recordApi(),
    pressableStyleId(),
    earlyShell(),
    precompressed(),
    versionFile(VERSION),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // No CORS: Vite would otherwise approve preflights from localhost origins. The console and its API share one origin.
  server: { host, port, strictPort: true, cors: false },
  preview: { host, port, strictPort: true, cors: false },
  // One build for any mount (src/lib/base.ts): index.html names its files from the root, every other URL is relative
  // to the file that holds it (docs/architecture.md §4).
  experimental: { renderBuiltUrl: (_file, { hostType }) => (hostType === 'html' ? undefined : { relative: true }) },
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    // The manifest maps each source module to its chunk: e2e/budgets.spec.ts and bench/ read it for the byte budgets.
    manifest: true,
    // The chunk plan: docs/decisions/007-chunk-plan.md and build/plugins/chunk-plan.ts.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: frameChunkName(), debugName: 'frame', includeDependenciesRecursively: false }],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    restoreMocks: true,
  },
});
