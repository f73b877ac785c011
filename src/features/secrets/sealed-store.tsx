import { useQuery } from '@tanstack/react-query';
import { secretQueries } from '@/api/secrets.ts';

/**
 * Whether the store is sealed, and whether that is known yet. A sealed store answers every read, write and list with
 * 503, so a page asks nothing of it meanwhile: a list would be retried, then shown as a generic failure. A status that
 * cannot be read (an account without the permission) counts as known and not sealed, so the page works as before.
 */
export function useStoreSealed(): { sealed: boolean; known: boolean } {
  const status = useQuery(secretQueries.sealStatus());
  return { sealed: status.data?.sealed === true, known: !status.isPending };
}

/** In place of what a sealed store cannot give; the seal panel with the unseal form sits above it. */
export function SealedStoreNotice({ what }: { what: string }) {
  return (
    <div className="notice" role="status">
      <p>The secret store is sealed: unseal it to {what}.</p>
    </div>
  );
}
