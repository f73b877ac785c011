import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the bench-only naive list page and the fetch-and-parse floor page (bench/naive/) into the bench's output, under /__bench/naive/, so that
 * `vite preview` serves it next to the console with the same simulator and CSP. The console's own build
 * (vite.config.ts) has index.html as its only input and never includes it.
 */
const outDir = process.env.BENCH_NAIVE_OUT_DIR;
if (!outDir) throw new Error('BENCH_NAIVE_OUT_DIR must name the output folder (bench/run.ts sets it)');

export default defineConfig({
  root: fileURLToPath(new URL('./naive', import.meta.url)),
  base: '/__bench/naive/',
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('../src', import.meta.url)) } },
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    // The naive page, and the fetch-and-parse floor (floor.html): a page that only fetches and parses the list.
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./naive/index.html', import.meta.url)),
        floor: fileURLToPath(new URL('./naive/floor.html', import.meta.url)),
      },
    },
  },
});
