import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { createUser, newUserSchema, type NewUser } from '@/api/users.ts';
import { orgPaths } from '@/lib/paths.ts';
import { Dialog } from '@/ui/dialog.tsx';
import { Field } from '@/ui/field.tsx';
import { applyServerError } from '../shared/server-errors.ts';
import { useOrgMutation } from '../shared/use-org-mutation.ts';
import { ErrorAlert, FormActions } from '@/ui/alert.tsx';

export function CreateUserDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const form = useForm<NewUser>({
    resolver: zodResolver(newUserSchema),
    defaultValues: { uid: '', description: '', password: '', confirm: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const create = useOrgMutation(createUser, (u) => `Created user ${u.uid}.`);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync({ uid: values.uid, description: values.description, password: values.password });
      form.reset();
      onClose();
      await navigate(orgPaths.user(values.uid));
    } catch (error) {
      // The IAM answers a password its rules refuse with ERR_INVALID_DATA ("Password does not match rules: …").
      applyServerError(error, form.setError, {
        ERR_USER_EXISTS: 'uid',
        ERR_INVALID_USER_ID: 'uid',
        ERR_INVALID_DATA: 'password',
      });
    }
  });

  return (
    <Dialog title="Create user" isOpen={isOpen} onClose={onClose} isDismissable={!isSubmitting}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Create user">
        <ErrorAlert message={errors.root?.server?.message} />
        <Field label="User ID" error={errors.uid} hint="Letters, digits and - _ @ . (at most 96).">
          {(props) => <input {...props} autoComplete="off" spellCheck={false} {...form.register('uid')} />}
        </Field>
        <Field label="Description" error={errors.description}>
          {(props) => <input {...props} autoComplete="off" {...form.register('description')} />}
        </Field>
        <Field label="Password" error={errors.password} hint="At least 5 characters.">
          {(props) => <input {...props} type="password" autoComplete="new-password" {...form.register('password')} />}
        </Field>
        <Field label="Confirm password" error={errors.confirm}>
          {(props) => <input {...props} type="password" autoComplete="new-password" {...form.register('confirm')} />}
        </Field>
        <FormActions onCancel={onClose} pending={isSubmitting} label="Create user" pendingLabel="Creating…" />
      </form>
    </Dialog>
  );
}
