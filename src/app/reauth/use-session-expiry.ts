import { useEffect, useState } from 'react';
import { onSessionExpiryChange, sessionExpiresAt } from '@/lib/session.ts';

/** The warning comes this long before the session ends. */
export const WARNING_MS = 60_000;
/** Far from the end (or with no end known), look again this often: another tab may sign in, a laptop may sleep. */
const FAR_CHECK_MS = 30_000;

export interface SessionExpiry {
  /** When the session ends, in this browser's clock. */
  expiresAt: number;
  /** Milliseconds left; 0 or less once it has ended. */
  left: number;
}

/**
 * The session's end once it is a minute away or past, else null (also when unknown: after single sign-on the
 * console never sees the token). Counts down every second from then on; a timer never sleeps through the warning
 * because far checks are short, and a tab coming back into view or a new end (a sign-in here or in another tab) looks
 * again at once.
 */
export function useSessionExpiry(): SessionExpiry | null {
  const [expiry, setExpiry] = useState<SessionExpiry | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      const expiresAt = sessionExpiresAt();
      const left = expiresAt === null ? null : expiresAt - Date.now();
      const near = expiresAt !== null && left !== null && left <= WARNING_MS;
      setExpiry((current) =>
        near
          ? current?.expiresAt === expiresAt && Math.ceil(current.left / 1000) === Math.ceil(left / 1000)
            ? current
            : { expiresAt, left }
          : null,
      );
      // Near the end, tick on the second boundary so the countdown reads true; otherwise wake up for the warning.
      const wait =
        left === null
          ? FAR_CHECK_MS
          : near
            ? left > 0
              ? left % 1000 || 1000
              : 1000
            : Math.min(left - WARNING_MS, FAR_CHECK_MS);
      timer = setTimeout(check, wait);
    };
    check();
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    const stopListening = onSessionExpiryChange(check);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      stopListening();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return expiry;
}
