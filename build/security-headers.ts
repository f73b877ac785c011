// The response headers every server of the built console sends: `vite preview` (vite.config.ts) and the production
// example deploy/nginx.conf. One source, so build/security-headers.test.ts can hold the nginx file to the same values.

/** The policy the built console runs under: nothing inline, nothing from another origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // No inline styles at all: React Aria's one injected <style> is pre-empted by the built stylesheet's link, which
  // carries its id (react-aria-pressable-style, vite.config.ts).
  "style-src 'self'",
  // data: URLs for generated images (none yet); never a remote image, which could carry data out in its URL.
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // Paths carry uids, group ids and secret paths: none of them may leave in a Referer.
  'Referrer-Policy': 'no-referrer',
  // frame-ancestors supersedes it; kept for browsers that predate CSP level 2.
  'X-Frame-Options': 'DENY',
} as const satisfies Record<string, string>;
