import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { addMember, groupQueries, removeMember, SUPERUSERS_GID } from '@/api/groups.ts';
import { isSystemAccount, userQueries } from '@/api/users.ts';
import { orgPaths } from '@/lib/paths.ts';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { EntityPicker } from '../shared/entity-picker.tsx';
import { useOrgMutation } from '../shared/use-org-mutation.ts';
import { ErrorAlert } from '@/ui/alert.tsx';

interface Change {
  kind: 'add' | 'remove';
  uid: string;
}

/** Users or service accounts of a group: add through a picker over the cached list, remove with confirmation. */
export function GroupMembers({ gid, type }: { gid: string; type: 'user' | 'service' }) {
  const members = useQuery(groupQueries.members(gid, type));
  const candidates = useQuery(userQueries.list(type));
  const [change, setChange] = useState<Change | null>(null);
  const noun = type === 'user' ? 'users' : 'service accounts';
  const detail = type === 'user' ? orgPaths.user : orgPaths.serviceAccount;
  const apply = useOrgMutation(
    (c: Change) => (c.kind === 'add' ? addMember(gid, c.uid) : removeMember(gid, c.uid)),
    (c) => (c.kind === 'add' ? `Added ${c.uid} to ${gid}.` : `Removed ${c.uid} from ${gid}.`),
  );

  if (members.isPending) return <LoadingState>Loading {noun}…</LoadingState>;
  if (members.isError)
    return (
      <ErrorState
        title={`Could not load the ${noun}`}
        error={members.error}
        onRetry={() => void members.refetch()}
        retrying={members.isFetching}
      />
    );
  const memberIds = new Set(members.data.map((m) => m.uid));
  const system = change !== null && isSystemAccount(change.uid);

  return (
    <div className="stack">
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">
          {members.data.length} {members.data.length === 1 ? noun.replace(/s$/, '') : noun}
        </h2>
        {gid === SUPERUSERS_GID && type === 'user' && (
          <div className="notice">
            <p>Members of superusers have unrestricted access. The last member cannot be removed.</p>
          </div>
        )}
        {members.data.length === 0 ? (
          <p className="muted">No {noun} in this group.</p>
        ) : (
          <ul className="plain-list">
            {members.data.map((m) => (
              <li key={m.uid}>
                <span>
                  <Link to={detail(m.uid)}>{m.uid}</Link> <span className="muted">{m.description}</span>
                </span>
                <button
                  type="button"
                  className="btn btn-quiet btn-small"
                  onClick={() => setChange({ kind: 'remove', uid: m.uid })}
                  aria-label={`Remove ${m.uid}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="add-member-heading">
        <h2 id="add-member-heading">Add {noun}</h2>
        <EntityPicker
          label={type === 'user' ? 'Find a user' : 'Find a service account'}
          noun={noun}
          source={candidates}
          items={(candidates.data ?? []).map((u) => ({ id: u.uid, description: u.description }))}
          exclude={memberIds}
          actionLabel="Add"
          disabled={apply.isPending}
          onPick={(uid) => {
            if (isSystemAccount(uid)) setChange({ kind: 'add', uid });
            else apply.mutate({ kind: 'add', uid });
          }}
        />
        <ErrorAlert message={apply.isError && change === null ? apply.error.message : undefined} />
      </section>
      <ConfirmDialog
        isOpen={change !== null}
        onClose={() => setChange(null)}
        title={change?.kind === 'add' ? `Add ${change.uid} to ${gid}?` : `Remove ${change?.uid ?? ''} from ${gid}?`}
        confirmLabel={change?.kind === 'add' ? 'Add to group' : 'Remove from group'}
        requireTyping={system ? change.uid : undefined}
        onConfirm={async () => {
          if (change) await apply.mutateAsync(change);
        }}
      >
        {system && <p>{change.uid} is a DC/OS component account: changing its memberships may break the cluster.</p>}
        <p>
          {change?.kind === 'add'
            ? `${change.uid} gets every permission of ${gid}.`
            : `${change?.uid ?? ''} loses the permissions it has through ${gid}.`}
        </p>
      </ConfirmDialog>
    </div>
  );
}
