import { NavLink, useMatches, useParams } from 'react-router';

/** Tabs that are URLs: each tab can be reloaded, shared and opened in a new tab. */
export function TabLinks({ label, tabs }: { label: string; tabs: readonly { to: string; label: string }[] }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end replace>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}

/**
 * The current tab of a detail page: the `:tab` segment, or the `handle.tab` of a child route that renders its tab
 * through an <Outlet /> (a tab owned by another feature, such as Permissions).
 */
export function useRouteTab(): string {
  const { tab } = useParams();
  const matches = useMatches();
  if (tab) return tab;
  for (const match of matches) {
    const handle = match.handle as { tab?: unknown } | undefined;
    if (typeof handle?.tab === 'string') return handle.tab;
  }
  return 'details';
}
