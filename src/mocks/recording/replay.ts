// Replays a recorded directory (record.ts) against the simulator, one exchange at a time in the order the console sent
// them, and names every difference in status, content type, IAM error code, WWW-Authenticate or JSON shape. A recording
// made against `npm run sim` replays without a difference; one made against a real cluster shows where the simulator
// lies (and, since its data differ, where the cluster simply holds other things: read those with that in mind).
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BOOTSTRAP_PASSWORD, BOOTSTRAP_UID, DEMO_USERS } from '../db/create-db.ts';
import { AUTH_COOKIE, INFO_COOKIE } from '../handlers/guard.ts';
import { signAuthToken } from '../lib/jwt.ts';
import { SIM_DB_COOKIE } from '../sim-context.ts';
import type { Simulator } from '../simulator.ts';
import { REDACTED, type RecordedBody, type RecordedExchange } from './exchange.ts';

export interface Difference {
  seq: number;
  request: string;
  what: 'status' | 'content-type' | 'code' | 'www-authenticate' | 'shape' | 'not replayed';
  recorded: string;
  simulated: string;
}

export function readRecording(dir: string): RecordedExchange[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as RecordedExchange)
    .sort((a, b) => a.seq - b.seq);
}

/** Passwords the simulator's demo accounts sign in with; a recording never holds one. */
const PASSWORDS: Readonly<Record<string, string>> = {
  [BOOTSTRAP_UID]: BOOTSTRAP_PASSWORD,
  ...Object.fromEntries(DEMO_USERS.map((user) => [user.uid, user.password])),
};

// ---- Shapes -----------------------------------------------------------------------------------------------------

type Shape =
  | { type: 'object'; keys: Map<string, Shape> }
  | { type: 'array'; items: Shape | null }
  | { type: 'string' | 'number' | 'boolean' | 'null' };

function shapeOf(value: unknown): Shape {
  if (value === null) return { type: 'null' };
  if (Array.isArray(value))
    return { type: 'array', items: value.reduce<Shape | null>((merged, item) => merge(merged, shapeOf(item)), null) };
  if (typeof value === 'object')
    return { type: 'object', keys: new Map(Object.entries(value).map(([k, v]) => [k, shapeOf(v)])) };
  return { type: typeof value as 'string' | 'number' | 'boolean' };
}

/** Two shapes as one: an array's items are compared as the union of their keys (a service account has `public_key`). */
function merge(a: Shape | null, b: Shape): Shape {
  if (a?.type !== b.type) return a ?? b;
  if (a.type === 'object' && b.type === 'object') {
    const keys = new Map(a.keys);
    for (const [k, v] of b.keys) keys.set(k, merge(keys.get(k) ?? null, v));
    return { type: 'object', keys };
  }
  if (a.type === 'array' && b.type === 'array')
    return { type: 'array', items: b.items === null ? a.items : merge(a.items, b.items) };
  return a;
}

/** Where two shapes differ, as `path: recorded ≠ simulated` lines. */
export function shapeDifferences(recorded: unknown, simulated: unknown): string[] {
  const out: string[] = [];
  const walk = (a: Shape, b: Shape, path: string) => {
    if (a.type !== b.type) {
      out.push(`${path || '(body)'}: ${a.type} ≠ ${b.type}`);
      return;
    }
    if (a.type === 'object' && b.type === 'object') {
      for (const [k, v] of a.keys) {
        const other = b.keys.get(k);
        if (other === undefined) out.push(`${path}.${k}: present ≠ missing`);
        else walk(v, other, `${path}.${k}`);
      }
      for (const k of b.keys.keys()) if (!a.keys.has(k)) out.push(`${path}.${k}: missing ≠ present`);
    }
    if (a.type === 'array' && b.type === 'array' && a.items !== null && b.items !== null)
      walk(a.items, b.items, `${path}[]`);
  };
  walk(shapeOf(recorded), shapeOf(simulated), '');
  return out;
}

// ---- Requests ---------------------------------------------------------------------------------------------------

/** Why an exchange cannot be replayed, or null when it can. */
function notReplayable(exchange: RecordedExchange): string | null {
  const { path, method } = exchange.request;
  if (
    path === '/acs/api/v1/auth/oidc/callback' ||
    path.endsWith('/acs-callback') ||
    (path === '/acs/api/v1/auth/login' && method === 'GET')
  ) {
    return 'single sign-on goes through an identity provider the replay cannot reach';
  }
  return null;
}

function publicKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 })
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();
}

/**
 * The recorded JSON body with its redactions filled in with values of the kind the recorded answer implies: the
 * account's demo password (a wrong one when the cluster refused the sign-in), a right unseal key or a wrong one, a
 * fresh public key, and placeholder text for secret values.
 */
function restoredJson(exchange: RecordedExchange, body: unknown, sim: Simulator, dbId: string): unknown {
  const ok = exchange.response.status < 400;
  const db = sim.context.dbFor(new Request('http://replay/', { headers: { Cookie: `${SIM_DB_COOKIE}=${dbId}` } }));
  const fill = (key: string, value: unknown): unknown => {
    if (value !== REDACTED) return value;
    if (key === 'password') return ok ? (PASSWORDS[exchange.account ?? ''] ?? 'unknown-password') : 'a-wrong-password';
    if (key === 'key') return ok ? (db?.seal.keys.find((k) => !db.seal.submitted.has(k)) ?? 'no-key') : 'a-wrong-key';
    if (key === 'public_key') return publicKeyPem();
    return 'replayed value';
  };
  const walk = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return fill(key, value);
  };
  return walk(body, '');
}

function bodyInit(exchange: RecordedExchange, sim: Simulator, dbId: string): BodyInit | undefined {
  const body = exchange.request.body;
  if (body === null) return undefined;
  if ('json' in body) return JSON.stringify(restoredJson(exchange, body.json, sim, dbId));
  if ('text' in body) return body.text;
  if ('form' in body) return new URLSearchParams(body.form).toString();
  return new Uint8Array(body.binary);
}

async function replayRequest(exchange: RecordedExchange, sim: Simulator, dbId: string): Promise<Request> {
  const { method, path, query, headers } = exchange.request;
  const out = new Headers();
  for (const name of ['content-type', 'accept', 'x-requested-with'])
    if (headers[name] !== undefined) out.set(name, headers[name]);
  const cookies = [`${SIM_DB_COOKIE}=${dbId}`];
  const sent = headers.cookie ?? '';
  const account = exchange.account;
  const db = sim.context.dbFor(new Request('http://replay/', { headers: { Cookie: `${SIM_DB_COOKIE}=${dbId}` } }));
  const token =
    account !== null && db?.users.has(account)
      ? await signAuthToken(sim.context.keys, account, db.tokenTtlSeconds)
      : 'not-a-token-for-an-unknown-account';
  if (sent.includes(`${AUTH_COOKIE}=`)) cookies.push(`${AUTH_COOKIE}=${token}`);
  if (sent.includes(`${INFO_COOKIE}=`) && account !== null)
    cookies.push(`${INFO_COOKIE}=${Buffer.from(JSON.stringify({ uid: account })).toString('base64')}`);
  out.set('cookie', cookies.join('; '));
  if (headers.authorization !== undefined) out.set('authorization', headers.authorization.replace(REDACTED, token));
  const body = method === 'GET' || method === 'HEAD' ? undefined : bodyInit(exchange, sim, dbId);
  return new Request(`http://127.0.0.1:5173${path}${query === '' ? '' : `?${query}`}`, {
    method,
    headers: out,
    ...(body === undefined ? {} : { body }),
  });
}

// ---- Answers ----------------------------------------------------------------------------------------------------

const mediaType = (value: string | string[] | null | undefined) =>
  String(value ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase() ?? '';

async function simulatedBody(response: Response): Promise<RecordedBody> {
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length === 0) return null;
  const media = mediaType(response.headers.get('content-type'));
  if (media === 'application/json') {
    try {
      return { json: JSON.parse(bytes.toString('utf8')) as unknown };
    } catch {
      return { text: bytes.toString('utf8') };
    }
  }
  return media.startsWith('text/') ? { text: bytes.toString('utf8') } : { binary: bytes.length };
}

const bodyKind = (body: RecordedBody) => (body === null ? 'no body' : (Object.keys(body)[0] ?? 'no body'));
const codeOf = (body: RecordedBody) =>
  body && 'json' in body && body.json !== null && typeof body.json === 'object'
    ? (body.json as { code?: unknown }).code
    : undefined;

/** Every difference between the recording and what the simulator answers to the same requests, in order. */
export async function replay(exchanges: readonly RecordedExchange[], sim: Simulator): Promise<Difference[]> {
  const db = sim.context.createDb();
  const differences: Difference[] = [];
  try {
    for (const exchange of exchanges) {
      const label = `${exchange.request.method} ${exchange.request.path}${exchange.request.query === '' ? '' : `?${exchange.request.query}`}`;
      const add = (what: Difference['what'], recorded: unknown, simulated: unknown) =>
        differences.push({
          seq: exchange.seq,
          request: label,
          what,
          recorded: String(recorded),
          simulated: String(simulated),
        });
      const skip = notReplayable(exchange);
      if (skip) {
        add('not replayed', skip, '—');
        continue;
      }
      const response = await sim.handle(await replayRequest(exchange, sim, db.id));
      const recorded = exchange.response;
      const body = await simulatedBody(response);
      if (response.status !== recorded.status) add('status', recorded.status, response.status);
      if (mediaType(recorded.headers['content-type']) !== mediaType(response.headers.get('content-type'))) {
        add('content-type', recorded.headers['content-type'] ?? 'none', response.headers.get('content-type') ?? 'none');
      }
      const authenticate = recorded.headers['www-authenticate'];
      if ((authenticate ?? null) !== response.headers.get('www-authenticate'))
        add('www-authenticate', authenticate ?? 'none', response.headers.get('www-authenticate') ?? 'none');
      if (codeOf(recorded.body) !== codeOf(body)) add('code', codeOf(recorded.body) ?? 'none', codeOf(body) ?? 'none');
      if (bodyKind(recorded.body) !== bodyKind(body)) add('shape', bodyKind(recorded.body), bodyKind(body));
      else if (recorded.body && body && 'json' in recorded.body && 'json' in body) {
        for (const line of shapeDifferences(recorded.body.json, body.json)) {
          const [where = '', what = ''] = line.split(': ');
          const [a = '', b = ''] = what.split(' ≠ ');
          differences.push({
            seq: exchange.seq,
            request: `${label} ${where}`,
            what: 'shape',
            recorded: a,
            simulated: b,
          });
        }
      }
    }
  } finally {
    sim.context.deleteDb(db.id);
  }
  return differences;
}

/** A readable report, one line per difference. */
export function formatDifferences(differences: readonly Difference[]): string {
  if (differences.length === 0) return 'No differences.';
  return differences
    .map((d) => `#${d.seq} ${d.request} — ${d.what}: recorded ${d.recorded}, simulator ${d.simulated}`)
    .join('\n');
}
