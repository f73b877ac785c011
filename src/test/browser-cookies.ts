// jsdom's fetch is Node's, which keeps no cookies. This gives unit tests a browser's cookie behaviour for same-origin
// requests, with a real cookie jar (tough-cookie, the one jsdom and MSW use) rather than hand parsing: Set-Cookie is
// stored with its Path, Max-Age and Expires honoured, HttpOnly cookies stay out of `document.cookie`, and every request
// carries the cookies its URL matches.
import { Cookie, CookieJar } from 'tough-cookie';

/** The HttpOnly cookies: what the browser keeps from scripts. The others live in jsdom's own jar, `document.cookie`. */
let jar = new CookieJar();

function store(setCookie: string, url: string): void {
  if (Cookie.parse(setCookie)?.httpOnly) jar.setCookieSync(setCookie, url, { http: true, ignoreError: true });
  else document.cookie = setCookie;
}

function cookieHeader(url: string): string {
  const parts = jar.getCookiesSync(url, { http: true }).map((cookie) => cookie.cookieString());
  if (document.cookie) parts.push(document.cookie);
  return parts.join('; ');
}

export function clearBrowserCookies(): void {
  jar = new CookieJar();
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Path=/; Max-Age=0`;
  }
}

/** The HttpOnly cookies the emulated browser holds for the page's origin (scripts cannot see these; tests can). */
export function httpOnlyCookies(): ReadonlyMap<string, string> {
  const cookies = jar.getCookiesSync(window.location.origin + '/', { http: true, allPaths: true });
  return new Map(cookies.map((cookie) => [cookie.key, cookie.value]));
}

/** Wraps the current (MSW-patched) fetch; call after `server.listen()`. */
export function installBrowserCookies(): void {
  const inner = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : new URL(String(input), window.location.href).href;
    const request = new Request(url, input instanceof Request ? input : init);
    const sameOrigin = new URL(request.url).origin === window.location.origin;
    if (sameOrigin && request.credentials !== 'omit') {
      const header = cookieHeader(request.url);
      if (header) request.headers.set('cookie', header);
    }
    const response = await inner(request);
    if (sameOrigin) for (const cookie of response.headers.getSetCookie()) store(cookie, request.url);
    return response;
  };
}
