// What a recording may keep. Tokens, passwords, keys (unseal keys, private and public keys, client secrets) and secret
// values are replaced by REDACTED wherever they appear; so is anything shaped like a JWT. Strings keep their place and
// type, arrays their length, so the replay can still compare shapes.
import { REDACTED, type RecordedBody } from './exchange.ts';

/** JSON properties whose values are redacted, whatever they hold. */
export const SECRET_PROPERTIES = new Set([
  'token',
  'password',
  'key',
  'keys',
  'value',
  'private_key',
  'public_key',
  'client_secret',
  'lookup_password',
  'root_token',
  'recovery_keys',
  'pgp_keys',
]);

/** Query and form parameters that carry a credential or a one-time grant. */
export const SECRET_PARAMETERS = new Set([
  'token',
  'code',
  'state',
  'SAMLResponse',
  'RelayState',
  'password',
  'nonce',
  'id_token',
]);

const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/g;

function redactAll(value: unknown): unknown {
  if (typeof value === 'string') return REDACTED;
  if (Array.isArray(value)) return value.map(redactAll);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactAll(v)]));
  return value;
}

/** A JSON value with every secret property's content and every JWT-shaped string redacted. */
export function redactJson(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_PROPERTIES.has(k) ? redactAll(v) : redactJson(v)]),
    );
  }
  return value;
}

export function redactText(text: string): string {
  return text.replace(JWT, REDACTED);
}

/** A query string (or form body) with sensitive parameters redacted, in its original order. */
export function redactParameters(query: string): string {
  if (query === '') return '';
  const params = new URLSearchParams(query);
  const out = new URLSearchParams();
  for (const [name, value] of params) out.append(name, SECRET_PARAMETERS.has(name) ? REDACTED : redactText(value));
  return out.toString();
}

const MAX_TEXT = 4096;

/** A body as recorded, by its media type. */
export function recordBody(bytes: Buffer, contentType: string | undefined): RecordedBody {
  if (bytes.length === 0) return null;
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (media === 'application/json' || media.endsWith('+json')) {
    try {
      return { json: redactJson(JSON.parse(bytes.toString('utf8'))) };
    } catch {
      return { text: redactText(bytes.toString('utf8').slice(0, MAX_TEXT)) };
    }
  }
  if (media === 'application/x-www-form-urlencoded') {
    return { form: Object.fromEntries(new URLSearchParams(redactParameters(bytes.toString('utf8')))) };
  }
  if (media.startsWith('text/') || media === 'application/xml' || media === 'application/javascript') {
    return { text: redactText(bytes.toString('utf8').slice(0, MAX_TEXT)) };
  }
  // Bytes of unknown meaning (a binary secret, a request without a type): only their size.
  return { binary: bytes.length };
}

/** Request headers that matter to the API, credentials redacted: cookies keep their names, Authorization its scheme. */
export function recordRequestHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const one = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  for (const name of ['content-type', 'accept', 'x-requested-with']) {
    const value = one(name);
    if (value !== undefined) out[name] = value;
  }
  const authorization = one('authorization');
  if (authorization !== undefined)
    out.authorization = /^(token=|bearer )/i.test(authorization)
      ? `${authorization.slice(0, authorization.toLowerCase().startsWith('token=') ? 6 : 7)}${REDACTED}`
      : REDACTED;
  const cookie = one('cookie');
  if (cookie !== undefined) {
    out.cookie = cookie
      .split(';')
      .map((part) => part.trim().split('=')[0] ?? '')
      .filter((name) => name !== '')
      .map((name) => `${name}=${REDACTED}`)
      .join('; ');
  }
  return out;
}

/** Response headers that matter to the console; Set-Cookie values redacted, their attributes kept. */
export function recordResponseHeaders(
  headers: Record<string, string | string[] | number | undefined>,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of ['content-type', 'www-authenticate', 'cache-control']) {
    const value = headers[name];
    if (value !== undefined) out[name] = String(value);
  }
  const location = headers.location;
  if (typeof location === 'string') {
    const q = location.indexOf('?');
    out.location = q < 0 ? location : `${location.slice(0, q)}?${redactParameters(location.slice(q + 1))}`;
  }
  const setCookie = headers['set-cookie'];
  if (setCookie !== undefined) {
    const cookies = Array.isArray(setCookie) ? setCookie : [String(setCookie)];
    out['set-cookie'] = cookies.map((cookie) => {
      const [pair = '', ...attributes] = cookie.split(';');
      const name = pair.split('=')[0]?.trim() ?? '';
      return [`${name}=${REDACTED}`, ...attributes.map((a) => a.trim())].join('; ');
    });
  }
  return out;
}

/** The uid in a `dcos-acs-info-cookie` (base64 JSON, readable by any script: not a secret), or null. */
export function accountFromCookies(cookieHeader: string | undefined): string | null {
  const match = /(?:^|;\s*)dcos-acs-info-cookie=([^;]+)/.exec(cookieHeader ?? '');
  if (!match?.[1]) return null;
  try {
    const info = JSON.parse(Buffer.from(decodeURIComponent(match[1]), 'base64').toString('utf8')) as { uid?: unknown };
    return typeof info.uid === 'string' ? info.uid : null;
  } catch {
    return null;
  }
}
