import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { ApiError } from './errors.ts';
import { request, requestResponse, requestVoid } from './request.ts';
import { listSchema } from './schemas.ts';

const SECRETS = '/secrets/v1';
/** DC/OS supports only the `default` store. */
export const STORE = 'default';
/** "You cannot store a secret larger than one megabyte": about 1 MiB, less about 1 KiB the store keeps as metadata. */
export const MAX_SECRET_BYTES = 1024 * 1024 - 1024;

/** Each segment encoded, the slashes kept: `a/b c` → `a/b%20c`. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
const secretUrl = (path: string) => `${SECRETS}/secret/${STORE}/${encodePath(path)}`;

/** What a path may not contain, named for the message: "a space", or the character in quotes. */
function badCharacters(path: string): string {
  const bad = [...new Set(Array.from(path).filter((c) => !/[a-zA-Z0-9\-_/]/.test(c)))];
  return bad.map((c) => (/\s/.test(c) ? 'a space' : `“${c}”`)).join(', ');
}

/** The DC/OS UI's path rule: segments of letters, digits, `-` and `_`, no leading or trailing `/`. */
export const secretPathSchema = z.string().check(
  z.trim(),
  z.minLength(1, 'Enter a path, for example group/app/password.'),
  z.refine((p) => !p.startsWith('/') && !p.endsWith('/'), 'No / at the start or the end.'),
  z.refine((p) => !p.includes('//'), 'Empty segments (//) are not allowed.'),
  z.refine((p) => /^[a-zA-Z0-9\-_/]+$/.test(p), {
    // Naming the character saves a hunt for it in a long path (a dot or a space looks harmless).
    error: (issue) =>
      `Not allowed: ${badCharacters(String(issue.input))}. Use only letters, digits, - and _ in each segment, separated by /.`,
  }),
);

export const sealStatusSchema = z.object({
  sealed: z.boolean(),
  threshold: z.number(),
  shares: z.number(),
  progress: z.number(),
});
export type SealStatus = z.infer<typeof sealStatusSchema>;

const secretBodySchema = z.object({
  value: z.string(),
  author: z.optional(z.string()),
  created: z.optional(z.string()),
  description: z.optional(z.string()),
  labels: z.optional(z.array(z.string())),
});

export type SecretValue =
  | {
      kind: 'text';
      value: string;
      size: number;
      author?: string | undefined;
      created?: string | undefined;
      description?: string | undefined;
      labels?: string[] | undefined;
    }
  | { kind: 'file'; bytes: Uint8Array<ArrayBuffer>; size: number };

/** The permission that lets an account list the keys under `path` (`''`: the whole store). */
export function secretListRid(path: string): string {
  return `dcos:secrets:list:default:/${path}`;
}

export const secretQueries = {
  all: () => ['secrets'] as const,
  /** Every secret path under `path`, relative to it (the Secret Store lists recursively). */
  list: (path = '') =>
    queryOptions({
      queryKey: [...secretQueries.all(), 'list', path] as const,
      queryFn: async ({ signal }) =>
        (await request(`${SECRETS}/secret/${STORE}/${encodePath(path)}?list=true`, listSchema(z.string()), { signal }))
          .array,
      // A 403 here is handled on the page (open by path instead).
      throwOnError: false,
    }),
  sealStatus: () =>
    queryOptions({
      queryKey: [...secretQueries.all(), 'seal-status'] as const,
      queryFn: ({ signal }) => request(`${SECRETS}/seal-status/${STORE}`, sealStatusSchema, { signal }),
      throwOnError: false,
      refetchInterval: 60_000,
    }),
  /**
   * The value itself: only fetched when the user reveals, copies or downloads it, never kept after (gcTime 0; Hide
   * removes it). Text and file secrets are told apart by the response's Content-Type.
   */
  value: (path: string) =>
    queryOptions({
      queryKey: [...secretQueries.all(), 'value', path] as const,
      queryFn: ({ signal }) => fetchSecretValue(path, signal),
      gcTime: 0,
      staleTime: 0,
      retry: false,
      throwOnError: false,
    }),
};

export async function fetchSecretValue(path: string, signal?: AbortSignal): Promise<SecretValue> {
  const response = await requestResponse(secretUrl(path), { accept: '*/*', signal });
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiError({
        status: response.status,
        kind: 'malformed',
        title: 'Unexpected response',
        description: 'The secret store answered with something that is not JSON.',
      });
    }
    const body = secretBodySchema.safeParse(parsed);
    if (!body.success)
      throw new ApiError({
        status: response.status,
        kind: 'malformed',
        title: 'Unexpected response',
        description: 'The secret has an unexpected shape.',
      });
    return { kind: 'text', ...body.data, size: new TextEncoder().encode(body.data.value).length };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { kind: 'file', bytes, size: bytes.length };
}

/**
 * A new value. A text secret may carry a description and labels (the `Secret` JSON has both); a file secret is sent as
 * raw bytes, which have no room for them. Left out, they are not sent, and a PATCH keeps what the secret had.
 */
export type SecretInput =
  | { kind: 'text'; value: string; description?: string | undefined; labels?: string[] | undefined }
  | { kind: 'file'; file: Blob };

function bodyFor(input: SecretInput) {
  if (input.kind === 'file') return { rawBody: { data: input.file, contentType: 'application/octet-stream' } };
  const { value, description, labels } = input;
  return { body: { value, ...(description ? { description } : {}), ...(labels?.length ? { labels } : {}) } };
}

/** The bytes the store counts: UTF-8 for text (an "é" is two), the file's own size for a file. */
export function secretInputSize(input: SecretInput): number {
  return input.kind === 'text' ? new TextEncoder().encode(input.value).length : input.file.size;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/**
 * Over the limit is refused in the browser, before anything is uploaded. The exact byte count comes first: one byte
 * over the limit rounds to the same KiB as the limit itself.
 */
export function secretSizeProblem(input: SecretInput): string | null {
  const size = secretInputSize(input);
  return size > MAX_SECRET_BYTES
    ? `This secret is ${size.toLocaleString('en')} bytes (${formatBytes(size)}); the secret store takes at most ${MAX_SECRET_BYTES.toLocaleString('en')} bytes (1 MiB less 1 KiB of metadata).`
    : null;
}

export async function createSecret(path: string, input: SecretInput): Promise<void> {
  await requestVoid(secretUrl(path), { method: 'PUT', ...bodyFor(input) });
}

export async function updateSecret(path: string, input: SecretInput): Promise<void> {
  await requestVoid(secretUrl(path), { method: 'PATCH', ...bodyFor(input) });
}

export async function deleteSecret(path: string): Promise<void> {
  await requestVoid(secretUrl(path), { method: 'DELETE' });
}

export async function sealStore(): Promise<void> {
  await requestVoid(`${SECRETS}/seal/${STORE}`, { method: 'PUT' });
}

export async function unsealStore(key: string): Promise<SealStatus> {
  return request(`${SECRETS}/unseal/${STORE}`, sealStatusSchema, { method: 'PUT', body: { key } });
}

/**
 * A service account's credentials as DC/OS stores them for services (`dcos security secrets create-sa-secret`): the
 * login endpoint is the in-cluster one, since the services reading the secret run inside the cluster.
 */
export function serviceAccountSecret(uid: string, privateKeyPem: string): string {
  return JSON.stringify({
    login_endpoint: 'https://leader.mesos/acs/api/v1/auth/login',
    scheme: 'RS256',
    private_key: privateKeyPem,
    uid,
  });
}
