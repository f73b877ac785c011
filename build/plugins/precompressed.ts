import type { Plugin } from 'vite';
import { servePrecompressed, writePrecompressed } from '../precompressed.ts';
import { servePreviewFallbacks } from '../preview-fallbacks.ts';

/**
 * The built scripts and stylesheets compressed once, at build time (brotli and gzip, each at its best level), next to
 * each file: nginx serves them with brotli_static and gzip_static (deploy/nginx.conf) and `vite preview` likewise,
 * instead of compressing them on every request, which cost the first load tens of milliseconds of server time before
 * the first byte; brotli, which every current browser takes, is 10–15 % smaller than gzip (issue 9).
 */
export function precompressed(): Plugin {
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
