const HOME = '/';

/** A target a browser takes as a path on this origin: one slash, then not a second one (or a backslash). */
function isOwnPath(target: string): boolean {
  return target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\');
}

/**
 * The post-sign-in target, if it is a same-origin relative path; otherwise home. The one check for every redirect the
 * console or its simulator makes after a sign-in: the sign-in page, the SSO buttons' `target`, the re-authentication
 * popup and the IdP callback's `Location`.
 *
 * Rejects protocol-relative (`//x`, `/\x`), absolute (`https:`, `javascript:`) and encoded or whitespace-smuggled
 * variants by resolving the target the way a browser would and comparing origins. What it returns is the resolved
 * path, so that is checked too: dot segments can resolve `/.//evil`, `/..//evil` or `/%2e//evil` to `//evil`, which a
 * `Location` header or `history` would then read as another host (issue 19).
 */
export function safeRedirectTarget(raw: string | null | undefined, origin: string = window.location.origin): string {
  if (!raw || !isOwnPath(raw)) return HOME;
  // Browsers drop tabs and newlines inside URLs and read `\` as `/`: `/\t/evil` is `//evil`.
  if (/[\p{Cc}\\]/u.test(raw)) return HOME;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return HOME;
  }
  if (url.origin !== origin) return HOME;
  const target = `${url.pathname}${url.search}${url.hash}`;
  if (!isOwnPath(target)) return HOME;
  // Never loop back to the sign-in page itself.
  return url.pathname === '/login' ? HOME : target;
}
