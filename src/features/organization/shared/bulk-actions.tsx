import { useQuery } from '@tanstack/react-query';
import { memo, useState } from 'react';
import { isApiError } from '@/api/errors.ts';
import { addMember, groupQueries, removeMember } from '@/api/groups.ts';
import { deleteUser, isSystemAccount, type User } from '@/api/users.ts';
import { ConfirmDialog, Dialog } from '@/ui/dialog.tsx';
import { useBulkRunArea } from './bulk-run.tsx';
import { EntityPicker } from './entity-picker.tsx';

/** A group action first picks the group (`gid` unset); with component accounts selected it is then confirmed. */
/** The IAM's answer when an account is already where the action would put it. */
const ALREADY = { add: 'ERR_USER_ALREADY_IN_GROUP', remove: 'ERR_USER_NOT_IN_GROUP' } as const;

/**
 * A member added again, or a non-member removed, ends as the user asked: done, not failed (and not offered for a
 * retry that could never succeed).
 */
const alreadyDone = (kind: 'add' | 'remove') => (error: unknown) => {
  if (isApiError(error) && error.code === ALREADY[kind]) return;
  throw error;
};

type Pending = { kind: 'add' | 'remove'; gid?: string } | { kind: 'delete' };

/** Add to group, remove from group or delete for every selected account; the results show in the BulkRunArea. */
function BulkActionsPanel({ selected, onDone, noun }: { selected: readonly User[]; onDone: () => void; noun: string }) {
  const bulk = useBulkRunArea();
  const groups = useQuery(groupQueries.list());
  const [pending, setPending] = useState<Pending | null>(null);
  const running = bulk.running;
  const uids = selected.map((u) => u.uid);
  const systemUids = uids.filter(isSystemAccount);
  const systemCount = systemUids.length;
  // As for one account (issue 4): a change to DC/OS component accounts needs their uids typed, not just a click.
  const typeToConfirm = systemCount > 0 ? systemUids.join(', ') : undefined;

  const runForGroup = (kind: 'add' | 'remove', gid: string) => {
    setPending(null);
    bulk.start(
      kind === 'add' ? `Adding ${uids.length} ${noun} to ${gid}` : `Removing ${uids.length} ${noun} from ${gid}`,
      uids,
      (uid) => (kind === 'add' ? addMember(gid, uid) : removeMember(gid, uid)).catch(alreadyDone(kind)),
    );
    onDone();
  };

  const confirming =
    pending && pending.kind !== 'delete' && pending.gid !== undefined ? { kind: pending.kind, gid: pending.gid } : null;

  return (
    <>
      <div className="bulk-actions" role="group" aria-label="Bulk actions">
        <button
          type="button"
          className="btn"
          disabled={uids.length === 0 || running}
          onClick={() => setPending({ kind: 'add' })}
        >
          Add to group…
        </button>
        <button
          type="button"
          className="btn"
          disabled={uids.length === 0 || running}
          onClick={() => setPending({ kind: 'remove' })}
        >
          Remove from group…
        </button>
        <button
          type="button"
          className="btn"
          disabled={uids.length === 0 || running}
          onClick={() => setPending({ kind: 'delete' })}
        >
          Delete…
        </button>
      </div>
      {(pending?.kind === 'add' || pending?.kind === 'remove') && pending.gid === undefined && (
        <Dialog
          title={`${pending.kind === 'add' ? 'Add' : 'Remove'} ${uids.length} ${noun} ${pending.kind === 'add' ? 'to' : 'from'} a group`}
          isOpen
          onClose={() => setPending(null)}
        >
          {systemCount > 0 && (
            <div className="notice">
              <p>
                {systemCount} of them are DC/OS component accounts; changing their memberships may break the cluster.
              </p>
            </div>
          )}
          <EntityPicker
            label="Find a group"
            noun="groups"
            source={groups}
            items={(groups.data ?? []).map((g) => ({ id: g.gid, description: g.description }))}
            exclude={new Set()}
            actionLabel="Choose"
            onPick={(gid) => (typeToConfirm ? setPending({ kind: pending.kind, gid }) : runForGroup(pending.kind, gid))}
          />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
      {confirming && (
        <ConfirmDialog
          isOpen
          onClose={() => setPending(null)}
          title={`${confirming.kind === 'add' ? 'Add' : 'Remove'} ${uids.length} ${noun} ${confirming.kind === 'add' ? 'to' : 'from'} ${confirming.gid}?`}
          confirmLabel={confirming.kind === 'add' ? 'Add to group' : 'Remove from group'}
          requireTyping={typeToConfirm}
          onConfirm={() => {
            runForGroup(confirming.kind, confirming.gid);
            return Promise.resolve();
          }}
        >
          <p>
            {systemUids.join(', ')}{' '}
            {systemCount === 1 ? 'is a DC/OS component account' : 'are DC/OS component accounts'}: changing{' '}
            {systemCount === 1 ? 'its' : 'their'} memberships may break the cluster.
          </p>
        </ConfirmDialog>
      )}
      <ConfirmDialog
        isOpen={pending?.kind === 'delete'}
        onClose={() => setPending(null)}
        title={`Delete ${uids.length} ${noun}?`}
        confirmLabel={`Delete ${uids.length} ${noun}`}
        requireTyping={typeToConfirm}
        onConfirm={() => {
          bulk.start(`Deleting ${uids.length} ${noun}`, uids, (uid) => deleteUser(uid));
          onDone();
          return Promise.resolve();
        }}
      >
        <p>
          {uids.slice(0, 5).join(', ')}
          {uids.length > 5 ? ` and ${uids.length - 5} more` : ''} lose their memberships and permissions. This cannot be
          undone.
        </p>
        {systemCount > 0 && (
          <p>{systemCount} of them are DC/OS component accounts: deleting them may break the cluster.</p>
        )}
      </ConfirmDialog>
    </>
  );
}

/** Memoized: the list renders its toolbar on every search keystroke, and these actions change only with the selection. */
export const BulkActions = memo(BulkActionsPanel);
