import { NavLink } from 'react-router';

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
