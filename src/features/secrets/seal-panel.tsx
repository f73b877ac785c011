import { useQuery } from '@tanstack/react-query';
import { PAGE_DESCRIPTIONS, isApiError } from '@/api/errors.ts';
import { secretQueries, type SealStatus } from '@/api/secrets.ts';

// What the shell needs (its sealed notice), and the words the seal controls share. The controls themselves live in
// seal-menu.tsx (the header chip and its menu) and unseal-form.tsx, so that the shell's chunk carries neither.

export const SEALED_MEANING =
  'While it is sealed, no secret can be read or written: services that start now cannot get their secrets.';

/**
 * Why a key share failed. DC/OS answers a key that is none of the store's shares with 500 (docs/decisions/006), so a
 * 500 here is the store refusing the key, not a broken cluster: said so, with the store's own words when it gave any.
 */
export function unsealFailure(error: Error): string {
  if (!isApiError(error) || error.status !== 500) return error.message;
  const own = error.description !== undefined && error.description !== PAGE_DESCRIPTIONS.unavailable;
  const detail = own ? ` The store said: ${error.description}` : '';
  return `The secret store did not accept this key share (HTTP 500): check it and enter it again.${detail}`;
}

/**
 * What a 200 answer to a key share means when the store is still sealed. Vault checks the shares only once the
 * threshold is reached: if they do not unseal it, it drops them all, so the progress goes down instead of up.
 */
export function shareOutcome(before: SealStatus, next: SealStatus): string | null {
  if (!next.sealed) return null;
  if (next.progress < before.progress || (next.progress === 0 && before.progress + 1 >= next.threshold)) {
    return `The key shares did not unseal the store: it rejected them and reset the progress to ${next.progress} of ${next.threshold}. Enter the shares again, checking each one.`;
  }
  if (next.progress === before.progress) return 'This key share was not counted: it may have been entered already.';
  return null;
}

/** A line in the shell on every page while the store is sealed. */
export function SealedNotice() {
  const status = useQuery(secretQueries.sealStatus());
  if (!status.data?.sealed) return null;
  return (
    <section className="mode-banner mode-disabled" aria-label="Secret store">
      <p>
        <span className="mode-name">Secret store sealed.</span> {SEALED_MEANING}
      </p>
    </section>
  );
}
