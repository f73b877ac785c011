import { isApiError } from '@/api/errors.ts';

/**
 * The permission catalog (a static file) could not be loaded: pickers and checks carry on without it, so say so and
 * what that changes. A 401 is left to the re-authentication dialog.
 */
export function CatalogNotice({ error, consequence }: { error: Error | null; consequence: string }) {
  if (!error || isApiError(error, 'unauthenticated')) return null;
  return (
    <p className="notice">
      The permission catalog could not be loaded ({error.message}); {consequence}
    </p>
  );
}
