import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, Outlet, useParams } from 'react-router';
import { isApiError } from '@/api/errors.ts';
import { isSystemAccount, userQueries, type User } from '@/api/users.ts';
import type { UserTab } from '@/lib/paths.ts';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { TabLinks, useRouteTab } from '@/ui/tab-links.tsx';
import { AccountGroups } from './account-groups.tsx';
import { DeleteAccountDialog } from './delete-account-dialog.tsx';
import { OriginBadge } from './origin-badge.tsx';

const TABS: readonly UserTab[] = ['details', 'groups', 'permissions'];
const TAB_LABELS: Record<UserTab, string> = { details: 'Details', groups: 'Groups', permissions: 'Permissions' };

/** The detail page of a user or service account: header, tabs in the URL, delete. */
export function AccountDetail({
  noun,
  listLabel,
  listPath,
  pathFor,
  renderDetails,
}: {
  noun: string;
  listLabel: string;
  listPath: string;
  pathFor: (uid: string, tab?: UserTab) => string;
  renderDetails: (user: User) => ReactNode;
}) {
  const { uid = '' } = useParams();
  const tab = useRouteTab();
  const account = useQuery(userQueries.detail(uid));
  const [deleting, setDeleting] = useState(false);
  const currentTab = TABS.find((t) => t === tab);

  const breadcrumbs = (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      <Link to={listPath}>{listLabel}</Link> / <span aria-current="page">{uid}</span>
    </nav>
  );
  // Every state names the page in an h1 (the uid is known from the URL), so a screen reader user knows where they are.
  const heading = (
    <div className="page-head">
      <h1>{uid}</h1>
    </div>
  );
  if (account.isPending)
    return (
      <>
        {breadcrumbs}
        {heading}
        <LoadingState>Loading {uid}…</LoadingState>
      </>
    );
  if (account.isError) {
    return (
      <>
        <title>{`${uid} · DC/OS Security Console`}</title>
        {breadcrumbs}
        {isApiError(account.error, 'not-found') ? (
          <div className="alert alert-error" role="alert">
            <h1 className="alert-title">
              No {noun} “{uid}”
            </h1>
            <p>
              It may have been deleted. <Link to={listPath}>Back to {listLabel.toLowerCase()}</Link>
            </p>
          </div>
        ) : (
          <>
            {heading}
            <ErrorState
              title={`Could not load ${uid}`}
              error={account.error}
              onRetry={() => void account.refetch()}
              retrying={account.isFetching}
            />
          </>
        )}
      </>
    );
  }
  const user = account.data;
  return (
    <>
      <title>{`${user.uid} · ${listLabel} · DC/OS Security Console`}</title>
      {breadcrumbs}
      <div className="page-head">
        <h1>{user.uid}</h1>
        <OriginBadge user={user} />
        {isSystemAccount(user.uid) && <span className="badge badge-system">system</span>}
        <div className="actions">
          <button type="button" className="btn" onClick={() => setDeleting(true)}>
            Delete {noun}
          </button>
        </div>
      </div>
      {user.description && <p className="muted">{user.description}</p>}
      {isSystemAccount(user.uid) && (
        <div className="notice">
          <p>
            <strong>DC/OS component account.</strong> The cluster provisioned it for one of its own services; changing
            its memberships, permissions or credentials may break that service.
          </p>
        </div>
      )}
      <TabLinks
        label={`${user.uid} sections`}
        tabs={TABS.map((t) => ({ to: pathFor(user.uid, t), label: TAB_LABELS[t] }))}
      />
      {currentTab === 'details' && renderDetails(user)}
      {currentTab === 'groups' && <AccountGroups uid={user.uid} />}
      {currentTab === 'permissions' && <Outlet />}
      {currentTab === undefined && (
        <p>
          There is no “{tab}” tab. <Link to={pathFor(user.uid)}>Show the details</Link>
        </p>
      )}
      <DeleteAccountDialog
        uid={user.uid}
        noun={noun}
        isOpen={deleting}
        onClose={() => setDeleting(false)}
        listPath={listPath}
      />
    </>
  );
}
