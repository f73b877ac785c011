import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod/mini';
import { Field } from '@/ui/field.tsx';
import { applyServerError } from './server-errors.ts';
import { ErrorAlert } from '@/ui/alert.tsx';

const schema = z.object({ description: z.string().check(z.trim()) });

/** Edits a description in place; a failed save keeps what was typed and says why. */
export function DescriptionForm({
  initial,
  save,
  required = false,
}: {
  initial: string;
  save: (description: string) => Promise<void>;
  required?: boolean;
}) {
  const form = useForm({
    resolver: zodResolver(
      required ? z.object({ description: z.string().check(z.trim(), z.minLength(1, 'Enter a description.')) }) : schema,
    ),
    values: { description: initial },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const onSubmit = form.handleSubmit(async ({ description }) => {
    try {
      await save(description);
    } catch (error) {
      applyServerError(error, form.setError, { ERR_INVALID_DATA: 'description' });
    }
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorAlert message={errors.root?.server?.message} />
      <Field label="Description" error={errors.description}>
        {(props) => <input {...props} autoComplete="off" {...form.register('description')} />}
      </Field>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting || !isDirty}>
        {isSubmitting ? 'Saving…' : 'Save description'}
      </button>
    </form>
  );
}
