import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { server, simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { LoginPage } from './login-page.tsx';

function renderLogin(entry = '/login') {
  return renderRoutes([{ path: '/login', Component: LoginPage }], entry);
}

// The first render loads the page's modules: on a busy machine that alone can take seconds.
describe('Single sign-on on the sign-in page', { timeout: 20_000 }, () => {
  it('links every configured provider into the IAM, carrying the deep link as the target', async () => {
    renderLogin('/login?redirect=%2Forganization%2Fusers%3Fq%3Dx');
    const google = await screen.findByRole('link', { name: 'Sign in with Google' }, { timeout: 5000 });
    expect(google).toHaveAttribute(
      'href',
      '/acs/api/v1/auth/login?oidc-provider=google-idp&target=%2Forganization%2Fusers%3Fq%3Dx',
    );
    expect(screen.getByRole('link', { name: 'Sign in with Okta' })).toHaveAttribute(
      'href',
      '/acs/api/v1/auth/login?saml-provider=okta-saml&target=%2Forganization%2Fusers%3Fq%3Dx',
    );
    // The local form is there as well.
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('never passes an unsafe redirect on: the target becomes home', async () => {
    renderLogin('/login?redirect=%2F%2Fevil.example');
    expect(await screen.findByRole('link', { name: 'Sign in with Google' }, { timeout: 5000 })).toHaveAttribute(
      'href',
      '/acs/api/v1/auth/login?oidc-provider=google-idp&target=%2F',
    );
  });

  it('shows the first three providers and the rest behind More', async () => {
    const { sso } = simulator.context.defaultDb;
    for (const id of ['a-idp', 'b-idp', 'c-idp'])
      sso.oidc.set(id, {
        description: id.toUpperCase(),
        issuer: 'https://x.example',
        base_url: 'https://x.example',
        client_id: 'c',
        client_secret: 's',
      });
    const { user } = renderLogin();
    const section = await screen.findByRole('region', { name: 'Single sign-on' }, { timeout: 5000 });
    // Alphabetical by description (here the same as the server's order: OIDC by ID, then SAML).
    const visible = () =>
      within(section)
        .getAllByRole('link')
        .filter((link) => link.closest('details:not([open])') === null);
    await screen.findByText('More (2)');
    expect(visible().map((link) => link.textContent)).toEqual([
      'Sign in with A-IDP',
      'Sign in with B-IDP',
      'Sign in with C-IDP',
    ]);
    await user.click(screen.getByText('More (2)'));
    expect(visible().map((link) => link.textContent)).toEqual([
      'Sign in with A-IDP',
      'Sign in with B-IDP',
      'Sign in with C-IDP',
      'Sign in with Google',
      'Sign in with Okta',
    ]);
    expect(screen.getByRole('link', { name: 'Sign in with Okta' })).toBeVisible();
  });

  it('orders them by description, one stable order across OIDC and SAML, not the order the IAM sends them in', async () => {
    const { sso } = simulator.context.defaultDb;
    const oidc = { issuer: 'https://x.example', base_url: 'https://x.example', client_id: 'c', client_secret: 's' };
    // By ID the IAM lists a-idp first; by description it is last.
    sso.oidc.set('a-idp', { description: 'Zeta Corp', ...oidc });
    sso.oidc.set('m-idp', { description: 'azure AD', ...oidc });
    sso.saml.set('b-saml', { description: 'Bank SAML', idp_metadata: '<x/>', sp_base_url: 'https://x.example' });
    const { user } = renderLogin();
    const section = await screen.findByRole('region', { name: 'Single sign-on' }, { timeout: 5000 });
    await screen.findByText('More (2)');
    const shown = () =>
      within(section)
        .getAllByRole('link')
        .filter((link) => link.closest('details:not([open])') === null);
    expect(shown().map((link) => link.textContent)).toEqual([
      'Sign in with azure AD',
      'Sign in with Bank SAML',
      'Sign in with Google',
    ]);
    await user.click(screen.getByText('More (2)'));
    expect(
      shown()
        .map((link) => link.textContent)
        .slice(3),
    ).toEqual(['Sign in with Okta', 'Sign in with Zeta Corp']);
    // The same order, and so the same first three, on every load.
    expect(screen.getByRole('link', { name: 'Sign in with Bank SAML' })).toHaveAttribute(
      'href',
      '/acs/api/v1/auth/login?saml-provider=b-saml&target=%2F',
    );
  });

  it('offers no single sign-on when no provider is configured', async () => {
    simulator.context.defaultDb.sso.oidc.clear();
    simulator.context.defaultDb.sso.saml.clear();
    // Both lists answered (and rendered) before looking: only then is the absence final.
    let answered = 0;
    const count = ({ request }: { request: Request }) => {
      if (request.url.endsWith('/providers')) answered++;
    };
    server.events.on('response:mocked', count);
    renderLogin();
    expect(await screen.findByRole('heading', { name: 'Sign in to DC/OS' }, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(answered).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.events.removeListener('response:mocked', count);
    expect(screen.queryByRole('region', { name: 'Single sign-on' })).not.toBeInTheDocument();
  });

  it('shows the form at once and adds the providers when their lists arrive', async () => {
    let release: (value?: unknown) => void = () => undefined;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    server.use(
      http.get('*/acs/api/v1/auth/oidc/providers', async () => {
        await held;
        return HttpResponse.json({ 'google-idp': 'Google' });
      }),
    );
    renderLogin();
    // The form does not wait for the identity providers (slow links: the sign-in page paints first).
    expect(await screen.findByRole('button', { name: 'Sign in' }, { timeout: 5000 })).toBeEnabled();
    expect(screen.queryByRole('link', { name: 'Sign in with Google' })).not.toBeInTheDocument();
    release();
    expect(await screen.findByRole('link', { name: 'Sign in with Google' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in with Okta' })).toBeInTheDocument();
  });

  it('still offers the local form when a list cannot be read', async () => {
    server.use(http.get('*/acs/api/v1/auth/saml/providers', () => HttpResponse.error()));
    renderLogin();
    expect(await screen.findByRole('link', { name: 'Sign in with Google' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sign in with Okta' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('says why a single sign-on failed in its own words, showing nothing of the URL’s text', async () => {
    renderLogin(`/login?iam-error=${encodeURIComponent("The login provider with ID '<b>x</b>' is not known")}`);
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent(
      'Single sign-on did not sign you in.That identity provider is not set up on this cluster. Choose another way to sign in.',
    );
    expect(alert).not.toHaveTextContent('<b>x</b>');
    expect(alert.querySelector('b')).toBeNull();
  });

  it('shows a made-up message in the URL as a generic failure (no content spoofing)', async () => {
    renderLogin(`/login?iam-error=${encodeURIComponent('Your account is locked. Call +1 555 0100 to unlock it.')}`);
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent(
      'The identity provider or the cluster refused the sign-in. Try again, or sign in with a username and password.',
    );
    expect(alert).not.toHaveTextContent('555');
  });
});
