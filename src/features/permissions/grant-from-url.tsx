import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { Principal } from '@/api/acls.ts';
import { isAction } from '@/lib/rid.ts';
import { useSearchUpdate } from '@/lib/use-search-update.ts';
import { LoadingState } from '@/ui/query-state.tsx';
import { GrantDialog } from './grant-dialog.tsx';
import { catalogQuery } from './catalog-query.ts';

/**
 * The grant dialog of a Permissions tab, opened by `?grant=<rid>[&action=<action>]`: the rid being edited goes back into
 * `grant` as it changes (replacing the entry, so Back leaves the tab rather than stepping through keystrokes), and a
 * reload reopens the dialog on it.
 */
export function GrantFromUrl({ principal, onClose }: { principal: Principal; onClose: () => void }) {
  const [params] = useSearchParams();
  const update = useSearchUpdate();
  const catalog = useQuery(catalogQuery());
  const action = params.get('action') ?? '';
  const keepRid = (rid: string) => {
    if (params.get('grant') === null || params.get('grant') === rid) return;
    update({ grant: rid }, { replace: true });
  };

  if (catalog.isPending) return <LoadingState>Loading the permission catalog…</LoadingState>;
  return (
    <GrantDialog
      principal={principal}
      catalog={catalog.data ?? []}
      catalogError={catalog.error}
      initialRid={params.get('grant') ?? ''}
      initialActions={isAction(action) ? [action] : []}
      onRidChange={keepRid}
      isOpen
      onClose={onClose}
    />
  );
}
