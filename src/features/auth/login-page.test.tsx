import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '@/mocks/node.ts';
import { httpOnlyCookies } from '@/test/browser-cookies.ts';
import { renderRoutes } from '@/test/render.tsx';
import { LoginPage } from './login-page.tsx';

function renderLogin(entry = '/login') {
  return renderRoutes(
    [
      { path: '/login', Component: LoginPage },
      { path: '/', Component: () => <h1>Overview</h1> },
      { path: '/organization/users', Component: () => <h1>Users</h1> },
    ],
    entry,
  );
}

describe('LoginPage', () => {
  it('signs in with the demo superuser: the HttpOnly cookie is set, the token is not kept', async () => {
    const { user } = renderLogin();
    await user.type(screen.getByLabelText('Username'), 'bootstrapuser');
    await user.type(screen.getByLabelText('Password'), 'deleteme{Enter}');
    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeInTheDocument();
    expect(httpOnlyCookies().get('dcos-acs-auth-cookie')).toMatch(/^eyJ/);
    expect(document.cookie).not.toContain('dcos-acs-auth-cookie');
    expect(document.cookie).toContain('dcos-acs-info-cookie');
    const stored = [window.localStorage, window.sessionStorage].flatMap((storage) =>
      Array.from({ length: storage.length }, (_, i) => storage.getItem(storage.key(i) ?? '')),
    );
    expect(stored.join('\n')).not.toMatch(/eyJ/);
  });

  it('returns to a safe deep link after sign-in', async () => {
    const { user } = renderLogin('/login?redirect=%2Forganization%2Fusers');
    await user.type(screen.getByLabelText('Username'), 'bootstrapuser');
    await user.type(screen.getByLabelText('Password'), 'deleteme{Enter}');
    expect(await screen.findByRole('heading', { name: 'Users' })).toBeInTheDocument();
  });

  it('goes home instead of to another origin', async () => {
    const { user, router } = renderLogin('/login?redirect=%2F%2Fevil.example');
    await user.type(screen.getByLabelText('Username'), 'bootstrapuser');
    await user.type(screen.getByLabelText('Password'), 'deleteme{Enter}');
    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('says the credentials are wrong, keeps the username and clears the password', async () => {
    const { user } = renderLogin();
    await user.type(screen.getByLabelText('Username'), 'bootstrapuser');
    await user.type(screen.getByLabelText('Password'), 'wrong{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
    expect(screen.getByLabelText('Username')).toHaveValue('bootstrapuser');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(httpOnlyCookies().has('dcos-acs-auth-cookie')).toBe(false);
  });

  it('flags empty fields without calling the cluster', async () => {
    // The page reads the identity providers' public lists by itself; what must not happen is a sign-in call.
    let calls = 0;
    server.events.on('request:start', ({ request }) => {
      if (!new URL(request.url).pathname.includes('/providers')) calls += 1;
    });
    const { user } = renderLogin();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your username.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription('Enter your username.');
    expect(calls).toBe(0);
    server.events.removeAllListeners();
  });

  it('focuses the first flagged field and drops its message once it is filled in', async () => {
    const { user } = renderLogin();
    await user.type(screen.getByLabelText('Password'), 'deleteme{Enter}');
    expect(await screen.findByText('Enter your username.')).toBeInTheDocument();
    expect(screen.queryByText('Enter your password.')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveFocus();
    await user.type(screen.getByLabelText('Username'), 'b');
    expect(screen.queryByText('Enter your username.')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Username')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Password')).toHaveValue('deleteme');
  });

  it('reports a cluster that cannot be reached', async () => {
    server.use(http.post('*/acs/api/v1/auth/login', () => HttpResponse.error()));
    const { user } = renderLogin();
    await user.type(screen.getByLabelText('Username'), 'bootstrapuser');
    await user.type(screen.getByLabelText('Password'), 'deleteme{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('The cluster could not be reached.');
    expect(screen.getByLabelText('Password')).toHaveValue('deleteme');
  });

  it('reports garbage from the cluster as an unexpected response', async () => {
    server.use(http.post('*/acs/api/v1/auth/login', () => HttpResponse.text('<html>proxy page</html>')));
    const { user } = renderLogin();
    await user.type(screen.getByLabelText('Username'), 'bootstrapuser');
    await user.type(screen.getByLabelText('Password'), 'deleteme{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('The cluster answered with an unexpected response.');
  });
});
