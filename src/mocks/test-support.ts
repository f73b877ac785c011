// Request builders for the simulator's own unit tests (src/mocks/**/*.test.ts). Not used by the console.
import { SignJWT, exportSPKI, generateKeyPair, type CryptoKey } from 'jose';
import { afterEach, expect } from 'vitest';
import { AUTH_COOKIE, CSRF_HEADER, CSRF_VALUE } from './handlers/guard.ts';
import { SIM_DB_COOKIE } from './sim-context.ts';
import type { Simulator } from './simulator.ts';
import type { SimDb, SimDbOptions } from './db/types.ts';

export const ORIGIN = 'http://127.0.0.1:5173';

/** `cookie`: the auth cookie; `token`: `Authorization: token=…`; `bearer`: `Authorization: Bearer …`. */
export type Via = 'cookie' | 'token' | 'bearer';

export interface Credentials {
  via?: Via;
  token?: string;
  /** Picks a per-test db with the `dcos-sim-db` cookie. */
  dbId?: string;
  method?: string;
  csrf?: boolean;
  body?: string;
  origin?: string;
}

/** A request to `path` on the simulator, authenticated as `credentials` say. */
export function apiRequest(path: string, credentials: Credentials = {}): Request {
  const { via = 'cookie', token, dbId, method = 'GET', csrf = false, body, origin = ORIGIN } = credentials;
  const headers = new Headers();
  const cookies: string[] = [];
  if (dbId !== undefined) cookies.push(`${SIM_DB_COOKIE}=${dbId}`);
  if (token !== undefined) {
    if (via === 'cookie') cookies.push(`${AUTH_COOKIE}=${token}`);
    else headers.set('Authorization', via === 'token' ? `token=${token}` : `Bearer ${token}`);
  }
  if (cookies.length > 0) headers.set('Cookie', cookies.join('; '));
  if (csrf) headers.set(CSRF_HEADER, CSRF_VALUE);
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  return new Request(`${origin}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
}

/**
 * A request to the simulator's test-only control API as the e2e fixture sends it (issue 19): JSON, no Origin, and the
 * test database's cookie when `dbId` is given.
 */
export function controlRequest(
  path: string,
  { method = 'POST', body, dbId }: { method?: string; body?: string; dbId?: string } = {},
): Request {
  const headers = new Headers({ 'Content-Type': 'application/json' });
  if (dbId !== undefined) headers.set('Cookie', `${SIM_DB_COOKIE}=${dbId}`);
  return new Request(`${ORIGIN}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
}

export function loginRequest(body: unknown, options: { dbId?: string; origin?: string } = {}): Request {
  return apiRequest('/acs/api/v1/auth/login', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...options,
  });
}

/** Logs in and returns the token; throws when the simulator refuses. */
export async function loginAs(sim: Simulator, uid: string, password: string, dbId?: string): Promise<string> {
  const response = await sim.handle(loginRequest({ uid, password }, dbId === undefined ? {} : { dbId }));
  if (response.status !== 200)
    throw new Error(`login as ${uid} failed with ${response.status}: ${await response.text()}`);
  const { token } = (await response.json()) as { token: string };
  return token;
}

/** The decoded JSON of one base64url part of a JWT (0: header, 1: payload). */
export function decodeJwtPart(token: string, index: 0 | 1): Record<string, unknown> {
  const part = token.split('.')[index] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A request authenticated with `Authorization: token=…` (so writes need no CSRF header), with an optional JSON body. */
export function iamRequest(method: string, path: string, token: string, body?: unknown, dbId?: string): Request {
  return apiRequest(path, {
    via: 'token',
    token,
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    ...(dbId === undefined ? {} : { dbId }),
  });
}

/** Asserts an IAM JSON error: the status, the JSON content type and exactly this body. */
export async function expectIamError(
  response: Response,
  status: number,
  body: { title: string; description?: string; code?: string },
) {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toBe('application/json');
  expect(await response.json()).toEqual(body);
}

/** Asserts an empty success answer (201 or 204): no body and no content type. */
export async function expectEmpty(response: Response, status: 201 | 204) {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toBeNull();
  expect(await response.text()).toBe('');
}

export interface ServiceKeys {
  privateKey: CryptoKey;
  /** SubjectPublicKeyInfo PEM, as a service account is created with. */
  publicKeyPem: string;
}

/** A fresh RS256 key pair for a service account (slow: generate once per test file). */
export async function createServiceKeys(): Promise<ServiceKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, publicKeyPem: await exportSPKI(publicKey) };
}

/** A service login token as the DC/OS CLI makes one: RS256, `{uid, exp}` with exp `ttlSeconds` ahead. */
export async function serviceLoginToken(
  privateKey: CryptoKey,
  claims: Record<string, unknown>,
  ttlSeconds = 300,
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(privateKey);
}

/** A tiny browser: keeps cookies, sends Accept: text/html like a navigation, and never follows redirects itself. */
export function navigatingBrowser(sim: Simulator) {
  const jar = new Map<string, string>();
  const go = async (method: string, url: string, form?: Record<string, string>) => {
    const headers = new Headers({ Accept: 'text/html,application/xhtml+xml' });
    if (jar.size > 0) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    if (form) headers.set('Content-Type', 'application/x-www-form-urlencoded');
    const init: RequestInit = { method, headers, ...(form ? { body: new URLSearchParams(form).toString() } : {}) };
    const response = await sim.handle(new Request(new URL(url, ORIGIN), init));
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  };
  return { jar, go };
}

/** The action and hidden inputs of the first form on a page, entities decoded. */
export async function formOf(response: Response): Promise<{ action: string; fields: Record<string, string> }> {
  const html = await response.text();
  const decode = (text: string) =>
    text
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[match[1] ?? ''] = decode(match[2] ?? '');
  return { action: decode(/<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? ''), fields };
}

/**
 * A maker of test databases in `sim` that deletes each one after the test that made it. Call it at the top level of a
 * test file: it registers the file's `afterEach`.
 */
export function testDbs(sim: Simulator): (options?: Partial<SimDbOptions>) => SimDb {
  const made: string[] = [];
  afterEach(() => {
    for (const id of made.splice(0)) sim.context.deleteDb(id);
  });
  return (options = {}) => {
    const db = sim.context.createDb(options);
    made.push(db.id);
    return db;
  };
}
