// Node side (vite.config.ts): the built scripts and stylesheets compressed once at build time, as nginx's gzip_static
// serves them in production (deploy/nginx.conf), instead of on every request.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

/** Built files worth compressing: hashed scripts and stylesheets under /assets/ (names without `/` or `..`). */
const ASSET = /^\/assets\/[\w-]+(?:\.[\w-]+)*\.(js|css)$/;
const TYPES: Record<string, string> = { js: 'text/javascript', css: 'text/css' };

/** Writes `<file>.gz` (zlib's best level: it is done once) next to every built script and stylesheet. */
export function writePrecompressed(outDir: string, files: Iterable<string>): number {
  let written = 0;
  for (const file of files) {
    if (!ASSET.test(`/${file}`)) continue;
    const path = join(outDir, file);
    writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }));
    written++;
  }
  return written;
}

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    return coding === 'gzip' && !params.some((p) => /^\s*q=0(?:\.0*)?\s*$/.test(p));
  });
}

/**
 * Middleware for `vite preview`: answers a GET for a built script or stylesheet with its `.gz` when the browser takes
 * gzip, and leaves everything else (other files, no gzip, no `.gz`) to Vite's own static server.
 */
export function servePrecompressed(outDir: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const pathname = (req.url ?? '').split('?')[0] ?? '';
    const match = ASSET.exec(pathname);
    const gz = join(outDir, `${pathname}.gz`);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !match || !acceptsGzip(req) || !existsSync(gz)) {
      next();
      return;
    }
    // no-cache means "ask again each time": the validator lets that answer be a bodiless 304, so a reload neither
    // downloads the file again nor loses the browser's compiled code for it (as nginx and Vite's own server do).
    const stats = statSync(gz);
    const etag = `W/"${stats.size}-${stats.mtimeMs}-gzip"`;
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', stats.mtime.toUTCString());
    const asked = req.headers['if-none-match'];
    if (asked?.split(',').some((tag) => tag.trim() === etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('Content-Type', TYPES[match[1] ?? ''] ?? 'application/octet-stream');
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', String(stats.size));
    res.end(req.method === 'HEAD' ? undefined : readFileSync(gz));
  };
}
