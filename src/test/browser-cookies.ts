// jsdom's fetch is Node's, which keeps no cookies. This gives unit tests a browser's cookie behaviour for same-origin
// requests: Set-Cookie is stored, HttpOnly cookies stay out of `document.cookie`, and every request carries them all.

const httpOnly = new Map<string, string>();

function isExpired(attributes: string[]): boolean {
  for (const attribute of attributes) {
    const [rawName = '', ...rest] = attribute.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (name === 'max-age' && Number(value) <= 0) return true;
    if (name === 'expires' && Date.parse(value) <= Date.now()) return true;
  }
  return false;
}

function store(setCookie: string): void {
  const [pair = '', ...attributes] = setCookie.split(';');
  const eq = pair.indexOf('=');
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  if (attributes.some((a) => a.trim().toLowerCase() === 'httponly')) {
    if (isExpired(attributes)) httpOnly.delete(name);
    else httpOnly.set(name, value);
  } else {
    document.cookie = setCookie;
  }
}

function cookieHeader(): string {
  const parts = [...httpOnly].map(([name, value]) => `${name}=${value}`);
  if (document.cookie) parts.push(document.cookie);
  return parts.join('; ');
}

export function clearBrowserCookies(): void {
  httpOnly.clear();
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Path=/; Max-Age=0`;
  }
}

/** The HttpOnly cookies the emulated browser holds (scripts cannot see these; tests can). */
export function httpOnlyCookies(): ReadonlyMap<string, string> {
  return httpOnly;
}

/** Wraps the current (MSW-patched) fetch; call after `server.listen()`. */
export function installBrowserCookies(): void {
  const inner = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : new URL(String(input), window.location.href).href;
    const request = new Request(url, input instanceof Request ? input : init);
    const sameOrigin = new URL(request.url).origin === window.location.origin;
    if (sameOrigin && request.credentials !== 'omit') {
      const header = cookieHeader();
      if (header) request.headers.set('cookie', header);
    }
    const response = await inner(request);
    if (sameOrigin) for (const cookie of response.headers.getSetCookie()) store(cookie);
    return response;
  };
}
