import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent, type SyntheticEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { login, loginInputSchema, loginProvidersQuery, type LoginInput } from '@/api/auth.ts';
import { isApiError } from '@/api/errors.ts';
import { safeRedirectTarget } from '@/lib/safe-redirect.ts';
import { describeSsoError } from '@/lib/sso-error.ts';
import { announceSession } from '@/lib/session-channel.ts';
import { rememberSessionExpiry } from '@/lib/session.ts';
import { establishSession } from './establish-session.ts';
import { Field } from '@/ui/field.tsx';
import { SsoButtons } from './sso-buttons.tsx';

function describeFailure(error: unknown): { title: string; detail?: string } {
  if (!isApiError(error)) return { title: 'Sign-in failed.', detail: 'Something unexpected went wrong. Try again.' };
  switch (error.kind) {
    case 'unauthenticated':
      return { title: 'Wrong username or password.', detail: 'Check both and try again.' };
    case 'invalid':
      return { title: 'The cluster refused the sign-in request.', detail: error.message };
    case 'malformed':
      return {
        title: 'The cluster answered with an unexpected response.',
        detail: 'Is this a DC/OS cluster? Try again or contact your administrator.',
      };
    default:
      return { title: 'The cluster could not be reached.', detail: error.message };
  }
}

type FieldErrors = Partial<Record<keyof LoginInput, string>>;

/** The schema's message for each field that fails it (the form checks itself: two fields need no form library). */
function validate(values: Record<keyof LoginInput, string>): { input?: LoginInput; errors: FieldErrors } {
  const parsed = loginInputSchema.safeParse(values);
  if (parsed.success) return { input: parsed.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'uid' || field === 'password') && !errors[field]) errors[field] = issue.message;
  }
  return { errors };
}

function formValues(form: HTMLFormElement): Record<keyof LoginInput, string> {
  const text = (name: keyof LoginInput) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? '';
  return { uid: text('uid'), password: text('password') };
}

function focusFirstInvalid(form: HTMLFormElement, errors: FieldErrors): void {
  const first = errors.uid ? 'uid' : 'password';
  form.querySelector<HTMLInputElement>(`input[name="${first}"]`)?.focus();
}

export function LoginPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const target = safeRedirectTarget(searchParams.get('redirect'));
  // A failed single sign-on comes back with the IAM's reason; the URL is anyone's to write, so only our own words show.
  const ssoRaw = searchParams.get('iam-error');
  const ssoError = ssoRaw === null ? null : describeSsoError(ssoRaw);
  // The identity providers' public lists, asked for once the form has painted (a route loader would make the router
  // render a fallback first and the form a round later: issue 9, LCP). The "Sign in with …" links follow below the
  // form; a list that fails is left out.
  const sso = useQuery(loginProvidersQuery()).data;
  const passwordRef = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  const signIn = useMutation({
    mutationFn: login,
    onSuccess: async ({ expiresAt, uid }) => {
      rememberSessionExpiry(expiresAt);
      // Nothing cached for a previous account may show to this one.
      queryClient.clear();
      const session = await establishSession(uid, expiresAt);
      announceSession({ type: 'signed-in', uid: session.uid });
      await navigate(target, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error, 'unauthenticated') && passwordRef.current) {
        passwordRef.current.value = '';
        passwordRef.current.focus();
      }
    },
  });

  const failure = signIn.isError
    ? describeFailure(signIn.error)
    : ssoError
      ? { title: 'Single sign-on did not sign you in.', detail: ssoError }
      : null;
  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const checked = validate(formValues(form));
    setErrors(checked.errors);
    if (!checked.input) {
      focusFirstInvalid(form, checked.errors);
      return;
    }
    if (!signIn.isPending) signIn.mutate(checked.input);
  };
  // After a refused submit, a flagged field is checked again as it is typed in, so its message goes once it is fixed.
  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    const field = event.currentTarget.name as keyof LoginInput;
    const form = event.currentTarget.form;
    if (form && errors[field] && !validate(formValues(form)).errors[field])
      setErrors((current) => ({ ...current, [field]: undefined }));
  };

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
        <form onSubmit={onSubmit} noValidate aria-label="Sign in">
          <Field label="Username" error={errors.uid ? { message: errors.uid } : undefined}>
            {(props) => (
              <input
                {...props}
                name="uid"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                onChange={onInput}
              />
            )}
          </Field>
          <Field label="Password" error={errors.password ? { message: errors.password } : undefined}>
            {(props) => (
              <input
                {...props}
                name="password"
                ref={passwordRef}
                type="password"
                autoComplete="current-password"
                onChange={onInput}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-primary" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        {sso && <SsoButtons providers={sso} target={target} />}
      </div>
    </main>
  );
}
