// HTML documents the simulator serves itself (the identity provider's pages, the CLI's token page): every value is
// escaped, nothing runs inline, and each page carries its own strict CSP.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** No script at all; the one stylesheet is the simulator's own; forms may only post back to this origin. */
export const SIM_PAGE_CSP =
  "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export const IDP_STYLESHEET_PATH = '/__sim/idp/idp.css';

export const IDP_STYLESHEET = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f3f4f6;color:#111827}
main{max-width:30rem;margin:3rem auto;background:#fff;border:1px solid #d1d5db;border-radius:8px;padding:1.5rem 2rem}
h1{font-size:1.4rem;margin-top:0}fieldset{border:1px solid #d1d5db;border-radius:6px;margin:0 0 1rem}
label{display:block;margin:.25rem 0}input[type=text]{width:100%;box-sizing:border-box;padding:.4rem;font:inherit;border:1px solid #6b7280;border-radius:4px}
.actions{display:flex;gap:.75rem;margin-top:1rem}button{font:inherit;padding:.45rem 1rem;border-radius:4px;border:1px solid #374151;background:#fff;color:#111827;cursor:pointer}
button.primary{background:#1d4ed8;border-color:#1d4ed8;color:#fff}.error{color:#b91c1c;font-weight:600}.muted{color:#4b5563}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
@media (prefers-color-scheme:dark){body{background:#111827;color:#f9fafb}main{background:#1f2937;border-color:#4b5563}
button{background:#1f2937;color:#f9fafb;border-color:#9ca3af}input[type=text]{background:#111827;color:#f9fafb}.muted{color:#d1d5db}.error{color:#fca5a5}}
`;

/** A complete page; `body` must already be escaped markup. */
export function htmlPage(title: string, body: string, status = 200): Response {
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="${IDP_STYLESHEET_PATH}"></head>
<body><main>${body}</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': SIM_PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      // The pages' URLs carry the flow's state: never send them on as a Referer.
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    },
  });
}

export function hiddenInputs(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
}
