// The answers theme-init.js asks for while the entry still downloads (build/early-shell.ts writes those lines), handed
// to the first request for each path instead of asking again.

/** The window property theme-init.js fills: `{ [path]: { at: ms since epoch, response: Promise<Response> } }`. */
export const EARLY_RESPONSES = '__dcosEarlyResponses';
/** An answer older than this is not handed out: only the first page of a load is meant to use them. */
export const EARLY_RESPONSE_MAX_AGE_MS = 10_000;

interface EarlyResponse {
  at: number;
  response: Promise<Response>;
}

function store(): Record<string, EarlyResponse | undefined> | undefined {
  if (typeof window === 'undefined') return undefined;
  return (window as unknown as Record<string, Record<string, EarlyResponse | undefined> | undefined>)[EARLY_RESPONSES];
}

/**
 * The answer theme-init.js already asked for `path` (a plain GET, the same headers as `request` sends), once: the next
 * request for it goes to the network. Undefined when there is none, or it is too old to trust.
 */
export function takeEarlyResponse(path: string): Promise<Response> | undefined {
  const responses = store();
  const entry = responses?.[path];
  if (!responses || !entry) return undefined;
  Reflect.deleteProperty(responses, path);
  return Date.now() - entry.at <= EARLY_RESPONSE_MAX_AGE_MS ? entry.response : undefined;
}

/**
 * Drops the answers nobody took, once the first page has loaded: a page that did not use one (the session had ended,
 * the sign-in page came instead) must not have it handed to a later request, after a sign-in, in place of a fresh one.
 */
export function dropEarlyResponses(): void {
  const responses = store();
  if (responses) for (const path of Object.keys(responses)) Reflect.deleteProperty(responses, path);
}
