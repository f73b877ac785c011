const HOME = '/';

/**
 * The post-sign-in target, if it is a same-origin relative path; otherwise home. Rejects protocol-relative
 * (`//x`, `/\x`), absolute (`https:`, `javascript:`) and encoded or whitespace-smuggled variants by resolving the
 * target the way a browser would and comparing origins.
 */
export function safeRedirectTarget(raw: string | null | undefined, origin: string = window.location.origin): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return HOME;
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
  // Never loop back to the sign-in page itself.
  return url.pathname === '/login' ? HOME : target;
}
