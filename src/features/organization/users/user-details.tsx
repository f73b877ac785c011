import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { ORIGIN_LABELS, originOf, passwordChangeSchema, updateUser, type User } from '@/api/users.ts';
import { DescriptionForm } from '../shared/description-form.tsx';
import { Field } from '@/ui/field.tsx';
import { applyServerError } from '../shared/server-errors.ts';
import { useOrgMutation } from '../shared/use-org-mutation.ts';
import { ErrorAlert } from '@/ui/alert.tsx';

function PasswordForm({ uid }: { uid: string }) {
  const form = useForm({ resolver: zodResolver(passwordChangeSchema), defaultValues: { password: '', confirm: '' } });
  const { errors, isSubmitting } = form.formState;
  const change = useOrgMutation(
    (password: string) => updateUser(uid, { password }),
    () => `Changed the password of ${uid}.`,
  );
  const onSubmit = form.handleSubmit(async ({ password }) => {
    try {
      await change.mutateAsync(password);
      form.reset();
    } catch (error) {
      applyServerError(error, form.setError, { ERR_INVALID_DATA: 'password' });
    }
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Change password">
      <h2>Change password</h2>
      <ErrorAlert message={errors.root?.server?.message} />
      <Field label="New password" error={errors.password} hint="At least 5 characters.">
        {(props) => <input {...props} type="password" autoComplete="new-password" {...form.register('password')} />}
      </Field>
      <Field label="Confirm new password" error={errors.confirm}>
        {(props) => <input {...props} type="password" autoComplete="new-password" {...form.register('confirm')} />}
      </Field>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? 'Saving…' : 'Change password'}
      </button>
    </form>
  );
}

export function UserDetails({ user }: { user: User }) {
  const save = useOrgMutation(
    (description: string) => updateUser(user.uid, { description }),
    () => `Saved the description of ${user.uid}.`,
  );
  const origin = originOf(user);
  return (
    <div className="grid-2">
      <section className="card" aria-label="Profile">
        <dl className="props" style={{ marginBottom: '1rem' }}>
          <dt>User ID</dt>
          <dd>{user.uid}</dd>
          <dt>Origin</dt>
          <dd>
            {origin === 'local'
              ? 'Local account'
              : `${ORIGIN_LABELS[origin]}${user.provider_id ? ` (${user.provider_id})` : ''}`}
          </dd>
        </dl>
        <DescriptionForm initial={user.description} save={(d) => save.mutateAsync(d)} />
      </section>
      <section className="card" aria-label="Password">
        {origin === 'local' ? (
          <PasswordForm uid={user.uid} />
        ) : (
          <>
            <h2>Password</h2>
            <p>
              This account signs in through {ORIGIN_LABELS[origin]}
              {user.provider_id ? ` provider “${user.provider_id}”` : ''}; its password is managed there, not in DC/OS.
            </p>
          </>
        )}
      </section>
    </div>
  );
}
