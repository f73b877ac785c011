import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { reportToOpener } from '@/lib/sso-popup-report.ts';

/**
 * Where a single sign-on run in the re-authentication popup ends: signed in (the session cookie is set), or with the
 * IAM's reason (`?iam-error=`, sent on here by the protected route). The page tells its opener (same origin only) and
 * closes. Opened any other way, it goes home, or to the sign-in page with the reason.
 */
export function SsoDonePage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const error = params.get('iam-error')?.slice(0, 300) ?? null;
  useEffect(() => {
    if (reportToOpener(error === null ? { ok: true } : { ok: false, message: error })) return;
    void navigate(error === null ? '/' : `/login?${new URLSearchParams({ 'iam-error': error }).toString()}`, { replace: true });
  }, [navigate, error]);
  return (
    <main className="login-layout">
      <title>Single sign-on · DC/OS Security Console</title>
      <div className="card login-card">
        <h1>{error === null ? 'Signed in' : 'Sign-in did not complete'}</h1>
        <p>{error ?? 'You can close this window and carry on where you were.'}</p>
      </div>
    </main>
  );
}
