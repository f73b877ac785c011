import { useNavigate } from 'react-router';
import { deleteUser, isSystemAccount } from '@/api/users.ts';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { useOrgMutation } from './use-org-mutation.ts';

/** Deleting names the account; a `dcos_` component account must be typed; the server's refusal is shown as is. */
export function DeleteAccountDialog({
  uid,
  noun,
  isOpen,
  onClose,
  listPath,
}: {
  uid: string;
  noun: string;
  isOpen: boolean;
  onClose: () => void;
  listPath: string;
}) {
  const navigate = useNavigate();
  const remove = useOrgMutation(
    (id: string) => deleteUser(id),
    (id) => `Deleted ${noun} ${id}.`,
  );
  const system = isSystemAccount(uid);
  return (
    <ConfirmDialog
      title={`Delete ${noun} ${uid}?`}
      isOpen={isOpen}
      onClose={onClose}
      confirmLabel={`Delete ${noun}`}
      requireTyping={system ? uid : undefined}
      onConfirm={async () => {
        await remove.mutateAsync(uid);
        await navigate(listPath, { replace: true });
      }}
    >
      {system && <p>{uid} is a DC/OS component account: deleting it may break the cluster.</p>}
      <p>{uid} loses its memberships and permissions and can no longer sign in. This cannot be undone.</p>
    </ConfirmDialog>
  );
}
