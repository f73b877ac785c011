import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { secretQueries, sealStore, unsealStore } from '@/api/secrets.ts';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { ErrorState } from '@/ui/query-state.tsx';
import { useIsSuperuser } from './use-is-superuser.ts';

export const SEALED_MEANING = 'While it is sealed, no secret can be read or written: services that start now cannot get their secrets.';

/** The store's seal state; a superuser can seal it, and unseal it one key share at a time. */
export function SealPanel() {
  const queryClient = useQueryClient();
  const status = useQuery(secretQueries.sealStatus());
  const superuser = useIsSuperuser();
  const [confirming, setConfirming] = useState(false);
  const [key, setKey] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: secretQueries.all() });
  const unseal = useMutation({
    mutationFn: unsealStore,
    onSuccess: async (next) => {
      setKey('');
      queryClient.setQueryData(secretQueries.sealStatus().queryKey, next);
      if (!next.sealed) await refresh();
    },
  });

  if (status.isPending) return null;
  if (status.isError) return <ErrorState title="Could not read the seal status" error={status.error} onRetry={() => void status.refetch()} />;
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
            if (key.trim() !== '' && !unseal.isPending) unseal.mutate(key.trim());
          }}
        >
          <p>
            Key shares entered: <strong>{s.progress}</strong> of <strong>{s.threshold}</strong> needed.
          </p>
          <div className="field">
            <label htmlFor="unseal-key">Unseal key share</label>
            <input id="unseal-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
          </div>
          {unseal.isError && (
            <p className="field-error" role="alert">
              {unseal.error.message}
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
