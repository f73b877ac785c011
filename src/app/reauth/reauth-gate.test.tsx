import { useMutation } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { Outlet } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { request } from '@/api/request.ts';
import { listSchema } from '@/api/schemas.ts';
import { userSchema } from '@/api/users.ts';
import { clearBrowserCookies, httpOnlyCookies } from '@/test/browser-cookies.ts';
import { renderRoutes } from '@/test/render.tsx';
import { expireSessionInfo, readSessionInfo, rememberSessionExpiry, sessionExpiresAt } from '@/lib/session.ts';
import { ReauthGate } from './reauth-gate.tsx';

/** A page with a half-typed draft and a button whose request needs the session. */
function DraftPage() {
  const [draft, setDraft] = useState('');
  const load = useMutation({ mutationFn: () => request('/acs/api/v1/users', listSchema(userSchema)) });
  return (
    <>
      <h1>Draft page</h1>
      <label htmlFor="draft">Draft</label>
      <input id="draft" value={draft} onChange={(e) => setDraft(e.target.value)} />
      <button type="button" onClick={() => load.mutate()}>
        Load users
      </button>
      {load.isSuccess && <p>{load.data.array.length} users loaded</p>}
      {load.isError && <p role="alert">Failed: {load.error.message}</p>}
    </>
  );
}

function renderSignedIn() {
  return renderRoutes(
    [
      {
        path: '/',
        element: (
          <>
            <Outlet />
            <ReauthGate uid="bootstrapuser" />
          </>
        ),
        children: [
          { index: true, element: <h1>Overview</h1> },
          { path: 'draft', Component: DraftPage },
        ],
      },
      { path: '/login', element: <h1>Sign-in page</h1> },
    ],
    '/draft',
  );
}

/** What the browser does when the cookies' Max-Age runs out: both are gone. */
function expireSession() {
  clearBrowserCookies();
}

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});
afterEach(() => {
  expireSessionInfo();
});

// Each test signs in up to three times (SHA-512 crypt) and types like a person: slower than the default 5 s on a busy machine.
describe('ReauthGate', { timeout: 30_000 }, () => {
  it('asks for the password over the page, then replays the request and keeps the draft', async () => {
    const { user } = renderSignedIn();
    await user.type(screen.getByLabelText('Draft'), 'half-typed');
    expireSession();
    await user.click(screen.getByRole('button', { name: 'Load users' }));

    const dialog = await screen.findByRole('dialog', { name: 'Sign in again' });
    expect(within(dialog).getByLabelText('Username')).toHaveValue('bootstrapuser');
    expect(within(dialog).getByLabelText('Username')).toHaveAttribute('readonly');
    await waitFor(() => {
      expect(within(dialog).getByLabelText('Password')).toHaveFocus();
    });
    await user.type(within(dialog).getByLabelText('Password'), 'wrong{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Wrong username or password.');
    expect(within(dialog).getByLabelText('Password')).toHaveValue('');

    await user.type(within(dialog).getByLabelText('Password'), 'deleteme{Enter}');
    expect(await screen.findByText(/users loaded$/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Draft')).toHaveValue('half-typed');
    expect(httpOnlyCookies().get('dcos-acs-auth-cookie')).toMatch(/^eyJ/);
  });

  it('offers the identity providers as popup sign-ins', async () => {
    const { user } = renderSignedIn();
    expireSession();
    await user.click(screen.getByRole('button', { name: 'Load users' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign in again' });
    expect(await within(dialog).findByRole('button', { name: 'Sign in with Google' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Sign in with Okta' })).toBeInTheDocument();
  });

  it('clears everything and goes home when another account signs in', async () => {
    const { user, queryClient } = renderSignedIn();
    queryClient.setQueryData(['users', 'secret-of-bootstrapuser'], 'cached');
    expireSession();
    await user.click(screen.getByRole('button', { name: 'Load users' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign in again' });
    await user.click(within(dialog).getByRole('button', { name: 'Use another account' }));
    await user.clear(within(dialog).getByLabelText('Username'));
    await user.type(within(dialog).getByLabelText('Username'), 'alice');
    await user.type(within(dialog).getByLabelText('Password'), 'alice-pass{Enter}');
    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeInTheDocument();
    expect(queryClient.getQueryData(['users', 'secret-of-bootstrapuser'])).toBeUndefined();
    expect(readSessionInfo()?.uid).toBe('alice');
    expect(screen.queryByText(/users loaded$/)).not.toBeInTheDocument();
  });

  it('signs out on Cancel and the request fails', async () => {
    const { user, router } = renderSignedIn();
    expireSession();
    await user.click(screen.getByRole('button', { name: 'Load users' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign in again' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel and sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign-in page' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(document.cookie).not.toContain('dcos-acs-info-cookie');
  });
});

describe('The warning before the session ends', { timeout: 30_000 }, () => {
  it('counts the last minute down and lets the person stay signed in without losing the draft', async () => {
    rememberSessionExpiry(Date.now() + 45_000);
    const { user } = renderSignedIn();
    const warning = await screen.findByRole('alertdialog', { name: 'Your session is about to end' });
    expect(warning).toHaveTextContent(/Your session ends in 0:4[45]\./);
    await waitFor(() => {
      expect(within(warning).getByRole('button', { name: 'Stay signed in' })).toHaveFocus();
    });
    await user.click(within(warning).getByRole('button', { name: 'Stay signed in' }));

    const dialog = await screen.findByRole('dialog', { name: 'Sign in again' });
    expect(dialog).toHaveTextContent('Sign in again to start a new session');
    await user.type(within(dialog).getByLabelText('Password'), 'deleteme{Enter}');
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    // The simulator's sessions last five days: the new end is noted, so the warning waits for it.
    expect(sessionExpiresAt()).toBeGreaterThan(Date.now() + 4 * 24 * 3600_000);
    await user.type(screen.getByLabelText('Draft'), 'still here');
    expect(screen.getByLabelText('Draft')).toHaveValue('still here');
  });

  it('signs out from the warning', async () => {
    rememberSessionExpiry(Date.now() + 30_000);
    const { user, router } = renderSignedIn();
    const warning = await screen.findByRole('alertdialog', { name: 'Your session is about to end' });
    await user.click(within(warning).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign-in page' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(httpOnlyCookies().has('dcos-acs-auth-cookie')).toBe(false);
    expect(sessionExpiresAt()).toBeNull();
  });

  it('says when the session has ended, and Escape puts the warning aside until a request needs a new session', async () => {
    rememberSessionExpiry(Date.now() - 1000);
    const { user } = renderSignedIn();
    const ended = await screen.findByRole('alertdialog', { name: 'Your session has ended' });
    expect(within(ended).getByRole('button', { name: 'Sign in again' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => {
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    });
    expireSession();
    await user.click(screen.getByRole('button', { name: 'Load users' }));
    expect(await screen.findByRole('dialog', { name: 'Sign in again' })).toHaveTextContent('Your session has ended.');
  });

  it('stays away while the end is more than a minute off, or unknown (single sign-on)', async () => {
    rememberSessionExpiry(Date.now() + 5 * 60_000);
    renderSignedIn();
    expect(await screen.findByRole('heading', { name: 'Draft page' })).toBeInTheDocument();
    rememberSessionExpiry(null);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});
