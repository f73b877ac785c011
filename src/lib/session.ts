import { z } from 'zod';

/** The readable cookie the IAM sets beside the HttpOnly session: base64 JSON `{uid, description, is_remote}`. */
export const INFO_COOKIE = 'dcos-acs-info-cookie';

const sessionInfoSchema = z.object({
  uid: z.string().min(1),
  description: z.string().catch(''),
  is_remote: z.boolean().catch(false),
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

/** Who is signed in, from the info cookie; null when absent or unreadable. The auth cookie is never read. */
export function readSessionInfo(): SessionInfo | null {
  const raw = readCookie(INFO_COOKIE);
  if (!raw) return null;
  try {
    const unquoted = raw.replace(/^"(.*)"$/, '$1');
    const parsed = sessionInfoSchema.safeParse(JSON.parse(decodeBase64Utf8(decodeURIComponent(unquoted))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
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
  document.cookie = `${INFO_COOKIE}=; Path=/; Max-Age=0; SameSite=Strict`;
}

/** How the signed-in account is shown: its description, or the uid for remote accounts or without one. */
export function sessionLabel(info: SessionInfo): string {
  return info.is_remote || !info.description ? info.uid : info.description;
}
