import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { secretQueries } from '@/api/secrets.ts';
import { UnsealForm } from './unseal-form.tsx';
import { useIsSuperuser } from './use-own-access.ts';

/**
 * Whether the store is sealed, and whether that is known yet. A sealed store answers every read, write and list with
 * 503, so a page asks nothing of it meanwhile: a list would be retried, then shown as a generic failure. A status that
 * cannot be read (an account without the permission) counts as known and not sealed, so the page works as before.
 * It is read from the cluster on every load (the early request of a reload included), never from storage, so a reload
 * shows the store as it is.
 */
export function useStoreSealed(): { sealed: boolean; known: boolean } {
  const status = useQuery(secretQueries.sealStatus());
  return { sealed: status.data?.sealed === true, known: !status.isPending };
}

/** The reason a disabled value action gives (its `aria-describedby`), shown next to the actions. */
export const SEALED_REASON =
  'The secret store is sealed: the value can be neither read nor replaced until it is unsealed.';

/**
 * In place of what a sealed store cannot give: what is blocked and, for a superuser, the unseal form right here (the
 * one thing to do next); anyone else is told who can unseal it.
 */
export function SealedStoreNotice({ what }: { what: string }) {
  const status = useQuery(secretQueries.sealStatus());
  const superuser = useIsSuperuser();
  const heading = useId();
  return (
    <section className="card sealed-store" aria-labelledby={heading}>
      <h2 id={heading} className="visually-hidden">
        Sealed secret store
      </h2>
      <div className="notice" role="status">
        <p>The secret store is sealed: unseal it to {what}.</p>
      </div>
      {status.data?.sealed &&
        (superuser ? <UnsealForm status={status.data} /> : <p className="muted">A superuser must unseal it.</p>)}
    </section>
  );
}
