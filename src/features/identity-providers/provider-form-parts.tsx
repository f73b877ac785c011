import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { Link } from 'react-router';
import { settingsPaths } from '@/lib/paths.ts';
import { Field } from '@/ui/field.tsx';

interface IdentityFieldsProps {
  mode: 'create' | 'update';
  id: UseFormRegisterReturn;
  description: UseFormRegisterReturn;
  errors: { id?: FieldError | undefined; description?: FieldError | undefined };
}

/** The provider ID (only when creating: it is part of URLs) and the description the sign-in button shows. */
export function ProviderIdentityFields({ mode, id, description, errors }: IdentityFieldsProps) {
  return (
    <>
      {mode === 'create' && (
        <Field
          label="Provider ID"
          error={errors.id}
          hint="Lowercase letters, digits and -. It becomes part of URLs and cannot be changed later."
        >
          {(props) => <input {...props} autoComplete="off" spellCheck={false} {...id} />}
        </Field>
      )}
      <Field label="Description" error={errors.description} hint="The sign-in page shows “Sign in with” this text.">
        {(props) => <input {...props} autoComplete="off" {...description} />}
      </Field>
    </>
  );
}

/** Create or save, and the way back to the list. */
export function ProviderFormActions({ mode, isSubmitting }: { mode: 'create' | 'update'; isSubmitting: boolean }) {
  return (
    <div className="dialog-actions" style={{ justifyContent: 'flex-start' }}>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? 'Saving…' : mode === 'create' ? 'Create provider' : 'Save changes'}
      </button>
      <Link className="btn" to={settingsPaths.providers()}>
        {mode === 'create' ? 'Cancel' : 'Back to providers'}
      </Link>
    </div>
  );
}
