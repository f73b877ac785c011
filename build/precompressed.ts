// Node side (vite.config.ts): the built scripts and stylesheets compressed once at build time (brotli and gzip, each
// at its best level), as nginx's brotli_static and gzip_static serve them in production (deploy/nginx.conf), instead
// of on every request.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Built files worth compressing: hashed scripts and stylesheets under /assets/ (names without `/` or `..`). */
const ASSET = /^\/assets\/[\w-]+(?:\.[\w-]+)*\.(js|css)$/;
const TYPES: Record<string, string> = { js: 'text/javascript', css: 'text/css' };

/** The encodings written beside each file, in the order they are preferred: brotli is 10–15 % smaller than gzip. */
const ENCODINGS = [
  {
    coding: 'br',
    suffix: '.br',
    compress: (data: Buffer) =>
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
  },
  {
    coding: 'gzip',
    suffix: '.gz',
    compress: (data: Buffer) => gzipSync(data, { level: constants.Z_BEST_COMPRESSION }),
  },
] as const;

/** Writes `<file>.br` and `<file>.gz` (each at its best level: it is done once) next to every built script and stylesheet. */
export function writePrecompressed(outDir: string, files: Iterable<string>): number {
  let written = 0;
  for (const file of files) {
    if (!ASSET.test(`/${file}`)) continue;
    const path = join(outDir, file);
    const data = readFileSync(path);
    for (const { suffix, compress } of ENCODINGS) writeFileSync(`${path}${suffix}`, compress(data));
    written++;
  }
  return written;
}

/** The codings the request's Accept-Encoding takes (any q above 0). */
function accepted(req: IncomingMessage): Set<string> {
  const header = req.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const codings = new Set<string>();
  for (const part of value.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding && !params.some((p) => /^\s*q=0(?:\.0*)?\s*$/.test(p))) codings.add(coding.trim());
  }
  return codings;
}

/**
 * Middleware for `vite preview`: answers a GET for a built script or stylesheet with its `.br` when the browser takes
 * brotli, else its `.gz` when it takes gzip, and leaves everything else (other files, neither coding taken, no such
 * file) to Vite's own static server.
 */
export function servePrecompressed(outDir: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const pathname = (req.url ?? '').split('?')[0] ?? '';
    const match = ASSET.exec(pathname);
    const takes = match && (req.method === 'GET' || req.method === 'HEAD') ? accepted(req) : new Set<string>();
    const encoding = ENCODINGS.find(
      ({ coding, suffix }) => takes.has(coding) && existsSync(join(outDir, `${pathname}${suffix}`)),
    );
    if (!match || !encoding) {
      next();
      return;
    }
    const file = join(outDir, `${pathname}${encoding.suffix}`);
    // no-cache means "ask again each time": the validator lets that answer be a bodiless 304, so a reload neither
    // downloads the file again nor loses the browser's compiled code for it (as nginx and Vite's own server do).
    const stats = statSync(file);
    const etag = `W/"${stats.size}-${stats.mtimeMs}-${encoding.coding}"`;
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
    res.setHeader('Content-Encoding', encoding.coding);
    res.setHeader('Content-Length', String(stats.size));
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  };
}
