import type { SessionInfo } from '@/lib/session.ts';

// The account this tab last confirmed. The info cookie expires together with the session, so without this a signed-in
// page whose session just ended could not say whose session to renew, and a click to another page would drop to the
// sign-in page instead of offering the re-authentication dialog.
let known: SessionInfo | null = null;

export function rememberSession(session: SessionInfo): void {
  known = session;
}

export function forgetSession(): void {
  known = null;
}

export function knownSession(): SessionInfo | null {
  return known;
}
