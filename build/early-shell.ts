// Node side (vite.config.ts): what the build appends to theme-init.js, the one classic script in <head>. Imports
// nothing that touches the DOM or zod: vite.config.ts loads it.
import { EARLY_RESPONSES } from '../src/api/early-responses.ts';

/** The console's readable session-info cookie (src/lib/session.ts INFO_COOKIE; a test keeps the two equal). */
export const EARLY_SHELL_COOKIE = 'dcos-acs-info-cookie';
/** The header every request carries (src/api/request.ts CSRF_HEADER and CSRF_VALUE; a test keeps them equal). */
export const EARLY_HEADERS = { Accept: 'application/json', 'X-Requested-With': 'dcos-console' } as const;

/**
 * The list each page reads first (its route's loader in src/app/router.tsx; an e2e test checks each is asked once).
 * The secrets list is left out: it is not read while the store is sealed, which only the seal status says.
 */
export const EARLY_PAGE_READS: Readonly<Record<string, string>> = {
  '/organization/users': '/acs/api/v1/users',
  '/organization/groups': '/acs/api/v1/groups',
  '/organization/service-accounts': '/acs/api/v1/users?type=service',
};

/**
 * On a signed-in page, asks for the shell's code (`href`, the "frame" chunk, relative to the mount) while the entry is still downloading,
 * instead of once the entry has run: on a slow link that saves a full round trip before the first paint. It asks for
 * what every signed-in page reads first as well (the session check, which is the account's own permissions, the
 * security mode, the seal status and the page's list), with the headers `request` sends; `request` takes each answer
 * once (src/api/early-responses.ts) instead of asking again a round trip later. A classic script in <head> runs as
 * soon as it arrives; only a page other than sign-in, in a browser holding the session-info cookie (no token: uid
 * and description), asks. Plain ES5; one window property, for the handover.
 */
export function earlyShellScript(href: string): string {
  return `
// Added by the build (vite.config.ts): on a signed-in page, fetch the shell's code and the first reads while the entry
// still downloads. The console's mount is where this script was loaded from (src/lib/base.ts).
(function () {
  var script = document.currentScript;
  var base = script && script.src ? script.src.replace(/[^/]*$/, '') : '/';
  var mount = new URL(base, window.location.href).pathname;
  var full = window.location.pathname;
  var path = (full.indexOf(mount) === 0 ? '/' + full.slice(mount.length) : full).replace(/\\/+$/, '') || '/';
  if (path === '/login' || path.indexOf('/login/') === 0) return;
  var cookie = /(?:^|;\\s*)${EARLY_SHELL_COOKIE}=([^;]*)/.exec(document.cookie);
  if (!cookie) return;
  var link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = base + ${JSON.stringify(href)};
  document.head.appendChild(link);
  var uid;
  try {
    var binary = atob(decodeURIComponent(cookie[1]).replace(/^"(.*)"$/, '$1'));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    uid = JSON.parse(new TextDecoder().decode(bytes)).uid;
  } catch (e) {
    return;
  }
  if (typeof uid !== 'string' || uid === '' || typeof fetch !== 'function') return;
  var responses = {};
  Object.defineProperty(window, ${JSON.stringify(EARLY_RESPONSES)}, { value: responses, configurable: true });
  function read(url) {
    var response = fetch(url, { headers: ${JSON.stringify(EARLY_HEADERS)}, credentials: 'same-origin', cache: 'no-store' });
    // Whoever takes it sees the failure; left untaken, it must not be reported as unhandled.
    response.catch(function () {});
    responses[url] = { at: Date.now(), response: response };
  }
  read('/acs/api/v1/users/' + encodeURIComponent(uid) + '/permissions');
  read('/dcos-metadata/bootstrap-config.json');
  read('/secrets/v1/seal-status/default');
  var lists = ${JSON.stringify(EARLY_PAGE_READS)};
  if (Object.prototype.hasOwnProperty.call(lists, path)) read(lists[path]);
})();
`;
}
