import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useLoaderData, useNavigate, useSearchParams } from 'react-router';
import { login, loginInputSchema, type LoginInput } from '@/api/auth.ts';
import { isApiError } from '@/api/errors.ts';
import { safeRedirectTarget } from '@/lib/safe-redirect.ts';
import { announceSession } from '@/lib/session-channel.ts';
import { readSessionInfo } from '@/lib/session.ts';
import type { LoginProvider } from '@/api/auth.ts';
import { SsoButtons } from './sso-buttons.tsx';

function describeFailure(error: unknown): { title: string; detail?: string } {
  if (!isApiError(error)) return { title: 'Sign-in failed.', detail: 'Something unexpected went wrong. Try again.' };
  switch (error.kind) {
    case 'unauthenticated':
      return { title: 'Wrong username or password.', detail: 'Check both and try again.' };
    case 'invalid':
      return { title: 'The cluster refused the sign-in request.', detail: error.message };
    case 'malformed':
      return { title: 'The cluster answered with an unexpected response.', detail: 'Is this a DC/OS cluster? Try again or contact your administrator.' };
    default:
      return { title: 'The cluster could not be reached.', detail: error.message };
  }
}

export function LoginPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const target = safeRedirectTarget(searchParams.get('redirect'));
  // A failed single sign-on comes back with the IAM's reason (text only, shortened: the URL is anyone's to write).
  const ssoError = searchParams.get('iam-error')?.slice(0, 300);
  const sso = useLoaderData<{ sso?: LoginProvider[] } | undefined>()?.sso;
  const form = useForm<LoginInput>({ resolver: zodResolver(loginInputSchema), defaultValues: { uid: '', password: '' } });
  const { errors } = form.formState;

  const signIn = useMutation({
    mutationFn: login,
    onSuccess: async () => {
      // Nothing cached for a previous account may show to this one.
      queryClient.clear();
      announceSession({ type: 'signed-in', uid: readSessionInfo()?.uid ?? '' });
      await navigate(target, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error, 'unauthenticated')) {
        form.resetField('password');
        form.setFocus('password');
      }
    },
  });

  const failure = signIn.isError ? describeFailure(signIn.error) : ssoError ? { title: 'Single sign-on did not sign you in.', detail: ssoError } : null;
  const onSubmit = form.handleSubmit((values) => {
    if (!signIn.isPending) signIn.mutate(values);
  });

  return (
    <main className="login-layout">
      <title>Sign in · DC/OS Security Console</title>
      <div className="card login-card">
        <h1>Sign in to DC/OS</h1>
        <p className="muted">Security console: users, permissions and secrets.</p>
        {failure && (
          <div className="alert alert-error" role="alert">
            <p className="alert-title">{failure.title}</p>
            {failure.detail && <p>{failure.detail}</p>}
          </div>
        )}
        <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Sign in">
          <div className="field">
            <label htmlFor="login-uid">Username</label>
            <input
              id="login-uid"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={errors.uid ? true : undefined}
              aria-describedby={errors.uid ? 'login-uid-error' : undefined}
              {...form.register('uid')}
            />
            {errors.uid && (
              <p className="field-error" id="login-uid-error">
                {errors.uid.message}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="login-password">Password</label>
            <input
              id="login-password"
              type="password"
              autoComplete="current-password"
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? 'login-password-error' : undefined}
              {...form.register('password')}
            />
            {errors.password && (
              <p className="field-error" id="login-password-error">
                {errors.password.message}
              </p>
            )}
          </div>
          <button type="submit" className="btn btn-primary" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        {sso && <SsoButtons providers={sso} target={target} />}
      </div>
    </main>
  );
}
