import './zod-config.ts';
import { z } from 'zod/mini';

/** How a failure should be handled, whatever its wire form (docs/architecture.md §2, "Error kinds"). */
export type ApiErrorKind =
  'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'unavailable' | 'malformed';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly kind: ApiErrorKind;
  readonly title: string;
  readonly description: string | undefined;
  readonly code: string | undefined;
  /** The request's path, so a refusal can say which permission the endpoint needs (forbiddenHint). */
  readonly path: string | undefined;

  constructor(init: {
    status: number;
    kind: ApiErrorKind;
    title: string;
    description?: string | undefined;
    code?: string | undefined;
    path?: string | undefined;
  }) {
    super(init.description ?? init.title);
    this.status = init.status;
    this.kind = init.kind;
    this.title = init.title;
    this.description = init.description;
    this.code = init.code;
    this.path = init.path;
  }
}

export function isApiError(error: unknown, kind?: ApiErrorKind): error is ApiError {
  return error instanceof ApiError && (kind === undefined || error.kind === kind);
}

/**
 * The IAM's error body (falcon): `{title, description?, code?}`; null fields are omitted. The Secrets API documents
 * no error body; a `message` is shown when one comes.
 */
const iamErrorSchema = z.object({
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  code: z.optional(z.string()),
  message: z.optional(z.string()),
});

export function kindForStatus(status: number, code?: string): ApiErrorKind {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  // The IAM answers unknown entities with 400 ERR_UNKNOWN_* rather than 404.
  if (status === 400 && code?.startsWith('ERR_UNKNOWN_')) return 'not-found';
  if (status === 409) return 'conflict';
  if (status >= 400 && status < 500) return 'invalid';
  return 'unavailable';
}

/** What a failure says when the server gave no words of its own (an empty or HTML body). */
export const PAGE_DESCRIPTIONS: Partial<Record<ApiErrorKind, string>> = {
  unauthenticated: 'Your session has ended. Sign in again to continue.',
  forbidden: 'Your account does not have permission for this.',
  'not-found': 'The requested resource does not exist.',
  unavailable: 'The cluster could not answer this request. Try again in a moment.',
};

const MAX_TEXT = 300;

/**
 * Server text that must not reach the page (ASVS 16.5.1): a stack trace or a source location, a token or a key.
 * A failure that carries any of them is described in the console's own words instead.
 */
const INTERNALS = [
  /Traceback \(most recent call last\)/i,
  /^\s+at \S.*[:(]\d+/m,
  /File "[^"]+", line \d+/,
  /\.(?:py|js|mjs|cjs|ts|tsx|go|java|rb|php|rs):\d+/,
  /goroutine \d+ \[/,
  /eyJ[\w-]+\.eyJ[\w-]+/,
  /-----BEGIN [A-Z ]*KEY-----/,
];

/**
 * What else a server error (5xx) must not pass on: a path on the server, a query, or a multi-line dump. A refusal
 * (4xx) may name a path: it is usually the one the person typed.
 */
const SERVER_DETAILS = [
  /(?:^|[\s"'(=])\/(?:usr|opt|var|home|srv|etc|tmp|root|proc)\//,
  /\bSELECT\b.+\bFROM\b|\bINSERT INTO\b/i,
  /[\r\n]/,
];

/** `text` when it may be shown as the server's own words; undefined when it carries internals. */
function showable(text: string | undefined, status: number): string | undefined {
  if (text === undefined || INTERNALS.some((pattern) => pattern.test(text))) return undefined;
  return status >= 500 && SERVER_DETAILS.some((pattern) => pattern.test(text.trim())) ? undefined : text;
}

/**
 * Turns any non-2xx response into an ApiError: IAM JSON bodies keep their title, description and code; Admin
 * Router's HTML 401/403 pages and plain-text bodies (the 503 of a read-only datastore) get a readable description.
 */
export async function decodeErrorResponse(response: Response, path?: string): Promise<ApiError> {
  const status = response.status;
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text().catch(() => '');
  let title = response.statusText || `HTTP ${status}`;
  let description: string | undefined;
  let code: string | undefined;

  if (contentType.includes('json')) {
    try {
      const parsed = iamErrorSchema.safeParse(JSON.parse(text));
      if (parsed.success) {
        title = showable(parsed.data.title, status) ?? title;
        description = showable(parsed.data.description ?? parsed.data.message, status);
        code = parsed.data.code;
      }
    } catch {
      // A JSON content type with a body that is not JSON: fall back to the status.
    }
  } else if (!contentType.includes('html') && text.trim() !== '') {
    description = showable(text.trim(), status)?.slice(0, MAX_TEXT);
  }
  const kind = kindForStatus(status, code);
  return new ApiError({ status, kind, title, description: description ?? PAGE_DESCRIPTIONS[kind], code, path });
}

/**
 * A 403 names no permission, but the reference does for the IAM: every `/acs/api/v1` endpoint behind Admin Router needs
 * `dcos:adminrouter:acs full` (some docs say `dcos:superuser`; api doc §1). Null for other refusals and other errors.
 */
export function forbiddenHint(error: unknown): string | null {
  if (!isApiError(error, 'forbidden') || !error.path?.startsWith('/acs/api/v1/')) return null;
  return 'Managing users, groups and permissions needs dcos:adminrouter:acs full (or dcos:superuser).';
}

/** The error's message, followed by the missing permission when a 403 names one (one line, e.g. a bulk result). */
export function describeErrorWithHint(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const hint = forbiddenHint(error);
  return hint ? `${message} ${hint}` : message;
}
