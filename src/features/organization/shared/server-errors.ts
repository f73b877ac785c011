import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '@/api/errors.ts';

/**
 * Puts the IAM's answer where the user looks: known codes at their field (as the DC/OS UI mapped them), anything else
 * at the top of the form. The form keeps every value.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: Partial<Record<string, Path<T>>>,
): void {
  const code = isApiError(error) ? error.code : undefined;
  const field = code ? fields[code] : undefined;
  const message = error instanceof Error ? error.message : 'The change could not be saved.';
  if (field) setError(field, { type: 'server', message });
  else setError('root.server', { type: 'server', message });
}
