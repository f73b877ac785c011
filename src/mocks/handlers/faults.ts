import { delay, http, HttpResponse } from 'msw';
import type { SimDb } from '../db/types.ts';
import { empty, json, parseJsonObject } from '../lib/http.ts';
import type { SimContext } from '../sim-context.ts';
import { controlRefusal, refused } from './control.ts';

/**
 * Fault injection for tests (docs/architecture.md §6): per database, requests whose path matches a glob can be
 * delayed, answered with any status and body (5xx, 503 read-only text, HTML error pages, malformed or wrong-shaped
 * JSON) or dropped like a network failure — always, for the first `count` matches, or every `every`-th match (a flaky
 * server).
 */
export interface SimFault {
  id: number;
  method: string | null;
  pattern: RegExp;
  path: string;
  status: number | null;
  body: string;
  contentType: string;
  delayMs: number;
  network: boolean;
  /** Matches left before the fault is spent; null: forever. */
  remaining: number | null;
  every: number | null;
  seen: number;
}

const faultsByDb = new WeakMap<SimDb, SimFault[]>();
let nextId = 1;

export function faultsOf(db: SimDb): SimFault[] {
  let list = faultsByDb.get(db);
  if (!list) {
    list = [];
    faultsByDb.set(db, list);
  }
  return list;
}

export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
}

const MAX_DELAY_MS = 120_000;
/** Content types a browser would run as script from a `<script>` or a worker: never served by a fault. */
const SCRIPT_TYPES = /javascript|ecmascript|jscript|livescript|wasm/i;

/**
 * Every fault's answer: a page the browser is sent to downloads it instead of showing it, never sniffs another type,
 * and runs nothing even if shown (issue 19: a fault must not plant a page or a script on the console's origin). The
 * console reads faults with fetch(), which none of these headers change.
 */
export const FAULT_HEADERS: Readonly<Record<string, string>> = {
  'Content-Disposition': 'attachment',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "sandbox; default-src 'none'",
  'Cache-Control': 'no-store',
};

function badFault(why: string): Response {
  return new Response(`Bad fault: ${why}.`, { status: 400, headers: { 'Content-Type': 'text/plain' } });
}

const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Validates a fault description from a test; returns the fault or why it is refused. */
export function parseFault(body: Record<string, unknown>): Omit<SimFault, 'id' | 'seen'> | string {
  const { path, method, status, body: text, contentType, delayMs, network, count, every } = body;
  if (typeof path !== 'string' || !path.startsWith('/'))
    return 'path must be a glob starting with / (e.g. /acs/api/v1/users*)';
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Z]+$/.test(method)))
    return 'method must be an upper-case HTTP method';
  if (status !== undefined && !isWhole(status, 200, 599)) return 'status must be 200–599';
  if (text !== undefined && typeof text !== 'string') return 'body must be a string';
  if (contentType !== undefined && typeof contentType !== 'string') return 'contentType must be a string';
  if (typeof contentType === 'string' && SCRIPT_TYPES.test(contentType)) return 'contentType may not be a script type';
  if (delayMs !== undefined && !isWhole(delayMs, 0, MAX_DELAY_MS)) return `delayMs must be 0–${MAX_DELAY_MS}`;
  if (network !== undefined && typeof network !== 'boolean') return 'network must be true or false';
  if (count !== undefined && !isWhole(count, 1, 1_000_000)) return 'count must be a positive whole number';
  if (every !== undefined && !isWhole(every, 1, 1_000_000)) return 'every must be a positive whole number';
  if (status === undefined && network !== true && delayMs === undefined)
    return 'give a status, network: true or a delayMs';
  return {
    method: method ?? null,
    pattern: globToRegExp(path),
    path,
    status: status ?? null,
    body: text ?? '',
    contentType: contentType ?? 'application/json',
    delayMs: delayMs ?? 0,
    network: network === true,
    remaining: count ?? null,
    every: every ?? null,
  };
}

/** The fault that applies to this request, counting it; null when none does. */
export function takeFault(db: SimDb, request: Request): SimFault | null {
  const list = faultsOf(db);
  const { pathname } = new URL(request.url);
  for (const fault of list) {
    if (fault.method !== null && fault.method !== request.method) continue;
    if (!fault.pattern.test(pathname)) continue;
    fault.seen += 1;
    if (fault.every !== null && fault.seen % fault.every !== 0) continue;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining === 0) list.splice(list.indexOf(fault), 1);
    }
    return fault;
  }
  return null;
}

/** First in the handler list: applies a matching fault, or lets the request through to the real handlers. */
export function faultHandlers(sim: SimContext) {
  return [
    http.post('*/__sim/faults', async ({ request }) => {
      const refusal = controlRefusal(request, true);
      if (refusal !== null) return refused(refusal);
      const db = sim.dbFor(request);
      if (!db) return badFault('no simulator database for this request (dcos-sim-db cookie)');
      const body = parseJsonObject(await request.text());
      if (!body) return badFault('the body must be a JSON object');
      const fault = parseFault(body);
      if (typeof fault === 'string') return badFault(fault);
      const id = nextId++;
      faultsOf(db).push({ ...fault, id, seen: 0 });
      return json({ id }, 201);
    }),
    http.delete('*/__sim/faults', ({ request }) => {
      const refusal = controlRefusal(request, true);
      if (refusal !== null) return refused(refusal);
      const db = sim.dbFor(request);
      if (db) faultsOf(db).length = 0;
      return empty(204);
    }),
    // A RegExp without groups: MSW decodes nothing, so a malformed escape reaches the handlers that answer it with 400.
    http.all(/.*/, async ({ request }) => {
      if (new URL(request.url).pathname.startsWith('/__sim/')) return undefined;
      const db = sim.dbFor(request);
      // The default database (the demo's) never has faults; only a test's own database does.
      const fault = db && db !== sim.defaultDb ? takeFault(db, request) : null;
      if (!fault) return undefined;
      if (fault.delayMs > 0) await delay(fault.delayMs);
      if (fault.network) return HttpResponse.error();
      if (fault.status === null) return undefined; // a delay only: on to the real handler
      // X-Sim-Fault: a test made this answer up, so the e2e contract check (e2e/contract/) leaves it alone.
      return new Response(fault.status === 204 ? null : fault.body, {
        status: fault.status,
        headers: { ...FAULT_HEADERS, 'Content-Type': fault.contentType, 'X-Sim-Fault': String(fault.id) },
      });
    }),
  ];
}
