import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { aclQueries, grantPermission } from '@/api/acls.ts';
import { describeErrorWithHint, forbiddenHint, isApiError } from '@/api/errors.ts';
import { metadataQueries } from '@/api/metadata.ts';
import { isSystemAccount, userQueries } from '@/api/users.ts';
import { explainAccess, type Grant } from '@/lib/access-check.ts';
import type { Action } from '@/lib/rid.ts';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { accountRows } from './permissions-tab.tsx';
import { ReasonList } from './question-parts.tsx';
import { useAccountPath } from './use-account-path.ts';
import { usePermissionChange } from './use-permission-change.ts';

/** An action in a sentence about `uid`: "may read", "may not update", "has full control of" (`full` is not a verb). */
export function accessPhrase(action: Action, allowed: boolean): string {
  if (action === 'full') return allowed ? 'has full control of' : 'does not have full control of';
  return allowed ? `may ${action}` : `may not ${action}`;
}

const quoted = (action: string) => `“${action}”`;

/** The answer to "may `uid` do `action` on `rid`?", with the reason chain, the mode's say, and "grant this" on a no. */
export function CheckAnswer({ uid, rid, action }: { uid: string; rid: string; action: Action }) {
  // A refusal is shown in the answer with the permission it lacks, so the question above stays on screen.
  const permissions = useQuery({ ...userQueries.permissions(uid), select: accountRows, throwOnError: false });
  const config = useQuery(metadataQueries.bootstrapConfig());
  const iam = useQuery({ ...aclQueries.allowed({ uid }, rid, action), retry: false, throwOnError: false });
  const [granting, setGranting] = useState(false);
  const accountPath = useAccountPath();
  const grant = usePermissionChange(
    () => grantPermission({ uid }, rid, [action]),
    () => `Granted ${quoted(action)} on ${rid} to ${uid}.`,
  );

  if (permissions.isPending) return <LoadingState>Checking…</LoadingState>;
  if (permissions.isError) {
    if (isApiError(permissions.error, 'not-found'))
      return (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">No account “{uid}”</p>
          <p>Check the user or service account ID.</p>
        </div>
      );
    return (
      <ErrorState
        title="Could not read the account's permissions"
        error={permissions.error}
        onRetry={() => void permissions.refetch()}
        retrying={permissions.isFetching}
      >
        {forbiddenHint(permissions.error)}
      </ErrorState>
    );
  }
  const mode = config.data?.security ?? 'strict';
  const grants: Grant[] = permissions.data.map((row) => ({ rid: row.rid, actions: row.actions, source: row.source }));
  const answer = explainAccess({ grants, mode, rid, action });

  return (
    <section
      className={`card check-answer ${answer.allowed ? 'check-yes' : 'check-no'}`}
      aria-labelledby="check-answer-title"
      aria-live="polite"
    >
      <h2 id="check-answer-title">
        {answer.allowed ? 'Yes' : 'No'}: {uid} {accessPhrase(action, answer.allowed)}{' '}
        <span className="mono">{rid}</span>
      </h2>
      {answer.reasons.length > 0 && (
        <>
          <h3>Why</h3>
          <ReasonList reasons={answer.reasons} ordered />
        </>
      )}
      {answer.modeNote && <p className="notice">{answer.modeNote}</p>}
      {!config.data && !config.isPending && (
        <p className="muted">The security mode could not be read; the answer assumes strict.</p>
      )}
      {!answer.allowed && (
        <>
          <p>
            No grant covers it: {action === 'full' ? 'no “full”' : `neither ${quoted(action)} nor “full”`} on this
            resource or a broader one, directly or through a group, and no superuser permission.
            {answer.partial.length > 0 &&
              ` ${uid} holds ${answer.partial.map((g) => `${g.actions.map(quoted).join(', ')}${g.source.kind === 'group' ? ` (through ${g.source.gid})` : ''}`).join('; ')} on it.`}
          </p>
          <p className="actions">
            <button type="button" className="btn btn-primary" onClick={() => setGranting(true)}>
              Grant this
            </button>{' '}
            <Link to={`${accountPath(uid, 'permissions')}?${new URLSearchParams({ grant: rid, action }).toString()}`}>
              Grant with more options
            </Link>
          </p>
        </>
      )}
      <p className="muted">
        The IAM&apos;s own check (this exact resource):{' '}
        {iam.isPending
          ? 'asking…'
          : iam.isError
            ? `not available (${describeErrorWithHint(iam.error)})`
            : iam.data
              ? 'allowed'
              : 'not allowed'}
        .
      </p>
      <ConfirmDialog
        title={action === 'full' ? `Give ${uid} full control of this resource?` : `Let ${uid} ${action} this resource?`}
        isOpen={granting}
        onClose={() => setGranting(false)}
        onConfirm={() => grant.mutateAsync(undefined)}
        confirmLabel="Grant"
        errorHint={forbiddenHint}
        requireTyping={isSystemAccount(uid) ? uid : undefined}
      >
        <p>
          {uid} gets {quoted(action)}
          {action === 'full' ? ' (every action)' : ''} on <span className="mono">{rid}</span> directly (the ACL is
          created if it does not exist).
        </p>
      </ConfirmDialog>
    </section>
  );
}
