import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { SecurityModeBanner } from '@/features/security-mode/security-mode-banner.tsx';
import { paths } from '@/lib/paths.ts';
import { onSessionMessage } from '@/lib/session-channel.ts';
import { useSession } from '../use-session.ts';
import { UserMenu } from './user-menu.tsx';

/** Only pages that exist get a navigation entry. */
const NAV_ITEMS = [{ to: paths.home(), label: 'Overview', end: true }] as const;

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

export function AppShell() {
  const session = useSession();
  useFollowSignOutInOtherTabs();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href={paths.home()}>
          DC/OS Security
        </a>
        <nav className="main-nav" aria-label="Main">
          <ul>
            {NAV_ITEMS.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-end">
          <UserMenu session={session} />
        </div>
      </header>
      <SecurityModeBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
