// Node side (vite.config.ts): what the build appends to theme-init.js, the one classic script in <head>.

/** The console's readable session-info cookie (src/lib/session.ts INFO_COOKIE; a test keeps the two equal). */
export const EARLY_SHELL_COOKIE = 'dcos-acs-info-cookie';

/**
 * On a signed-in page, asks for the shell's code (`href`, the "frame" chunk) while the entry is still downloading,
 * instead of once the entry has run: on a slow link that saves a full round trip before the first paint. A classic
 * script in <head> runs as soon as it arrives; only a page other than sign-in, in a browser holding the session-info
 * cookie (no token: uid and description), asks. Plain ES5, no globals.
 */
export function earlyShellScript(href: string): string {
  return `
// Added by the build (vite.config.ts): on a signed-in page, fetch the shell's code while the entry still downloads.
(function () {
  var path = window.location.pathname;
  if (path === '/login' || path.indexOf('/login/') === 0) return;
  if (!/(?:^|;\\s*)${EARLY_SHELL_COOKIE}=/.test(document.cookie)) return;
  var link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = ${JSON.stringify(href)};
  document.head.appendChild(link);
})();
`;
}
