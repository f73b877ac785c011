import { useEffect, useRef } from 'react';
import { Dialog } from '@/ui/dialog.tsx';
import type { SessionExpiry } from './use-session-expiry.ts';

interface ExpiryWarningProps {
  expiry: SessionExpiry;
  /** Opens the re-authentication dialog: a new session, this page untouched. */
  onStay: () => void;
  onSignOut: () => void;
  /** Escape: not now (a request after the end still asks to sign in again). */
  onDismiss: () => void;
  busy: boolean;
}

function countdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A minute before the session ends: stay signed in (sign in again in place) or sign out. */
export function ExpiryWarning({ expiry, onStay, onSignOut, onDismiss, busy }: ExpiryWarningProps) {
  const ended = expiry.left <= 0;
  const stay = useRef<HTMLButtonElement>(null);
  // The safe answer takes focus: Enter pressed by someone still typing keeps the session rather than ending it.
  useEffect(() => {
    stay.current?.focus();
  }, []);
  return (
    <Dialog
      title={ended ? 'Your session has ended' : 'Your session is about to end'}
      role="alertdialog"
      isOpen
      onClose={onDismiss}
      isDismissable={!busy}
    >
      {ended ? (
        <p>Sign in again to carry on: this page and anything you typed stay as they are.</p>
      ) : (
        // Not a live region: the alert dialog is announced when it opens; a countdown read out every second would not help.
        <p>
          Your session ends in <strong>{countdown(expiry.left)}</strong>. Stay signed in to carry on: this page and
          anything you typed stay as they are.
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onSignOut} disabled={busy}>
          {busy ? 'Signing out…' : 'Sign out'}
        </button>
        <button type="button" className="btn btn-primary" onClick={onStay} disabled={busy} ref={stay}>
          {ended ? 'Sign in again' : 'Stay signed in'}
        </button>
      </div>
    </Dialog>
  );
}
