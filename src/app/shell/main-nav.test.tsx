import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '@/test/render.tsx';
import { MainNav, type NavItem } from './main-nav.tsx';

const ITEMS: NavItem[] = [
  { to: '/', label: 'Overview', end: true },
  { to: '/organization/users', label: 'Users' },
  { to: '/secrets', label: 'Secrets' },
];

function renderNav() {
  const page = (name: string) => (
    <>
      <MainNav items={ITEMS} />
      <h1>{name}</h1>
      <p>Elsewhere on the page</p>
    </>
  );
  return renderRoutes([
    { path: '/', element: page('Overview') },
    { path: '/organization/users', element: page('Users') },
    { path: '/secrets', element: page('Secrets') },
  ]);
}

describe('The main navigation on a narrow screen', () => {
  it('is behind a named Menu button that says whether it is open', async () => {
    const { user } = renderNav();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(nav).not.toHaveAttribute('data-open');
    // The button names the list it opens.
    expect(document.getElementById(menu.getAttribute('aria-controls') ?? '')).toContainElement(
      screen.getByRole('link', { name: 'Users' }),
    );

    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(nav).toHaveAttribute('data-open');
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes on Escape and gives the focus back to the Menu button', async () => {
    const { user } = renderNav();
    const menu = screen.getByRole('button', { name: 'Menu' });
    await user.click(menu);
    await user.tab();
    expect(screen.getByRole('link', { name: 'Overview' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('link', { name: 'Users' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();
  });

  it('closes once a section is chosen, which becomes the current page', async () => {
    const { user } = renderNav();
    const menu = screen.getByRole('button', { name: 'Menu' });
    await user.click(menu);
    await user.click(screen.getByRole('link', { name: 'Secrets' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Secrets' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Secrets' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes when the user clicks elsewhere', async () => {
    const { user } = renderNav();
    const menu = screen.getByRole('button', { name: 'Menu' });
    await user.click(menu);
    await user.click(screen.getByText('Elsewhere on the page'));
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });
});
