import { z } from 'zod/mini';

/** The readable cookie the IAM sets beside the HttpOnly session: base64 JSON `{uid, description, is_remote}`. */
export const INFO_COOKIE = 'dcos-acs-info-cookie';

const sessionInfoSchema = z.object({
  uid: z.string().check(z.minLength(1)),
  description: z.catch(z.string(), ''),
  is_remote: z.catch(z.boolean(), false),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function decodeBase64Utf8(value: string): string {
  const binary = atob(value);
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The info cookie's value last read, and what it said. */
let lastRead: { raw: string; info: SessionInfo | null } = { raw: '', info: null };

/** Who is signed in, from the info cookie; null when absent or unreadable. The auth cookie is never read. */
export function readSessionInfo(): SessionInfo | null {
  const raw = readCookie(INFO_COOKIE);
  if (!raw) return null;
  // Read on every navigation: the cookie's value is decoded and checked once, and the same value gives the same object.
  if (raw === lastRead.raw) return lastRead.info;
  let info: SessionInfo | null = null;
  try {
    const unquoted = raw.replace(/^"(.*)"$/, '$1');
    const parsed = sessionInfoSchema.safeParse(JSON.parse(decodeBase64Utf8(decodeURIComponent(unquoted))));
    info = parsed.success ? parsed.data : null;
  } catch {
    info = null;
  }
  lastRead = { raw, info };
  return info;
}

// The account this tab last confirmed. The info cookie expires together with the session, so without this a signed-in
// page whose session just ended could not say whose session to renew, and a click to another page would drop to the
// sign-in page instead of offering the re-authentication dialog.
let known: SessionInfo | null = null;

export function rememberSession(session: SessionInfo): void {
  known = session;
}

export function knownSession(): SessionInfo | null {
  return known;
}

/**
 * Ends the session on this side: the IAM's logout does not clear the info cookie, so the console expires it itself,
 * as the DC/OS UI did, and forgets the account this tab knew (a page reached by Back must not offer to renew it).
 */
export function expireSessionInfo(): void {
  known = null;
  forgetSessionExpiry();
  document.cookie = `${INFO_COOKIE}=; Path=/; Max-Age=0; SameSite=Strict`;
}

/** The longest label the account button shows; a longer description is cut with an ellipsis. */
const LABEL_MAX = 60;

/** How the signed-in account is shown: its description, or the uid for remote accounts or without one. */
export function sessionLabel(info: SessionInfo): string {
  const label = info.is_remote || !info.description ? info.uid : info.description;
  const chars = Array.from(label);
  return chars.length > LABEL_MAX ? `${chars.slice(0, LABEL_MAX - 1).join('')}…` : label;
}

/** Characters of the description a cookie written by the console keeps: at 4 UTF-8 bytes each, base64 stays < 3.5 KB. */
const COOKIE_DESCRIPTION_MAX = 600;

function encodeBase64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Writes the info cookie the IAM meant to set, when the browser did not keep the IAM's own (issue 19): DC/OS puts the
 * account's description in it, and past 4 KB (a description of ~3,000 characters) the browser drops it, which left the
 * console unable to tell who had signed in. The console's copy has the same name, shape and lifetime, the description
 * cut to fit, so every reader (and a reload) works as with the IAM's.
 */
export function writeSessionInfo(info: SessionInfo, expiresAt: number | null): void {
  const description = Array.from(info.description).slice(0, COOKIE_DESCRIPTION_MAX).join('');
  const value = encodeBase64Utf8(JSON.stringify({ uid: info.uid, description, is_remote: info.is_remote }));
  const maxAge = expiresAt === null ? '' : `; Max-Age=${Math.max(1, Math.floor((expiresAt - Date.now()) / 1000))}`;
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${INFO_COOKIE}=${value}; Path=/; SameSite=Strict${maxAge}${secure}`;
}

// When the session ends, in this browser's clock: told by the sign-in answer (the token's `exp`, corrected by the
// server's Date), never by the HttpOnly cookie. A time is no secret; it is kept in localStorage so every tab of the
// console and a reload know it. Unknown after single sign-on, whose token the console never sees.
const EXPIRY_KEY = 'dcos-console-session-expires-at';
const EXPIRY_EVENT = 'dcos-console-session-expiry';

/** Calls the listener when the end changes, in this tab or another; returns the function that stops listening. */
export function onSessionExpiryChange(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === EXPIRY_KEY || event.key === null) listener();
  };
  window.addEventListener(EXPIRY_EVENT, listener);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(EXPIRY_EVENT, listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Notes when the session just started ends; null (after single sign-on, or a token without `exp`) forgets it. */
export function rememberSessionExpiry(expiresAt: number | null): void {
  if (expiresAt === null) {
    forgetSessionExpiry();
    return;
  }
  try {
    localStorage.setItem(EXPIRY_KEY, String(Math.round(expiresAt)));
  } catch {
    // Storage refused (private mode, quota): the warning is then not shown, and a 401 still asks to sign in again.
  }
  window.dispatchEvent(new Event(EXPIRY_EVENT));
}

export function forgetSessionExpiry(): void {
  try {
    localStorage.removeItem(EXPIRY_KEY);
  } catch {
    // Nothing was stored.
  }
  window.dispatchEvent(new Event(EXPIRY_EVENT));
}

/** When the session ends (ms since the epoch, this browser's clock), or null when unknown. */
export function sessionExpiresAt(): number | null {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(EXPIRY_KEY);
  } catch {
    return null;
  }
  const value = Number(raw);
  return raw !== null && Number.isFinite(value) && value > 0 ? value : null;
}
