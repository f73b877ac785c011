import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { ToastProvider } from '@/ui/toast.tsx';
import { DirectoryPage } from './directory-page.tsx';

const db = () => simulator.context.defaultDb;

function renderDirectory() {
  return renderRoutes(
    [
      {
        path: '/settings/directory',
        element: (
          <ToastProvider>
            <DirectoryPage />
          </ToastProvider>
        ),
      },
    ],
    '/settings/directory',
  );
}

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

describe('The directory page', { timeout: 30_000 }, () => {
  it('shows the stored configuration without its lookup password, and tests it with a directory account', async () => {
    const { user } = renderDirectory();
    const form = await screen.findByRole('form', { name: 'LDAP configuration' }, { timeout: 5000 });
    expect(within(form).getByLabelText('Host')).toHaveValue('ldap.example.com');
    expect(within(form).getByRole('radio', { name: /^StartTLS/ })).toBeChecked();
    expect(within(form).getByLabelText('Lookup password')).toHaveValue('');
    expect(document.body.textContent).not.toContain('lookup-pass');

    const test = screen.getByRole('form', { name: 'Test connection' });
    await user.type(within(test).getByLabelText('Directory username'), 'carol');
    await user.type(within(test).getByLabelText('Password'), 'wrong');
    await user.click(within(test).getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Test failed')).toBeInTheDocument();
    expect(screen.getByText('AUTHENTICATION_FAILED')).toBeInTheDocument();

    await user.clear(within(test).getByLabelText('Password'));
    await user.type(within(test).getByLabelText('Password'), 'carol-pass');
    await user.click(within(test).getByRole('button', { name: 'Test connection' }));
    const passed = await screen.findByText('Test passed');
    expect(passed.closest('[role="status"]')).toHaveTextContent(
      'TEST_PASSED: Directory back-end reached and all tests passed.',
    );
  });

  it('checks the templates before saving, then saves and keeps the stored password when left blank', async () => {
    const { user } = renderDirectory();
    const form = await screen.findByRole('form', { name: 'LDAP configuration' }, { timeout: 5000 });
    const filter = within(form).getByLabelText('User search filter template');
    await user.clear(filter);
    await user.type(filter, '(uid=%(user)s)');
    await user.click(within(form).getByRole('button', { name: 'Save configuration' }));
    expect(filter).toHaveAccessibleDescription(/The template must contain %\(username\)s\./);

    await user.clear(filter);
    await user.type(filter, '(&(objectClass=inetOrgPerson)(uid=%(username)s))');
    await user.click(within(form).getByRole('radio', { name: /^LDAPS/ }));
    await user.clear(within(form).getByLabelText('Port'));
    await user.type(within(form).getByLabelText('Port'), '636');
    await user.click(within(form).getByRole('button', { name: 'Save configuration' }));
    expect(await screen.findByText(/Saved the LDAP configuration/)).toBeInTheDocument();
    expect(db().ldap.config).toMatchObject({
      port: 636,
      'use-ldaps': true,
      'enforce-starttls': false,
      'lookup-password': 'lookup-pass',
      'user-search': { 'search-filter-template': '(&(objectClass=inetOrgPerson)(uid=%(username)s))' },
    });
  });

  it('deletes the configuration after confirming, and then offers to create one', async () => {
    const { user } = renderDirectory();
    await user.click(await screen.findByRole('button', { name: 'Delete configuration' }, { timeout: 5000 }));
    const confirm = screen.getByRole('dialog', { name: 'Delete the LDAP configuration?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete configuration' }));
    expect(await screen.findByRole('heading', { name: 'New configuration' })).toBeInTheDocument();
    expect(screen.getByText(/No directory is configured/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Test connection' })).not.toBeInTheDocument();
    expect(db().ldap.config).toBeNull();
  });
});
