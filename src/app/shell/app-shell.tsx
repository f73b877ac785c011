import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { SecurityModeBanner, SecurityModeChip } from '@/features/security-mode/security-mode-banner.tsx';
import { hasPermission, IAM_RID, userQueries } from '@/api/users.ts';
import { orgPaths, paths, permissionPaths, secretPaths, settingsPaths } from '@/lib/paths.ts';
import { SealedNotice } from '@/features/secrets/seal-panel.tsx';
import { ToastProvider } from '@/ui/toast.tsx';
import { onSessionMessage } from '@/lib/session-channel.ts';
import { ReauthGate } from '../reauth/reauth-gate.tsx';
import { useSession } from '../use-session.ts';
import { AccountMenu } from './account-menu.tsx';
import { MainNav, type NavItem } from './main-nav.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { publicPath } from '@/lib/base.ts';

/** Only pages that exist get a navigation entry, and only accounts that can use a page see it. */
const NAV_ITEMS: readonly NavItem[] = [
  { to: paths.home(), label: 'Overview', end: true },
  { to: orgPaths.users(), label: 'Users', needs: IAM_RID },
  { to: orgPaths.groups(), label: 'Groups', needs: IAM_RID },
  { to: orgPaths.serviceAccounts(), label: 'Service accounts', needs: IAM_RID },
  { to: permissionPaths.acls(), label: 'Permissions', needs: IAM_RID },
  // Like the DC/OS UI, always shown: the Secret Store enforces its own per-path permissions.
  { to: secretPaths.list(), label: 'Secrets' },
  // Identity providers and the directory: IAM configuration, behind the same Admin Router rule as the rest of the IAM.
  { to: settingsPaths.providers(), label: 'Settings', needs: IAM_RID },
];

/** Leaves a tab whose session another tab ended, dropping everything it had cached. */
function useFollowSignOutInOtherTabs() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useEffect(
    () =>
      onSessionMessage((message) => {
        if (message.type !== 'signed-out') return;
        queryClient.clear();
        void navigate(paths.login(), { replace: true });
      }),
    [queryClient, navigate],
  );
}

/**
 * A path with its escapes decoded, or null when they are malformed. One that is not (`/settings/oidc/%`, typed or from a broken link) names no
 * page: the router only warns and hands the raw text to the page, which showed a blank or a wrong page (issue 19).
 */
function decoded(pathname: string): string | null {
  // The decoded text is returned, not dropped: a minifier takes a bare decodeURIComponent() call for one without
  // effects and removes it, and with it the exception this check is for.
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

export function AppShell() {
  const session = useSession();
  const { pathname } = useLocation();
  useFollowSignOutInOtherTabs();
  const permissions = useQuery(userQueries.permissions(session.uid)).data;
  const visible = NAV_ITEMS.filter(
    (item) => !item.needs || (permissions !== undefined && hasPermission(permissions, item.needs)),
  );
  // The shell renders again at each step of every navigation (the router's state); the parts that do not depend on
  // the location keep one element, which React leaves alone: the menu and the notices, not rendered again per page.
  const headerEnd = useMemo(
    () => (
      <div className="header-end">
        <SecurityModeChip />
        <AccountMenu session={session} />
      </div>
    ),
    [session],
  );
  const notices = useMemo(
    () => (
      <>
        <SecurityModeBanner />
        <SealedNotice />
      </>
    ),
    [],
  );
  return (
    <ToastProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href={publicPath(paths.home())}>
          DC/OS Security
        </a>
        <MainNav items={visible} />
        {headerEnd}
      </header>
      {notices}
      <main id="main" className="app-main" tabIndex={-1}>
        {decoded(pathname) === null ? <NotFoundPage /> : <Outlet />}
      </main>
      <ReauthGate uid={session.uid} />
    </ToastProvider>
  );
}
