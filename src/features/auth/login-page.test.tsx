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

describe('LoginPage without the IAM’s info cookie (issue 19)', () => {
  const LONG = 'Zoë 日本語 ✓ 🚀 '.repeat(1_000); // 10,000 characters, most of them multi-byte

  /** What a browser does with a Set-Cookie over 4 KB: drops it. The HttpOnly session cookie still arrives. */
  async function dropInfoCookie() {
    const { simulator } = await import('@/mocks/node.ts');
    server.use(
      http.post('*/acs/api/v1/auth/login', async ({ request }) => {
        const answer = await simulator.handle(request);
        const headers = new Headers(answer.headers);
        headers.delete('set-cookie');
        for (const cookie of answer.headers.getSetCookie())
          if (!cookie.startsWith('dcos-acs-info-cookie=')) headers.append('set-cookie', cookie);
        return new HttpResponse(await answer.text(), { status: answer.status, headers });
      }),
    );
    return simulator;
  }

  async function signInAs(uid: string, password: string) {
    const { user } = renderLogin();
    await user.type(screen.getByLabelText('Username'), uid);
    await user.type(screen.getByLabelText('Password'), `${password}{Enter}`);
    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeInTheDocument();
    expect(httpOnlyCookies().get('dcos-acs-auth-cookie')).toMatch(/^eyJ/);
    const { readSessionInfo } = await import('@/lib/session.ts');
    return readSessionInfo();
  }

  it('signs in an account whose 10,000-character description the cookie cannot carry, reading it from the IAM', async () => {
    const simulator = await dropInfoCookie();
    const admin = simulator.context.defaultDb.users.get('bootstrapuser');
    if (!admin) throw new Error('no bootstrapuser in the seed');
    const before = admin.description;
    admin.description = LONG;
    try {
      expect(await signInAs('bootstrapuser', 'deleteme')).toEqual({
        uid: 'bootstrapuser',
        description: Array.from(LONG).slice(0, 600).join(''),
        is_remote: false,
      });
    } finally {
      admin.description = before;
    }
  });

  it('signs in an account that may not read its own record under its uid', async () => {
    await dropInfoCookie();
    expect(await signInAs('alice', 'alice-pass')).toEqual({ uid: 'alice', description: '', is_remote: false });
  });
});
