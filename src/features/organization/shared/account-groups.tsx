import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { addMember, groupQueries, removeMember } from '@/api/groups.ts';
import { isSystemAccount, userQueries } from '@/api/users.ts';
import { orgPaths } from '@/lib/paths.ts';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { EntityPicker } from './entity-picker.tsx';
import { useOrgMutation } from './use-org-mutation.ts';
import { ErrorAlert } from '@/ui/alert.tsx';

interface Change {
  kind: 'add' | 'remove';
  gid: string;
}

/**
 * The groups of a user or service account: leave with confirmation, join through a searchable picker. Changing a
 * `dcos_` component account asks for its uid to be typed.
 */
export function AccountGroups({ uid }: { uid: string }) {
  const groups = useQuery(userQueries.groups(uid));
  const allGroups = useQuery(groupQueries.list());
  const [change, setChange] = useState<Change | null>(null);
  const system = isSystemAccount(uid);
  const apply = useOrgMutation(
    (c: Change) => (c.kind === 'add' ? addMember(c.gid, uid) : removeMember(c.gid, uid)),
    (c) => (c.kind === 'add' ? `Added ${uid} to ${c.gid}.` : `Removed ${uid} from ${c.gid}.`),
  );

  if (groups.isPending) return <LoadingState>Loading groups…</LoadingState>;
  if (groups.isError)
    return (
      <ErrorState
        title="Could not load the groups"
        error={groups.error}
        onRetry={() => void groups.refetch()}
        retrying={groups.isFetching}
      />
    );
  const memberOf = new Set(groups.data.map((g) => g.gid));

  return (
    <div className="stack">
      <section aria-labelledby="member-of">
        <h2 id="member-of">Member of {groups.data.length === 1 ? '1 group' : `${groups.data.length} groups`}</h2>
        {groups.data.length === 0 ? (
          <p className="muted">Not a member of any group.</p>
        ) : (
          <ul className="plain-list">
            {groups.data.map((group) => (
              <li key={group.gid}>
                <span>
                  <Link to={orgPaths.group(group.gid)}>{group.gid}</Link>{' '}
                  <span className="muted">{group.description}</span>
                </span>
                <button
                  type="button"
                  className="btn btn-quiet btn-small"
                  onClick={() => setChange({ kind: 'remove', gid: group.gid })}
                  aria-label={`Remove from ${group.gid}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="add-to-group">
        <h2 id="add-to-group">Add to a group</h2>
        <EntityPicker
          label="Find a group"
          noun="groups"
          source={allGroups}
          items={(allGroups.data ?? []).map((g) => ({ id: g.gid, description: g.description }))}
          exclude={memberOf}
          actionLabel="Add to"
          disabled={apply.isPending}
          onPick={(gid) => {
            // Joining a group is not destructive: only component accounts ask first.
            if (system) setChange({ kind: 'add', gid });
            else apply.mutate({ kind: 'add', gid });
          }}
        />
        <ErrorAlert message={apply.isError && change === null ? apply.error.message : undefined} />
      </section>
      <ConfirmDialog
        isOpen={change !== null}
        onClose={() => setChange(null)}
        title={change?.kind === 'add' ? `Add ${uid} to ${change.gid}?` : `Remove ${uid} from ${change?.gid ?? ''}?`}
        confirmLabel={change?.kind === 'add' ? 'Add to group' : 'Remove from group'}
        requireTyping={system ? uid : undefined}
        onConfirm={async () => {
          if (change) await apply.mutateAsync(change);
        }}
      >
        {system && <p>{uid} is a DC/OS component account: changing its memberships may break the cluster.</p>}
        <p>
          {change?.kind === 'add'
            ? `${uid} gets every permission the group ${change.gid} holds.`
            : `${uid} loses the permissions it has through ${change?.gid ?? ''}.`}
        </p>
      </ConfirmDialog>
    </div>
  );
}
