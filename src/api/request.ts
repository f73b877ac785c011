import './zod-config.ts';
import type { z } from 'zod/mini';
import { takeEarlyResponse } from './early-responses.ts';
import { ApiError, decodeErrorResponse } from './errors.ts';
import { fastSafeParse } from './fast-parse.ts';

/** Sent on every request; the cluster-side rule refuses cookie-authenticated writes without it (CSRF). */
export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_VALUE = 'dcos-console';
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is with `contentType` (binary secrets). */
  rawBody?: { data: Blob | Uint8Array<ArrayBuffer>; contentType: string };
  accept?: string;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
  /** False for the sign-in and sign-out calls: their 401 is an answer, not an ended session. */
  reauth?: boolean;
}

/** Resolves true once the person has signed in again (the request is then sent once more), false otherwise. */
export type UnauthenticatedHandler = (error: ApiError) => Promise<boolean>;
let onUnauthenticated: UnauthenticatedHandler | null = null;

/**
 * Where a 401 goes instead of straight to the caller: the app's re-authentication dialog registers here while a
 * signed-in page is shown. Every request that fails meanwhile waits for the same answer. Returns the unregister.
 */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler): () => void {
  onUnauthenticated = handler;
  return () => {
    if (onUnauthenticated === handler) onUnauthenticated = null;
  };
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json', [CSRF_HEADER]: CSRF_VALUE };
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    signal,
    cache: 'no-store',
  };
  if (options.rawBody) {
    headers['Content-Type'] = options.rawBody.contentType;
    init.body = options.rawBody.data;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await (earlyResponse(path, options, init, signal) ?? fetch(path, init));
  } catch (error) {
    if (options.signal?.aborted) throw error; // the caller cancelled: not a failure to show
    if (timeout.aborted) {
      throw new ApiError({
        status: 0,
        kind: 'unavailable',
        title: 'Timed out',
        description: `The cluster did not answer within ${Math.round(timeoutMs / 1000)} s.`,
      });
    }
    throw new ApiError({
      status: 0,
      kind: 'unavailable',
      title: 'Network error',
      description: 'The cluster could not be reached. Check your connection and try again.',
    });
  }
  if (!response.ok) {
    const error = await decodeErrorResponse(response, path);
    // The server did not act on a request it refused as unauthenticated, so sending it again once is safe.
    if (error.kind === 'unauthenticated' && options.reauth !== false && onUnauthenticated && !options.signal?.aborted) {
      if (await onUnauthenticated(error)) return send(path, { ...options, reauth: false });
    }
    throw error;
  }
  return response;
}

/**
 * For a plain GET, the answer theme-init.js already asked for, if any (src/api/early-responses.ts): the same request,
 * sent while the entry downloaded. It rejects as a fetch would when `signal` aborts; if it failed, a fresh fetch is
 * made, so an early network error is never the only try.
 */
function earlyResponse(
  path: string,
  options: RequestOptions,
  init: RequestInit,
  signal: AbortSignal,
): Promise<Response> | undefined {
  if (
    (options.method ?? 'GET') !== 'GET' ||
    options.body !== undefined ||
    options.rawBody ||
    options.accept !== undefined
  )
    return undefined;
  const early = takeEarlyResponse(path);
  if (!early) return undefined;
  return new Promise<Response>((resolve, reject) => {
    const abort = () => reject(signal.reason as Error);
    if (signal.aborted) {
      abort();
      return;
    }
    signal.addEventListener('abort', abort, { once: true });
    early
      .catch(() => fetch(path, init))
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', abort));
  });
}

function malformed(description: string, status: number): ApiError {
  return new ApiError({ status, kind: 'malformed', title: 'Unexpected response', description });
}

/** A request whose JSON answer is parsed with `schema`; a wrong shape is an ordinary ApiError of kind `malformed`. */
export async function request<T>(path: string, schema: z.ZodMiniType<T>, options: RequestOptions = {}): Promise<T> {
  return readJson(await send(path, options), schema);
}

/** Reads a successful response's JSON with `schema`, with the same errors as `request` (for callers that need the headers). */
export async function readJson<T>(response: Response, schema: z.ZodMiniType<T>): Promise<T> {
  const text = await response.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed('The cluster answered with something that is not JSON.', response.status);
  }
  const parsed = fastSafeParse(schema, value);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') ?? '';
    const where = path === '' ? 'the response' : path;
    throw malformed(`The cluster's answer has an unexpected shape (at ${where}).`, response.status);
  }
  return parsed.data;
}

/** A request whose answer the caller reads itself (binary secrets); errors are decoded as everywhere else. */
export async function requestResponse(path: string, options: RequestOptions = {}): Promise<Response> {
  return send(path, options);
}

/** A request whose answer has no body worth reading (204, or 200 with an empty body). */
export async function requestVoid(path: string, options: RequestOptions = {}): Promise<void> {
  const response = await send(path, options);
  await response.body?.cancel();
}
