import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { describeSsoError } from '@/lib/sso-error.ts';
import { reportToOpener } from '@/lib/sso-popup-report.ts';

/**
 * Where a single sign-on run in the re-authentication popup ends: signed in (the session cookie is set), or with the
 * IAM's reason (`?iam-error=`, sent on here by the protected route). The page tells its opener (same origin only) and
 * closes. Opened any other way, it goes home, or to the sign-in page with the reason.
 */
export function SsoDonePage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // The IAM's reason goes on to the sign-in page as it came (that page explains it in its own words); the opener and
  // this page only ever show the console's words (lib/sso-error.ts).
  const error = params.get('iam-error')?.slice(0, 300) ?? null;
  const words = error === null ? null : describeSsoError(error);
  useEffect(() => {
    if (reportToOpener(words === null ? { ok: true } : { ok: false, message: words })) return;
    void navigate(error === null ? '/' : `/login?${new URLSearchParams({ 'iam-error': error }).toString()}`, {
      replace: true,
    });
  }, [navigate, error, words]);
  return (
    <main className="login-layout">
      <title>Single sign-on · DC/OS Security Console</title>
      <div className="card login-card">
        <h1>{error === null ? 'Signed in' : 'Sign-in did not complete'}</h1>
        <p>{words ?? 'You can close this window and carry on where you were.'}</p>
      </div>
    </main>
  );
}
