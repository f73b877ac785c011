// Response builders that speak like the IAM (falcon JSON errors) and Admin Router (HTML 401/403 pages).

export interface IamErrorBody {
  title: string;
  description?: string;
  code?: string;
}

const NO_STORE = { 'Cache-Control': 'no-store' };

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  const merged = new Headers(headers);
  merged.set('Content-Type', 'application/json');
  for (const [k, v] of Object.entries(NO_STORE)) merged.set(k, v);
  // Encoded up front with Buffer: given a string, the runtime encodes it with TextEncoder and streams it, which takes
  // several times as long for a large list (GET /users with 10,000 generated accounts is 1.7 MB).
  return new Response(Buffer.from(JSON.stringify(body), 'utf8'), { status, headers: merged });
}

export function empty(status: number, headers: HeadersInit = {}): Response {
  const merged = new Headers(headers);
  for (const [k, v] of Object.entries(NO_STORE)) merged.set(k, v);
  return new Response(null, { status, headers: merged });
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
};

export function iamError(status: number, description?: string, code?: string, headers: HeadersInit = {}): Response {
  const body: IamErrorBody = { title: STATUS_TITLES[status] ?? `${status}` };
  if (description !== undefined) body.description = description;
  if (code !== undefined) body.code = code;
  return json(body, status, headers);
}

/** Admin Router's 401 page: HTML whose script sends the browser to the UI's login. */
export function adminRouterUnauthorized(): Response {
  const html = `<!DOCTYPE html><html><head><title>Unauthorized</title>
<script>window.location = '/#/login?redirect=' + encodeURIComponent(window.location.href);</script>
</head><body><h1>401 Unauthorized</h1><p>You are not authorized to access this resource.</p></body></html>`;
  return new Response(html, {
    status: 401,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'WWW-Authenticate': 'acsjwt', ...NO_STORE },
  });
}

/** Admin Router's 403 page. */
export function adminRouterForbidden(): Response {
  const html = `<!DOCTYPE html><html><head><title>Forbidden</title>
<script>window.location = '/#/access-denied';</script>
</head><body><h1>403 Forbidden</h1><p>You do not have permission to access this resource.</p></body></html>`;
  return new Response(html, { status: 403, headers: { 'Content-Type': 'text/html; charset=utf-8', ...NO_STORE } });
}

export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name && !cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

/** A JSON object; null when `text` is not one. */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The media type of a Content-Type header, lower-cased and without parameters (`application/json; charset=…`). */
export function mediaTypeOf(header: string | null): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Reads a JSON object body; null when the body is not a JSON object or does not come as `application/json`: the IAM
 * answers both with "Request has bad Content-Type or lacks JSON data." It matters for CSRF: `text/plain` is what a
 * cross-site form or a fetch without preflight can send, so a body that merely parses as JSON must not be taken.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | null> {
  if (mediaTypeOf(request.headers.get('content-type')) !== 'application/json') return null;
  return parseJsonObject(await request.text());
}
