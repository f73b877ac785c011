import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '@/api/errors.ts';
import { fieldForMessage } from '@/lib/field-errors.ts';

/**
 * Puts the IAM's refusal at the field it is about (the key named in its description; the ID for a clash or a bad ID),
 * anything else at the top of the form. The form keeps every value.
 */
export function applyProviderError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: Partial<Record<string, Path<T>>>,
  idField: Path<T>,
): void {
  const message = error instanceof Error ? error.message : 'The provider could not be saved.';
  if (isApiError(error, 'conflict')) {
    setError(idField, { type: 'server', message: 'A provider with this ID already exists. Choose another ID.' });
    return;
  }
  const field = /provider ID/i.test(message) ? idField : fieldForMessage(message, fields);
  setError(field ?? 'root.server', { type: 'server', message });
}
