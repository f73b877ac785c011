import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { createGroup, newGroupSchema, type NewGroup } from '@/api/groups.ts';
import { orgPaths } from '@/lib/paths.ts';
import { ErrorAlert, FormActions } from '@/ui/alert.tsx';
import { Dialog } from '@/ui/dialog.tsx';
import { Field } from '@/ui/field.tsx';
import { applyServerError } from '../shared/server-errors.ts';
import { useOrgMutation } from '../shared/use-org-mutation.ts';

export function CreateGroupDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const form = useForm<NewGroup>({
    resolver: zodResolver(newGroupSchema),
    defaultValues: { gid: '', description: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const create = useOrgMutation(createGroup, (g) => `Created group ${g.gid}.`);
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync(values);
      form.reset();
      onClose();
      await navigate(orgPaths.group(values.gid));
    } catch (error) {
      applyServerError(error, form.setError, {
        ERR_GROUP_EXISTS: 'gid',
        ERR_INVALID_GROUP_ID: 'gid',
        ERR_INVALID_DATA: 'description',
      });
    }
  });
  return (
    <Dialog title="Create group" isOpen={isOpen} onClose={onClose} isDismissable={!isSubmitting}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Create group">
        <ErrorAlert message={errors.root?.server?.message} />
        <Field label="Group ID" error={errors.gid} hint="Letters, digits and - _ @ . (at most 96).">
          {(props) => <input {...props} autoComplete="off" spellCheck={false} {...form.register('gid')} />}
        </Field>
        <Field label="Description" error={errors.description}>
          {(props) => <input {...props} autoComplete="off" {...form.register('description')} />}
        </Field>
        <FormActions onCancel={onClose} pending={isSubmitting} label="Create group" pendingLabel="Creating…" />
      </form>
    </Dialog>
  );
}
