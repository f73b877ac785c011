import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize } from 'node:path';

/**
 * Middleware for `vite preview`, so it answers as deploy/nginx.conf does where Vite's own static server differs
 * (issue 19):
 * - a missing file under /assets/ is a 404, never index.html with a 200 (HTML served as a script only confuses the
 *   browser, and a half-copied release must fail loudly): nginx's `try_files $uri =404`;
 * - a path with a malformed escape (`/settings/oidc/%`) gets the console, whose router shows "Page not found", instead
 *   of Vite's empty 404, which left a blank page.
 */
export function servePreviewFallbacks(outDir: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.end(req.method === 'HEAD' ? undefined : readFileSync(join(outDir, 'index.html')));
      return;
    }
    const file = normalize(decoded);
    if (pathname.startsWith('/assets/') && (!file.startsWith('/assets/') || !existsSync(join(outDir, file)))) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
      return;
    }
    next();
  };
}
