import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Outlet, useNavigate, useParams } from 'react-router';
import { isApiError } from '@/api/errors.ts';
import { deleteGroup, groupQueries, SUPERUSERS_GID, updateGroup } from '@/api/groups.ts';
import { orgPaths, permissionPaths, type GroupTab } from '@/lib/paths.ts';
import { ConfirmDialog } from '@/ui/dialog.tsx';
import { ErrorState, LoadingState } from '@/ui/query-state.tsx';
import { TabLinks, useRouteTab } from '@/ui/tab-links.tsx';
import { DescriptionForm } from '../shared/description-form.tsx';
import { useOrgMutation } from '../shared/use-org-mutation.ts';
import { GroupMembers } from './group-members.tsx';

const TABS: readonly GroupTab[] = ['details', 'users', 'service-accounts', 'permissions'];
const TAB_LABELS: Record<GroupTab, string> = {
  details: 'Details',
  users: 'Users',
  'service-accounts': 'Service accounts',
  permissions: 'Permissions',
};

export function GroupDetailPage() {
  const { gid = '' } = useParams();
  const tab = useRouteTab();
  const navigate = useNavigate();
  const group = useQuery(groupQueries.detail(gid));
  const [deleting, setDeleting] = useState(false);
  const save = useOrgMutation(
    (description: string) => updateGroup(gid, description),
    () => `Saved the description of ${gid}.`,
  );
  const remove = useOrgMutation(
    () => deleteGroup(gid),
    () => `Deleted group ${gid}.`,
  );
  const currentTab = TABS.find((t) => t === tab);

  const breadcrumbs = (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      <Link to={orgPaths.groups()}>Groups</Link> / <span aria-current="page">{gid}</span>
    </nav>
  );
  // Every state names the page in an h1 (the gid is known from the URL), so a screen reader user knows where they are.
  const heading = (
    <div className="page-head">
      <h1>{gid}</h1>
    </div>
  );
  if (group.isPending)
    return (
      <>
        {breadcrumbs}
        {heading}
        <LoadingState>Loading {gid}…</LoadingState>
      </>
    );
  if (group.isError) {
    return (
      <>
        {breadcrumbs}
        {isApiError(group.error, 'not-found') ? (
          <div className="alert alert-error" role="alert">
            <h1 className="alert-title">No group “{gid}”</h1>
            <p>
              It may have been deleted. <Link to={orgPaths.groups()}>Back to groups</Link>
            </p>
          </div>
        ) : (
          <>
            {heading}
            <ErrorState
              title={`Could not load ${gid}`}
              error={group.error}
              onRetry={() => void group.refetch()}
              retrying={group.isFetching}
            />
          </>
        )}
      </>
    );
  }
  return (
    <>
      <title>{`${gid} · Groups · DC/OS Security Console`}</title>
      {breadcrumbs}
      <div className="page-head">
        <h1>{gid}</h1>
        {gid === SUPERUSERS_GID && <span className="badge badge-super">superusers</span>}
        <div className="actions">
          <Link className="btn" to={permissionPaths.who({ group: gid })}>
            What does membership give?
          </Link>
          <button type="button" className="btn" onClick={() => setDeleting(true)}>
            Delete group
          </button>
        </div>
      </div>
      {group.data.description && <p className="muted">{group.data.description}</p>}
      <TabLinks
        label={`${gid} sections`}
        tabs={TABS.map((t) => ({ to: orgPaths.group(gid, t), label: TAB_LABELS[t] }))}
      />
      {currentTab === 'details' && (
        <section className="card" aria-label="Group details">
          <DescriptionForm initial={group.data.description} save={(d) => save.mutateAsync(d)} required />
        </section>
      )}
      {currentTab === 'users' && <GroupMembers gid={gid} type="user" />}
      {currentTab === 'service-accounts' && <GroupMembers gid={gid} type="service" />}
      {currentTab === 'permissions' && <Outlet />}
      {currentTab === undefined && (
        <p>
          There is no “{tab}” tab. <Link to={orgPaths.group(gid)}>Show the details</Link>
        </p>
      )}
      <ConfirmDialog
        title={`Delete group ${gid}?`}
        isOpen={deleting}
        onClose={() => setDeleting(false)}
        confirmLabel="Delete group"
        onConfirm={async () => {
          await remove.mutateAsync(undefined);
          await navigate(orgPaths.groups(), { replace: true });
        }}
      >
        <p>
          Its members lose the permissions they have through {gid}. The accounts themselves stay. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
