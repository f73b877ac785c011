import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSimPath, type Simulator } from './simulator.ts';

type Next = (error?: unknown) => void;

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toFetchRequest(req: IncomingMessage, body: Buffer | undefined): Request {
  const encrypted = 'encrypted' in req.socket && req.socket.encrypted === true;
  const protocol = encrypted || req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const init: RequestInit = { method: req.method ?? 'GET', headers };
  if (body !== undefined && body.length > 0) init.body = new Uint8Array(body);
  return new Request(`${protocol}://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, init);
}

async function writeFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  // The body's chunks as they come: a list kept encoded (10,000 accounts) is one chunk, written as is, where
  // `arrayBuffer()` would copy its 1.7 MB twice per request (the bench's simulator budget).
  const chunks: Uint8Array[] = [];
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) chunks.push(read.value);
  res.end(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
}

/**
 * Connect-style middleware that answers the DC/OS API paths from the simulator's MSW handlers over real HTTP, so the
 * browser sees real `Set-Cookie: HttpOnly` headers. Other paths go on to `next` (Vite serves the console).
 */
export function createSimMiddleware(sim: Simulator) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const pathname = new URL(req.url ?? '/', 'http://local').pathname;
    if (!isSimPath(pathname)) {
      next();
      return;
    }
    readBody(req)
      .then((body) => sim.handle(toFetchRequest(req, body)))
      .then((response) => {
        // An injected network failure: drop the connection, as a dead proxy or a cut cable would.
        if (response.type === 'error') {
          res.destroy();
          return;
        }
        return writeFetchResponse(res, response);
      })
      .catch((error: unknown) => {
        console.error('[simulator] request failed:', error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  };
}
