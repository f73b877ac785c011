import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PAGE_DESCRIPTIONS, isApiError } from '@/api/errors.ts';
import { secretQueries, sealStore, unsealStore, type SealStatus } from '@/api/secrets.ts';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { ErrorState } from '@/ui/query-state.tsx';
import { useIsSuperuser } from './use-own-access.ts';

export const SEALED_MEANING = 'While it is sealed, no secret can be read or written: services that start now cannot get their secrets.';

/** The store's seal state; a superuser can seal it, and unseal it one key share at a time. */
export function SealPanel() {
  const queryClient = useQueryClient();
  const status = useQuery(secretQueries.sealStatus());
  const superuser = useIsSuperuser();
  const [confirming, setConfirming] = useState(false);
  const [key, setKey] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: secretQueries.all() });
  const [rejected, setRejected] = useState<string | null>(null);
  const unseal = useMutation({
    mutationFn: ({ share }: { share: string; before: SealStatus }) => unsealStore(share),
    onMutate: () => setRejected(null),
    onSuccess: async (next, { before }) => {
      setKey('');
      queryClient.setQueryData(secretQueries.sealStatus().queryKey, next);
      setRejected(shareOutcome(before, next));
      if (!next.sealed) await refresh();
    },
  });

  if (status.isPending) return null;
  if (status.isError) {
    // A cluster may keep the seal status from accounts that are not superusers: then there is nothing to show them.
    if (isApiError(status.error, 'forbidden')) return null;
    return <ErrorState title="Could not read the seal status" error={status.error} onRetry={() => void status.refetch()} />;
  }
  const s = status.data;
  return (
    <section className={`card seal-panel ${s.sealed ? 'is-sealed' : ''}`} aria-labelledby="seal-heading">
      <h2 id="seal-heading">Secret store {s.sealed ? 'sealed' : 'unsealed'}</h2>
      {s.sealed ? <p>{SEALED_MEANING}</p> : <p className="muted">Secrets can be read and written.</p>}
      {superuser && !s.sealed && (
        <button type="button" className="btn" onClick={() => setConfirming(true)}>
          Seal the store…
        </button>
      )}
      {superuser && s.sealed && (
        <form
          aria-label="Unseal"
          onSubmit={(event) => {
            event.preventDefault();
            if (key.trim() !== '' && !unseal.isPending) unseal.mutate({ share: key.trim(), before: s });
          }}
        >
          <p>
            Key shares entered: <strong>{s.progress}</strong> of <strong>{s.threshold}</strong> needed.
          </p>
          <div className="field">
            <label htmlFor="unseal-key">Unseal key share</label>
            <input id="unseal-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
          </div>
          {(unseal.isError || rejected) && (
            <p className="field-error" role="alert">
              {unseal.error ? unsealFailure(unseal.error) : rejected}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={unseal.isPending || key.trim() === ''}>
            {unseal.isPending ? 'Submitting…' : 'Submit key share'}
          </button>
        </form>
      )}
      {!superuser && s.sealed && <p className="muted">A superuser must unseal it.</p>}
      <ConfirmDialog
        title="Seal the secret store?"
        isOpen={confirming}
        onClose={() => setConfirming(false)}
        confirmLabel="Seal the store"
        onConfirm={async () => {
          await sealStore();
          await refresh();
        }}
      >
        <p>{SEALED_MEANING}</p>
        <p>Unsealing needs {s.threshold} key share{s.threshold === 1 ? '' : 's'}.</p>
      </ConfirmDialog>
    </section>
  );
}

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
function shareOutcome(before: SealStatus, next: SealStatus): string | null {
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
