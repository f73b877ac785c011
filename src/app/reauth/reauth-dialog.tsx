import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { login, loginProvidersQuery, ssoStartUrl, type LoginProvider } from '@/api/auth.ts';
import { isApiError } from '@/api/errors.ts';
import { paths } from '@/lib/paths.ts';
import { rememberSessionExpiry } from '@/lib/session.ts';
import { openSsoPopup, type SsoPopup } from '@/lib/sso-popup.ts';
import { ErrorAlert } from '@/ui/alert.tsx';
import { Dialog } from '@/ui/dialog.tsx';
import { establishSession } from '@/features/auth/establish-session.ts';
import { publicPath } from '@/lib/base.ts';

interface ReauthDialogProps {
  uid: string;
  /** Called once a new session is set (by password or in the popup); the gate decides what follows. */
  onSignedIn: () => void;
  onCancel: () => void;
  /** Signing out, or opening the overview for another account. */
  busy: boolean;
  /** Asked for before the session ends ("Stay signed in"), rather than after a request found it ended. */
  early?: boolean;
}

/**
 * Over the current page, which stays as it is: sign in again with the password, or with an identity provider in a
 * popup. The uid is the signed-in one; changing it is possible but deliberate (another account starts afresh).
 * Mounted only while needed, so every time it opens it starts empty.
 */
export function ReauthDialog({ uid, onSignedIn, onCancel, busy: working, early = false }: ReauthDialogProps) {
  const id = useId();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [otherAccount, setOtherAccount] = useState(false);
  const [user, setUser] = useState(uid);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<string | null>(null);
  const popup = useRef<SsoPopup | null>(null);
  const providers = useQuery(loginProvidersQuery());
  const signIn = useMutation({ mutationFn: login });

  useEffect(() => {
    // The password is what is missing; the dialog's focus trap returns focus to the page when it closes.
    passwordRef.current?.focus();
    return () => popup.current?.cancel();
  }, []);

  const submit = async () => {
    setProblem(null);
    if (user.trim() === '' || password === '') {
      setProblem('Enter the username and password.');
      return;
    }
    try {
      const { expiresAt, uid } = await signIn.mutateAsync({ uid: user.trim(), password });
      rememberSessionExpiry(expiresAt);
      await establishSession(uid, expiresAt);
      setPassword('');
      onSignedIn();
    } catch (error) {
      setPassword('');
      setProblem(
        isApiError(error, 'unauthenticated')
          ? 'Wrong username or password.'
          : `Sign-in failed: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
      passwordRef.current?.focus();
    }
  };

  const withProvider = async (provider: LoginProvider) => {
    popup.current?.cancel();
    setProblem(null);
    setWaiting(provider.description);
    popup.current = openSsoPopup(ssoStartUrl(provider, publicPath(paths.ssoDone())));
    const result = await popup.current.result;
    setWaiting(null);
    if (result.ok) {
      // Single sign-on sets the cookie without showing the console a token: when this session ends is unknown.
      rememberSessionExpiry(null);
      onSignedIn();
    } else setProblem(result.message);
  };

  const list = providers.data ?? [];
  const busy = signIn.isPending || working;
  return (
    <Dialog title="Sign in again" isOpen onClose={() => undefined} isDismissable={false}>
      <p>
        {early ? 'Sign in again to start a new session' : 'Your session has ended. Sign in again to carry on'}: this
        page and anything you typed stay as they are.
      </p>
      <form
        aria-label="Sign in again"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void submit();
        }}
      >
        <ErrorAlert message={problem ?? undefined} />
        <div className="field">
          <label htmlFor={`${id}-uid`}>Username</label>
          <input
            id={`${id}-uid`}
            value={user}
            readOnly={!otherAccount}
            autoComplete="username"
            spellCheck={false}
            aria-describedby={otherAccount ? `${id}-other` : undefined}
            onChange={(e) => setUser(e.target.value)}
          />
          {otherAccount ? (
            <p className="muted" id={`${id}-other`} style={{ margin: 0, fontSize: '0.875rem' }}>
              Another account starts afresh: this page’s data is cleared and the overview opens.
            </p>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => setOtherAccount(true)}>
              Use another account
            </button>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            ref={passwordRef}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {list.length > 0 && (
        <section aria-label="Single sign-on" className="sso">
          <p className="muted">Or sign in with an identity provider, in a new window:</p>
          <ul className="plain-list stack" aria-label="Identity providers">
            {list.map((p) => (
              <li key={`${p.kind}/${p.id}`}>
                <button type="button" className="btn" disabled={busy} onClick={() => void withProvider(p)}>
                  Sign in with {p.description}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p role="status" className="muted">
        {waiting ? `Waiting for the ${waiting} sign-in window…` : ''}
      </p>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel and sign out
        </button>
      </div>
    </Dialog>
  );
}
