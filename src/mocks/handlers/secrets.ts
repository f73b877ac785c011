import { http, type HttpResponseResolver } from 'msw';
import { isAllowed, isSuperuser } from '../authz.ts';
import {
  MAX_SECRET_VALUE_BYTES,
  SECRET_STORE,
  decryptUnsealKey,
  encryptedUnsealKeys,
  isValidSecretPath,
  listRid,
  sealStatus,
  sealStore,
  secretKeysUnder,
  secretRid,
  selfAndAncestors,
  submitUnsealKey,
} from '../db/secrets.ts';
import type { Action, SimDb, SimSecret, SimTextSecret } from '../db/types.ts';
import { empty, json, parseJsonObject } from '../lib/http.ts';
import type { SimContext } from '../sim-context.ts';
import { guarded, type GuardedResolver } from './guard.ts';

// The Secret Store behind `/secrets/v1` (docs §9, SECY). Every endpoint needs a valid token (Admin Router's 401 page
// otherwise, and the CSRF rule for cookie writes); Admin Router checks no permission on these routes (DOCS
// security/ent/index.md: the Secret Store "enforces its own permissions"), so `dcos:adminrouter:secrets` is not
// required here. The store checks `dcos:secrets:…` rids itself, in every security mode.
//
// Where the docs are silent the simulator decides, and says so below:
// - Error bodies are JSON `{"message": "…"}` (the body is undocumented; a UI test mock used this shape, and the UI
//   branches on the status only).
// - Checks run in this order: store (404), path (400), permission (403), request body (400, 413), seal (503), then
//   the secret's existence (404, 409) and, for reads, the Accept header (400).
// - A sealed store answers every secret read, write and list with 503 "Secret store is sealed" (Vault's status when
//   sealed); the seal endpoints, `seal-status` and `store` still answer.
// Where DC/OS's own integration tests show the answer (ping, store, init, seal, unseal, auto-unseal), it is followed:
// docs/decisions/006.

const SEALED_MESSAGE = 'Secret store is sealed';

function secretsError(status: number, message: string, headers: HeadersInit = {}): Response {
  return json({ message }, status, headers);
}

function unknownStore(store: string): Response {
  return secretsError(404, `Store "${store}" not found; only "${SECRET_STORE}" is supported.`);
}

function forbidden(rid: string, action: Action): Response {
  return secretsError(403, `Forbidden: this needs the permission ${rid} ${action}.`);
}

/** The media type of a Content-Type header, lower-case and without parameters; '' when absent. */
function mediaTypeOf(header: string | null): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Whether an Accept header admits `mediaType` (a missing or empty header admits anything; `q=0` refuses). */
function accepts(header: string | null, mediaType: string): boolean {
  if (header === null || header.trim() === '') return true;
  const major = mediaType.split('/')[0] ?? '';
  return header.split(',').some((part) => {
    const [range = '', ...params] = part.split(';').map((item) => item.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) return false;
    return range === '*/*' || range === mediaType || range === `${major}/*`;
  });
}

/** `?list=` values that mean true, as Go's strconv.ParseBool reads them. */
const LIST_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/** Store and secret path of a `/secrets/v1/secret/{store}/{path}` URL, percent-decoded; null when undecodable. */
function secretUrl(request: Request): { store: string; path: string; list: boolean } | null {
  const url = new URL(request.url);
  const marker = '/secrets/v1/secret';
  const rest = url.pathname.slice(url.pathname.indexOf(marker) + marker.length).replace(/^\//, '');
  const slash = rest.indexOf('/');
  try {
    const store = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
    const path = slash < 0 ? '' : decodeURIComponent(rest.slice(slash + 1));
    return { store, path, list: LIST_TRUE.has(url.searchParams.get('list') ?? '') };
  } catch {
    return null;
  }
}

function invalidPath(path: string): Response {
  return secretsError(
    400,
    `Invalid secret path "${path}": use letters, digits, "-" and "_", with "/" between folders and no leading or trailing "/".`,
  );
}

/** Properties a text secret's JSON body may have: the `Secret` schema, plus the `path` the DC/OS UI sends. */
const TEXT_BODY = {
  value: 'string',
  description: 'string',
  labels: 'labels',
  author: 'string',
  created: 'string',
  path: 'string',
} as const;

type Incoming =
  { kind: 'text'; value: string; description?: string; labels?: string[] } | { kind: 'binary'; bytes: Uint8Array };

function tooLarge(bytes: number): Response {
  // 413 rather than 400: the docs give no status for an oversized secret, and 413 lets a client tell this apart.
  return secretsError(
    413,
    `Secret value is ${bytes} bytes; the limit is ${MAX_SECRET_VALUE_BYTES} bytes (1 MiB minus 1 KiB of metadata).`,
  );
}

/**
 * The new value of a PUT or PATCH: `application/octet-stream` raw bytes (a binary secret) or `application/json`
 * `{"value": string, "description"?: string, "labels"?: [string]}` (a text secret). `author` and `created` are
 * accepted (they are in the `Secret` schema, so a restored backup may carry them) and ignored: the store sets them.
 * `path` is accepted and ignored because the DC/OS UI sends it. Any other property is refused with 400.
 */
async function readSecretBody(request: Request): Promise<Incoming | Response> {
  const mediaType = mediaTypeOf(request.headers.get('content-type'));
  if (mediaType === 'application/octet-stream') {
    const bytes = new Uint8Array(await request.arrayBuffer());
    return bytes.length > MAX_SECRET_VALUE_BYTES ? tooLarge(bytes.length) : { kind: 'binary', bytes };
  }
  if (mediaType !== 'application/json') return secretsError(400, 'Unsupported Content-Type header');
  const body = parseJsonObject(await request.text());
  if (!body) return secretsError(400, 'The request body must be a JSON object such as {"value": "…"}.');
  const unknown = Object.keys(body).filter((key) => !Object.hasOwn(TEXT_BODY, key));
  if (unknown.length > 0) return secretsError(400, `Unexpected properties: ${unknown.join(', ')}.`);
  for (const [name, type] of Object.entries(TEXT_BODY)) {
    const value = body[name];
    if (value === undefined) continue;
    const ok =
      type === 'labels'
        ? Array.isArray(value) && value.every((label) => typeof label === 'string')
        : typeof value === type;
    if (!ok)
      return secretsError(
        400,
        type === 'labels' ? '"labels" must be an array of strings.' : `"${name}" must be a string.`,
      );
  }
  if (body.value === undefined) return secretsError(400, '"value" is required.');
  const value = body.value as string;
  const size = Buffer.byteLength(value, 'utf8');
  if (size > MAX_SECRET_VALUE_BYTES) return tooLarge(size);
  return {
    kind: 'text',
    value,
    ...(body.description === undefined ? {} : { description: body.description as string }),
    ...(body.labels === undefined ? {} : { labels: [...(body.labels as string[])] }),
  };
}

function secretJson(secret: SimTextSecret) {
  return {
    value: secret.value,
    author: secret.author,
    created: secret.created,
    description: secret.description,
    labels: secret.labels,
  };
}

/**
 * GET of a value: a text secret as `application/json` `Secret`, a binary one as `application/octet-stream` bytes.
 * Each only when the Accept header admits its type (no Accept header admits both), else 400 "Unsupported Accept
 * header" (CGO's status for GET). So a client that asks for JSON only cannot read a binary secret, as the dcos-migrate
 * note on sending a wildcard Accept implies; and, by symmetry, one that asks for bytes only cannot read a text secret.
 */
function readSecret(request: Request, secret: SimSecret): Response {
  const accept = request.headers.get('accept');
  if (secret.kind === 'text') {
    if (!accepts(accept, 'application/json'))
      return secretsError(400, 'Unsupported Accept header: this is a text secret, served as application/json.');
    return json(secretJson(secret));
  }
  if (!accepts(accept, 'application/octet-stream')) {
    return secretsError(
      400,
      'Unsupported Accept header: this is a binary secret; send Accept: application/octet-stream or */*.',
    );
  }
  return new Response(Buffer.from(secret.bytes), {
    status: 200,
    headers: { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store' },
  });
}

/**
 * `?list=true`: every secret path under `path`, relative to it and sorted, as `{"array": […]}`. Needs
 * `dcos:secrets:list:default:/<p> read` for `path` itself or any ancestor of it (down from `/`, the whole store):
 * the rid's optional path section reads as a folder and, like an omitted section, covers everything below it (the
 * docs show no list rid per sub-folder). Listing shows names only, so it is not filtered by per-secret permissions.
 * An empty folder is 404, except the store root, which lists as `{"array": []}`. A trailing `/` is tolerated here.
 */
function listSecrets(db: SimDb, uid: string, rawPath: string): Response {
  const path = rawPath.replace(/\/$/, '');
  if (path !== '' && !isValidSecretPath(path)) return invalidPath(rawPath);
  if (!selfAndAncestors(path).some((folder) => isAllowed(db, uid, listRid(folder), 'read')))
    return forbidden(listRid(path), 'read');
  if (db.seal.sealed) return secretsError(503, SEALED_MESSAGE);
  const keys = secretKeysUnder(db, path);
  if (keys.length === 0 && path !== '') return secretsError(404, `No secrets under "${path}".`);
  return json({ array: keys });
}

const ACTION_BY_METHOD: Readonly<Record<string, Action>> = {
  GET: 'read',
  PUT: 'create',
  PATCH: 'update',
  DELETE: 'delete',
};

/**
 * One secret's value: GET reads, PUT creates (201, 409 when it exists), PATCH replaces the value (204; it may switch
 * between text and binary by Content-Type, and keeps the author and creation time), DELETE removes (204). Each needs
 * its action on exactly `dcos:secrets:default:/<path>` (or `full`, or `dcos:superuser`): "You must have one
 * permission per secret. The secret name and permission name must match", so a grant on a folder covers nothing.
 */
async function secretValue(request: Request, db: SimDb, uid: string, path: string): Promise<Response> {
  const method = request.method.toUpperCase();
  const action = ACTION_BY_METHOD[method];
  if (action === undefined)
    return secretsError(405, `Method ${method} not allowed.`, { Allow: 'GET, PUT, PATCH, DELETE' });
  if (!isValidSecretPath(path)) return invalidPath(path);
  if (!isAllowed(db, uid, secretRid(path), action)) return forbidden(secretRid(path), action);

  let incoming: Incoming | undefined;
  if (method === 'PUT' || method === 'PATCH') {
    const read = await readSecretBody(request);
    if (read instanceof Response) return read;
    incoming = read;
  }
  if (db.seal.sealed) return secretsError(503, SEALED_MESSAGE);

  const existing = db.secrets.get(path);
  if (method === 'PUT') {
    if (existing) return secretsError(409, `Secret "${path}" already exists.`);
    if (!incoming) throw new Error('unreachable: PUT without a body');
    const meta = { author: uid, created: new Date().toISOString() };
    db.secrets.set(
      path,
      incoming.kind === 'binary' ? { ...incoming, ...meta } : { description: '', labels: [], ...incoming, ...meta },
    );
    return empty(201);
  }
  if (!existing) return secretsError(404, `Secret "${path}" not found.`);
  if (method === 'GET') return readSecret(request, existing);
  if (method === 'DELETE') {
    db.secrets.delete(path);
    return empty(204);
  }
  if (!incoming) throw new Error('unreachable: PATCH without a body');
  const meta = { author: existing.author, created: existing.created };
  if (incoming.kind === 'binary') db.secrets.set(path, { ...incoming, ...meta });
  else {
    // A text secret keeps its description and labels unless the body replaces them; a binary one had none.
    const kept =
      existing.kind === 'text'
        ? { description: existing.description, labels: existing.labels }
        : { description: '', labels: [] };
    db.secrets.set(path, { ...kept, ...incoming, ...meta });
  }
  return empty(204);
}

function backendJson(db: SimDb) {
  return {
    name: SECRET_STORE,
    description: 'DC/OS default secret store',
    driver: 'vault',
    initialized: true,
    sealed: db.seal.sealed,
  };
}

/** `/secrets/v1/secret`, with or without a store and path. */
const SECRET_URL = /\/secrets\/v1\/secret(?:\/.*)?$/;

const SEAL_ADMIN = 'Forbidden: sealing and unsealing the secret store needs dcos:superuser.';
const STORE_ADMIN = 'Forbidden: the secret store backends are shown only to dcos:superuser.';
const WRONG_KEY = "Unsealing failed: the key is not one of the secret store's unseal keys.";

/** Seal and unseal need a superuser (DOCS secrets/seal-store, unseal-store), in every security mode. */
function superuserOnly(db: SimDb, uid: string, message = SEAL_ADMIN): Response | null {
  return isSuperuser(db, uid) ? null : secretsError(403, message);
}

/**
 * A store procedure (init, seal, unseal, auto-unseal): a valid session (Admin Router), the one store this cluster has,
 * and a superuser, checked in that order; then `resolve`.
 */
function storeAdmin(sim: SimContext, resolve: GuardedResolver): HttpResponseResolver {
  return guarded(
    sim,
    () => null,
    (args) => {
      if (args.params.store !== SECRET_STORE) return unknownStore(String(args.params.store));
      return superuserOnly(args.db, args.principal.uid) ?? resolve(args);
    },
  );
}

/** The `key` of an unseal body `{"key": string}` and nothing else; null for any other body. */
async function readUnsealKey(request: Request): Promise<string | null> {
  const body = parseJsonObject(await request.text());
  if (!body || typeof body.key !== 'string' || Object.keys(body).some((key) => key !== 'key')) return null;
  return body.key;
}

export function secretHandlers(sim: SimContext) {
  const noRequirement = () => null;
  return [
    http.all(
      SECRET_URL,
      guarded(sim, noRequirement, async ({ request, db, principal }) => {
        const target = secretUrl(request);
        if (!target) return secretsError(400, 'The secret path is not valid percent-encoding.');
        if (target.store !== SECRET_STORE) return unknownStore(target.store);
        if (target.list && request.method.toUpperCase() === 'GET') return listSecrets(db, principal.uid, target.path);
        return secretValue(request, db, principal.uid, target.path);
      }),
    ),
    // `GET /ping`: "pong" as text (DC/OS integration test test_if_secrets_ping). Behind Admin Router's token check like
    // every `/secrets/v1` path.
    http.get(
      '*/secrets/v1/ping',
      guarded(
        sim,
        noRequirement,
        () =>
          new Response('pong', {
            status: 200,
            headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
          }),
      ),
    ),
    // The store list and each store are superuser business: DC/OS answers `GET /store` with 403 for an account without
    // dcos:superuser (401 without a token; docs/decisions/006). The console never reads them: the seal status is
    // read from `seal-status`, which any signed-in account may.
    http.get(
      '*/secrets/v1/store',
      guarded(
        sim,
        noRequirement,
        ({ db, principal }) => superuserOnly(db, principal.uid, STORE_ADMIN) ?? json({ array: [backendJson(db)] }),
      ),
    ),
    http.get(
      '*/secrets/v1/store/:backend',
      guarded(sim, noRequirement, ({ db, params, principal }) => {
        if (params.backend !== SECRET_STORE) return unknownStore(String(params.backend));
        return superuserOnly(db, principal.uid, STORE_ADMIN) ?? json(backendJson(db));
      }),
    ),
    http.get(
      '*/secrets/v1/seal-status/:store',
      guarded(sim, noRequirement, ({ db, params }) =>
        params.store === SECRET_STORE ? json(sealStatus(db.seal)) : unknownStore(String(params.store)),
      ),
    ),
    // `GET /init/{store}`: initialized, with the unseal keys still encrypted (test_if_secrets_seal_and_auto_unseal).
    // Superusers only, like every seal and init procedure (DOCS).
    http.get(
      '*/secrets/v1/init/:store',
      storeAdmin(sim, ({ db }) => json({ initialized: true, keys: encryptedUnsealKeys(db.seal) })),
    ),
    // PUT /seal: 204 with no body (test_if_secrets_seal_and_auto_unseal; the docs said only "200").
    http.put(
      '*/secrets/v1/seal/:store',
      storeAdmin(sim, ({ db }) => {
        sealStore(db.seal);
        return empty(204);
      }),
    ),
    // PUT /unseal {"key"}: 200 SealStatus. A key that is none of the shares is answered with 500, sealed or not
    // (test_if_secrets_unseal_wrongkey: a wrong key on an unsealed store is 500), and the progress is kept (real Vault
    // notices a bad share only when the threshold is reached, then resets the progress; an immediate error is kinder
    // to test against). A share already given is ignored; an unsealed store takes a right key and stays as it is.
    http.put(
      '*/secrets/v1/unseal/:store',
      storeAdmin(sim, async ({ request, db }) => {
        const key = await readUnsealKey(request);
        if (key === null) return secretsError(400, 'The request body must be {"key": "<unseal key>"}.');
        if (submitUnsealKey(db.seal, key) === 'invalid') return secretsError(500, WRONG_KEY);
        return json(sealStatus(db.seal));
      }),
    ),
    // PUT /auto-unseal {"key"}: one of the encrypted keys `GET /init` gives, decrypted by the store itself; 200
    // SealStatus (test_if_secrets_seal_and_auto_unseal). Anything else is a wrong key, 500 as for /unseal.
    http.put(
      '*/secrets/v1/auto-unseal/:store',
      storeAdmin(sim, async ({ request, db }) => {
        const key = await readUnsealKey(request);
        if (key === null) return secretsError(400, 'The request body must be {"key": "<encrypted unseal key>"}.');
        const share = decryptUnsealKey(key);
        if (share === null || submitUnsealKey(db.seal, share) === 'invalid') return secretsError(500, WRONG_KEY);
        return json(sealStatus(db.seal));
      }),
    ),
  ];
}
