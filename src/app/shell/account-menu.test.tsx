import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '@/test/render.tsx';

const session = { uid: 'bootstrapuser', description: 'Bootstrap superuser', is_remote: false };

/**
 * A fresh copy of the module, so the menu's code has not arrived yet (the test setup preloads the shared one): what a
 * user has in the moment after the first paint.
 */
async function freshAccountMenu() {
  vi.resetModules();
  let release: (value: undefined) => void = () => undefined;
  const arrived = new Promise<undefined>((resolve) => {
    release = resolve;
  });
  // The menu's code arrives when the test says so.
  vi.doMock('./user-menu.tsx', async (importOriginal) => {
    await arrived;
    return importOriginal();
  });
  return { AccountMenu: (await import('./account-menu.tsx')).AccountMenu, release };
}

describe('AccountMenu', () => {
  it('opens the menu pressed before its code arrived, as soon as it is there', async () => {
    const { AccountMenu, release } = await freshAccountMenu();
    const { user } = renderRoutes([{ path: '/', element: <AccountMenu session={session} /> }]);
    // The stand-in: the same button, named the same, there from the first paint.
    const standIn = screen.getByRole('button', { name: 'Account: Bootstrap superuser' });
    expect(standIn).toHaveAttribute('aria-haspopup', 'menu');
    await user.click(standIn);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    release(undefined);
    expect(await screen.findByRole('menu')).toBeInTheDocument();
    expect(screen.getByRole('menuitemradio', { name: 'Match the system' })).toBeInTheDocument();
  });

  it("opens when the real button takes the stand-in's place between press and release", async () => {
    const { AccountMenu, release } = await freshAccountMenu();
    const { user } = renderRoutes([{ path: '/', element: <AccountMenu session={session} /> }]);
    const standIn = screen.getByRole('button', { name: 'Account: Bootstrap superuser' });
    await user.pointer({ keys: '[MouseLeft>]', target: standIn });
    release(undefined);
    // The real button (hidden from the accessibility tree once its menu is open) is under the pointer at release.
    const real = await waitFor(() => {
      const button = screen.getByRole('button', { name: /^Account:/, hidden: true });
      expect(button).not.toBe(standIn);
      return button;
    });
    await user.pointer({ keys: '[/MouseLeft]', target: real });
    expect(await screen.findByRole('menu')).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('moves the focus from the stand-in to the real button', async () => {
    const { AccountMenu, release } = await freshAccountMenu();
    renderRoutes([{ path: '/', element: <AccountMenu session={session} /> }]);
    const standIn = screen.getByRole('button', { name: 'Account: Bootstrap superuser' });
    standIn.focus();
    release(undefined);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Account: Bootstrap superuser' })).not.toBe(standIn));
    expect(screen.getByRole('button', { name: 'Account: Bootstrap superuser' })).toHaveFocus();
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });
});
