import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { secretQueries, unsealStore, type SealStatus } from '@/api/secrets.ts';
import { shareOutcome, unsealFailure } from './seal-panel.tsx';

/**
 * One key share at a time, with the progress the store reports. A superuser's; the caller decides who sees it. A share
 * the store refuses keeps the form and says why in the store's words; once unsealed every secret query is asked again.
 */
export function UnsealForm({ status, onUnsealed }: { status: SealStatus; onUnsealed?: (() => void) | undefined }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [key, setKey] = useState('');
  const [rejected, setRejected] = useState<string | null>(null);
  const unseal = useMutation({
    mutationFn: ({ share }: { share: string; before: SealStatus }) => unsealStore(share),
    onMutate: () => setRejected(null),
    onSuccess: async (next, { before }) => {
      setKey('');
      queryClient.setQueryData(secretQueries.sealStatus().queryKey, next);
      setRejected(shareOutcome(before, next));
      if (!next.sealed) {
        await queryClient.invalidateQueries({ queryKey: secretQueries.all() });
        onUnsealed?.();
      }
    },
  });
  const failure = unseal.error ? unsealFailure(unseal.error) : rejected;
  return (
    <form
      aria-label="Unseal"
      className="unseal-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (key.trim() !== '' && !unseal.isPending) unseal.mutate({ share: key.trim(), before: status });
      }}
    >
      <p>
        Key shares entered: <strong>{status.progress}</strong> of <strong>{status.threshold}</strong> needed.
      </p>
      <div className="field">
        <label htmlFor={`${id}-key`}>Unseal key share</label>
        <input
          id={`${id}-key`}
          type="password"
          autoComplete="off"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          aria-describedby={failure ? `${id}-error` : undefined}
        />
      </div>
      {failure && (
        <p className="field-error" role="alert" id={`${id}-error`}>
          {failure}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={unseal.isPending || key.trim() === ''}>
        {unseal.isPending ? 'Submitting…' : 'Submit key share'}
      </button>
    </form>
  );
}
