import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { Outlet } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { SEED_SAML_METADATA } from '@/mocks/db/sso.ts';
import { server, simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { ToastProvider } from '@/ui/toast.tsx';
import { ProviderCreatePage } from './provider-create-page.tsx';
import { ProviderEditPage } from './provider-edit-page.tsx';
import { ProvidersPage } from './providers-page.tsx';

const db = () => simulator.context.defaultDb;

function renderSettings(entry: string) {
  return renderRoutes(
    [
      {
        path: '/settings',
        element: (
          <ToastProvider>
            <Outlet />
          </ToastProvider>
        ),
        children: [
          { index: true, Component: ProvidersPage },
          { path: 'new/:kind', Component: ProviderCreatePage },
          { path: ':kind/:id', Component: ProviderEditPage },
        ],
      },
    ],
    entry,
  );
}

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

// Forms typed like a person, on a machine other engineers share: more than the default 5 s.
describe('Identity provider pages', { timeout: 30_000 }, () => {
  it('list the providers by ID and description, each a link to edit it, and delete one after confirming', async () => {
    const { user } = renderSettings('/settings');
    const table = await screen.findByRole('table', { name: 'Configured identity providers' }, { timeout: 5000 });
    // The link edits the provider: it says so, and names it as the admin knows it, not as a sign-in action.
    expect(within(table).getByRole('link', { name: 'Edit google-idp — Google' })).toHaveAttribute(
      'href',
      '/settings/oidc/google-idp',
    );
    expect(within(table).getByRole('link', { name: 'Edit okta-saml — Okta' })).toHaveAttribute(
      'href',
      '/settings/saml/okta-saml',
    );
    expect(within(table).queryByRole('link', { name: /Sign in with/ })).not.toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'Sign in with Google' })).toBeInTheDocument();
    // Quiet in the row; the danger colour is kept for the confirmation.
    const remove = screen.getByRole('button', { name: 'Delete provider okta-saml' });
    expect(remove).toHaveClass('btn-quiet');
    expect(remove).not.toHaveClass('btn-danger');
    await user.click(remove);
    const confirm = screen.getByRole('dialog', { name: 'Delete provider okta-saml?' });
    expect(confirm).toHaveTextContent('stops offering “Sign in with Okta”');
    expect(within(confirm).getByRole('button', { name: 'Delete provider' })).toHaveClass('btn-danger');
    await user.click(within(confirm).getByRole('button', { name: 'Delete provider' }));
    expect(await screen.findByText('Deleted the provider okta-saml.')).toBeInTheDocument();
    expect(within(table).queryByRole('link', { name: /okta-saml/ })).not.toBeInTheDocument();
    expect(db().sso.saml.has('okta-saml')).toBe(false);
  });

  it('list them in the sign-in page’s order: alphabetical by description, whatever order the IAM sends', async () => {
    const oidc = { issuer: 'https://x.example', base_url: 'https://x.example', client_id: 'c', client_secret: 's' };
    db().sso.oidc.set('aaa-idp', { description: 'Zeta corp', ...oidc });
    db().sso.saml.set('b-saml', {
      description: 'azure AD',
      idp_metadata: SEED_SAML_METADATA,
      sp_base_url: 'https://x.example',
    });
    renderSettings('/settings');
    const table = await screen.findByRole('table', { name: 'Configured identity providers' }, { timeout: 5000 });
    expect(
      within(table)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['b-saml — azure AD', 'google-idp — Google', 'okta-saml — Okta', 'aaa-idp — Zeta corp']);
  });

  it('offer Add OIDC provider and Add SAML provider where the list would be, when there is none', async () => {
    db().sso.oidc.clear();
    db().sso.saml.clear();
    renderSettings('/settings');
    const empty = await screen.findByRole('region', { name: 'No identity provider yet' }, { timeout: 5000 });
    expect(within(empty).getByRole('link', { name: 'Add OIDC provider' })).toHaveAttribute(
      'href',
      '/settings/new/oidc',
    );
    expect(within(empty).getByRole('link', { name: 'Add SAML provider' })).toHaveAttribute(
      'href',
      '/settings/new/saml',
    );
    // Once each: the header's pair steps aside.
    expect(screen.getAllByRole('link', { name: 'Add OIDC provider' })).toHaveLength(1);
  });

  it('create an OIDC provider, checking fields in the browser and putting server refusals at their field', async () => {
    const { user, router } = renderSettings('/settings/new/oidc');
    const form = await screen.findByRole('form', { name: 'New OIDC provider' });
    expect(within(form).getByLabelText('Base URL')).toHaveValue(window.location.origin);
    await user.type(within(form).getByLabelText('Provider ID'), 'Corp SSO');
    await user.type(within(form).getByLabelText('Issuer'), 'http://sso.example.com');
    await user.click(within(form).getByRole('button', { name: 'Create provider' }));
    expect(within(form).getByLabelText('Provider ID')).toHaveAccessibleDescription(
      /Use only lowercase letters, digits and -\./,
    );
    expect(within(form).getByLabelText('Issuer')).toHaveAccessibleDescription(/Enter the issuer’s https URL/);
    expect(within(form).getByLabelText('Client secret')).toHaveAccessibleDescription(/Enter the client secret\./);

    await user.clear(within(form).getByLabelText('Provider ID'));
    await user.type(within(form).getByLabelText('Provider ID'), 'google-idp');
    await user.type(within(form).getByLabelText('Description'), 'Corporate SSO');
    await user.clear(within(form).getByLabelText('Issuer'));
    await user.type(within(form).getByLabelText('Issuer'), 'https://sso.example.com');
    await user.type(within(form).getByLabelText('Client ID'), 'dcos');
    await user.type(within(form).getByLabelText('Client secret'), 's3cret');
    await user.click(within(form).getByRole('button', { name: 'Create provider' }));
    // The ID is taken: the 409 lands at the ID, and nothing typed is lost.
    expect(
      await within(form).findByText('A provider with this ID already exists. Choose another ID.'),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('Client secret')).toHaveValue('s3cret');

    await user.clear(within(form).getByLabelText('Provider ID'));
    await user.type(within(form).getByLabelText('Provider ID'), 'corp-sso');
    await user.click(within(form).getByRole('button', { name: 'Create provider' }));
    expect(await screen.findByRole('heading', { name: /^corp-sso/ })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/oidc/corp-sso');
    expect(db().sso.oidc.get('corp-sso')).toMatchObject({
      description: 'Corporate SSO',
      client_secret: 's3cret',
      verify_server_certificate: true,
    });
  });

  it('edit an OIDC provider without ever showing its secret; a blank secret keeps it', async () => {
    const { user } = renderSettings('/settings/oidc/google-idp');
    const form = await screen.findByRole('form', { name: 'OIDC provider settings' }, { timeout: 5000 });
    const secret = within(form).getByLabelText('Client secret');
    expect(secret).toHaveValue('');
    expect(secret).toHaveAccessibleDescription(/A secret is stored and is never shown/);
    expect(document.body.textContent).not.toContain('GOCSPX-simulated-client-secret');
    await user.clear(within(form).getByLabelText('Description'));
    await user.type(within(form).getByLabelText('Description'), 'Google Workspace');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved the OIDC provider google-idp.')).toBeInTheDocument();
    expect(db().sso.oidc.get('google-idp')).toMatchObject({
      description: 'Google Workspace',
      client_secret: 'GOCSPX-simulated-client-secret',
    });
  });

  it('put a server refusal at the field its description names', async () => {
    server.use(
      http.patch('*/acs/api/v1/auth/oidc/providers/google-idp', () =>
        HttpResponse.json(
          {
            title: 'Bad Request',
            description: '`client_id` is not registered at the issuer.',
            code: 'ERR_OIDC_PROVIDER_CONFIG_INVALID',
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderSettings('/settings/oidc/google-idp');
    const form = await screen.findByRole('form', { name: 'OIDC provider settings' }, { timeout: 5000 });
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('`client_id` is not registered at the issuer.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Client ID')).toHaveAttribute('aria-invalid', 'true');
  });

  it('show what SAML metadata names, and the URLs the IdP needs', async () => {
    const { user } = renderSettings('/settings/saml/okta-saml');
    const form = await screen.findByRole('form', { name: 'SAML provider settings' }, { timeout: 5000 });
    expect(within(form).getByRole('status')).toHaveTextContent(
      'Entity ID found: http://www.okta.com/exk1simulated0dcos',
    );
    const urls = screen.getByRole('region', { name: 'For the identity provider' });
    expect(
      await within(urls).findByText('http://127.0.0.1:5173/acs/api/v1/auth/saml/providers/okta-saml/acs-callback'),
    ).toBeInTheDocument();
    expect(
      within(urls).getByText('http://127.0.0.1:5173/acs/api/v1/auth/saml/providers/okta-saml/sp-metadata'),
    ).toBeInTheDocument();
    expect(within(urls).getByRole('button', { name: 'Copy the ACS callback URL' })).toBeInTheDocument();

    const metadata = within(form).getByLabelText('IdP metadata (XML)');
    await user.clear(metadata);
    await user.click(metadata);
    await user.paste(SEED_SAML_METADATA.replace('</md:EntityDescriptor>', ''));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(metadata).toHaveAccessibleDescription(/This is not well-formed XML\./);
  });

  it('load SAML metadata from a file', async () => {
    const { user } = renderSettings('/settings/new/saml');
    const form = await screen.findByRole('form', { name: 'New SAML provider' }, { timeout: 5000 });
    const file = new File([SEED_SAML_METADATA.replace('exk1simulated0dcos', 'fromfile')], 'okta.xml', {
      type: 'application/xml',
    });
    await user.upload(within(form).getByLabelText('Load the metadata from a file'), file);
    expect(await within(form).findByText('Entity ID found: http://www.okta.com/fromfile')).toBeInTheDocument();
  });
});
