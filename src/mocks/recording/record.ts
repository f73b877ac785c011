// Recording mode: `DCOS_URL=https://cluster RECORD=dir npm run dev` writes each API exchange the console makes through
// the proxy to `dir`, one JSON file each (exchange.ts), redacted (redact.ts). `replay.test.ts` then sends them to the
// simulator and reports every difference. See the README, "Recording a real cluster".
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { Plugin } from 'vite';
import type { RecordedExchange } from './exchange.ts';
import {
  accountFromCookies,
  recordBody,
  recordRequestHeaders,
  recordResponseHeaders,
  redactParameters,
} from './redact.ts';

/** The part of http-proxy's server the recorder listens to. */
export interface ProxyEvents {
  on(event: 'proxyReq', listener: (proxyReq: unknown, req: IncomingMessage, res: ServerResponse) => void): unknown;
  on(
    event: 'proxyRes',
    listener: (proxyRes: IncomingMessage, req: IncomingMessage, res: ServerResponse) => void,
  ): unknown;
}

function decoded(bytes: Buffer, encoding: string | undefined): Buffer {
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(bytes);
    if (encoding === 'br') return brotliDecompressSync(bytes);
    if (encoding === 'deflate') return inflateSync(bytes);
  } catch {
    // Recorded as it came.
  }
  return bytes;
}

function slug(path: string): string {
  return path
    .replace(/^\//, '')
    .replace(/[^a-zA-Z0-9._-]+/g, '_')
    .slice(0, 80);
}

/** The uid a sign-in names (not a secret), for the login exchange itself. */
function loginUid(exchange: Pick<RecordedExchange, 'request'>): string | null {
  const body = exchange.request.body;
  if (exchange.request.path !== '/acs/api/v1/auth/login' || !body || !('json' in body)) return null;
  const uid = (body.json as { uid?: unknown } | null)?.uid;
  return typeof uid === 'string' ? uid : null;
}

export interface Recorder {
  /** Listens to one proxy's requests and answers. */
  attach(proxy: ProxyEvents): void;
  /** Exchanges written so far. */
  count(): number;
}

/** Writes each exchange through the attached proxies to `dir` as `NNNN-METHOD-path.json`. */
export function createRecorder(dir: string): Recorder {
  mkdirSync(dir, { recursive: true });
  let seq = 0;
  let written = 0;
  const started = new WeakMap<IncomingMessage, { seq: number; chunks: Buffer[] }>();
  return {
    count: () => written,
    attach(proxy) {
      proxy.on('proxyReq', (_proxyReq, req) => {
        // The body is piped to the cluster right after this event; listening now sees every chunk.
        const entry = { seq: ++seq, chunks: [] as Buffer[] };
        started.set(req, entry);
        req.on('data', (chunk: Buffer) => entry.chunks.push(chunk));
      });
      proxy.on('proxyRes', (proxyRes, req) => {
        const entry = started.get(req);
        if (!entry) return;
        const chunks: Buffer[] = [];
        proxyRes.on('data', (chunk: Buffer) => chunks.push(chunk));
        proxyRes.on('end', () => {
          const url = new URL(
            (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/',
            'http://recorded',
          );
          const requestBody = Buffer.concat(entry.chunks);
          const responseBody = decoded(Buffer.concat(chunks), proxyRes.headers['content-encoding']);
          const exchange: RecordedExchange = {
            seq: entry.seq,
            account: accountFromCookies(req.headers.cookie),
            request: {
              method: req.method ?? 'GET',
              path: url.pathname,
              query: redactParameters(url.search.replace(/^\?/, '')),
              headers: recordRequestHeaders(req.headers),
              body: recordBody(requestBody, req.headers['content-type']),
            },
            response: {
              status: proxyRes.statusCode ?? 0,
              headers: recordResponseHeaders(proxyRes.headers),
              body: recordBody(responseBody, proxyRes.headers['content-type']),
            },
          };
          exchange.account ??= loginUid(exchange);
          const name = `${String(exchange.seq).padStart(4, '0')}-${exchange.request.method}-${slug(exchange.request.path)}.json`;
          writeFileSync(join(dir, name), `${JSON.stringify(exchange, null, 2)}\n`);
          written += 1;
        });
      });
    },
  };
}

/**
 * The Vite plugin: with `RECORD=dir` (and `DCOS_URL`, whose proxy it listens to), every proxied API exchange is
 * recorded. Without `RECORD` it does nothing.
 */
export function recordApi(env: NodeJS.ProcessEnv = process.env): Plugin {
  const dir = env.RECORD;
  return {
    name: 'dcos-record',
    config(config) {
      if (!dir) return;
      if (!env.DCOS_URL)
        throw new Error('RECORD=dir records what a cluster answers through the proxy: set DCOS_URL too.');
      const recorder = createRecorder(resolve(dir));
      const wrapped = new WeakSet<object>();
      for (const proxies of [config.server?.proxy, config.preview?.proxy]) {
        for (const options of Object.values(proxies ?? {})) {
          if (typeof options !== 'object' || wrapped.has(options)) continue;
          wrapped.add(options);
          const previous = options.configure;
          options.configure = (proxy, proxyOptions) => {
            previous?.(proxy, proxyOptions);
            recorder.attach(proxy);
          };
        }
      }
      console.log(
        `  Recording every API exchange to ${resolve(dir)} (tokens, passwords, keys and secret values redacted).`,
      );
    },
  };
}
