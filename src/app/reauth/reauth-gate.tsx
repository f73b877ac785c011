import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useNavigate, useRevalidator } from 'react-router';
import { logout } from '@/api/auth.ts';
import { setUnauthenticatedHandler } from '@/api/request.ts';
import { paths } from '@/lib/paths.ts';
import { announceSession } from '@/lib/session-channel.ts';
import { expireSessionInfo, readSessionInfo, rememberSession } from '@/lib/session.ts';
import { ExpiryWarning } from './expiry-warning.tsx';
import { ReauthDialog } from './reauth-dialog.tsx';
import { useSessionExpiry } from './use-session-expiry.ts';

/**
 * While a signed-in page is shown, a 401 from any request opens the re-authentication dialog over it
 * (docs/architecture.md §3). Every request that failed meanwhile waits; after signing in again as the same account
 * each is sent once more and the page carries on. Another account clears the cache and goes home; Cancel signs out.
 * A minute before the session ends (when the console knows the end), a warning offers to stay signed in (the same
 * dialog, early) or sign out.
 */
export function ReauthGate({ uid }: { uid: string }) {
  // The router's hooks render their user again at each step of every navigation: they stay here, and the gate below
  // (React Aria's modal overlay, when a session end is known) renders only when its own state changes.
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const router = useRef({ navigate, revalidate: revalidator.revalidate });
  useLayoutEffect(() => {
    router.current = { navigate, revalidate: revalidator.revalidate };
  });
  // Stable: the memoized Gate below must not render again on every navigation of the shell.
  const goHome = useCallback(() => router.current.navigate(paths.home(), { replace: true }), []);
  const goToLogin = useCallback(() => router.current.navigate(paths.login(), { replace: true }), []);
  const revalidate = useCallback(() => router.current.revalidate(), []);
  return <Gate uid={uid} goHome={goHome} goToLogin={goToLogin} revalidate={revalidate} />;
}

interface GateProps {
  uid: string;
  goHome: () => Promise<void> | void;
  goToLogin: () => Promise<void> | void;
  revalidate: () => Promise<void>;
}

// Memoized: the gate wraps every signed-in page and must not render again on each navigation.
const Gate = memo(function Gate({ uid, goHome, goToLogin, revalidate }: GateProps) {
  const [open, setOpen] = useState(false);
  const [early, setEarly] = useState(false);
  const [busy, setBusy] = useState(false);
  const expiry = useSessionExpiry();
  // The end whose warning was put aside with Escape: not shown again for it (a new session brings a new end).
  const [dismissed, setDismissed] = useState<number | null>(null);
  const waiting = useRef<((renewed: boolean) => void)[]>([]);
  const queryClient = useQueryClient();

  useEffect(
    () =>
      setUnauthenticatedHandler(
        () =>
          new Promise<boolean>((resolve) => {
            waiting.current.push(resolve);
            setEarly(false);
            setOpen(true);
          }),
      ),
    [],
  );

  // Stable: handed to the sign-in dialog, which registers it once.
  const settle = useCallback((renewed: boolean) => {
    setOpen(false);
    for (const resolve of waiting.current.splice(0)) resolve(renewed);
  }, []);

  // Unmounting (signed out elsewhere, another page tree): nothing may wait forever.
  useEffect(
    () => () => {
      for (const resolve of waiting.current.splice(0)) resolve(false);
    },
    [],
  );

  const onSignedIn = async () => {
    const now = readSessionInfo();
    if (now) rememberSession(now);
    announceSession({ type: 'signed-in', uid: now?.uid ?? '' });
    if (now && now.uid !== uid) {
      // No data of one account may show to another. The dialog stays over the page while the signed-in routes load
      // the new account (their loader is where pages read the session from; sibling navigations do not rerun it) and
      // the overview opens; then everything cached is dropped and the waiting requests fail unseen.
      setBusy(true);
      await revalidate();
      await goHome();
      queryClient.clear();
      setBusy(false);
      settle(false);
      return;
    }
    settle(true);
  };

  const onCancel = async () => {
    setBusy(true);
    try {
      await logout();
    } catch {
      // The session is already over on the server's side; ending it here is what matters.
    }
    expireSessionInfo();
    queryClient.clear();
    settle(false);
    setBusy(false);
    // Like signing out from the menu: every tab of the console (this one's shell listens too) goes to sign-in.
    announceSession({ type: 'signed-out' });
    await goToLogin();
  };

  if (open)
    return (
      <ReauthDialog
        uid={uid}
        onSignedIn={() => void onSignedIn()}
        onCancel={() => void onCancel()}
        busy={busy}
        early={early}
      />
    );
  if (expiry && expiry.expiresAt !== dismissed) {
    return (
      <ExpiryWarning
        expiry={expiry}
        busy={busy}
        onStay={() => {
          setEarly(expiry.left > 0);
          setOpen(true);
        }}
        onSignOut={() => void onCancel()}
        onDismiss={() => setDismissed(expiry.expiresAt)}
      />
    );
  }
  return null;
});
