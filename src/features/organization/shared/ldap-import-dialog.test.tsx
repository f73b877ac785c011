import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { ToastProvider } from '@/ui/toast.tsx';
import { LdapImportDialog } from './ldap-import-dialog.tsx';

const db = () => simulator.context.defaultDb;

function Page({ kind }: { kind: 'user' | 'group' }) {
  const [open, setOpen] = useState(true);
  return <LdapImportDialog kind={kind} isOpen={open} onClose={() => setOpen(false)} />;
}

function renderDialog(kind: 'user' | 'group') {
  return renderRoutes([
    {
      path: '/',
      element: (
        <ToastProvider>
          <Page kind={kind} />
        </ToastProvider>
      ),
    },
    { path: '/organization/users/:uid', element: <h1>User page</h1> },
    { path: '/organization/groups/:gid/:tab', element: <h1>Group page</h1> },
  ]);
}

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

describe('Importing from LDAP', { timeout: 30_000 }, () => {
  it('says at the field when the directory has no such user, then imports one and opens it', async () => {
    const { user } = renderDialog('user');
    const dialog = screen.getByRole('dialog', { name: 'Import a user from LDAP' });
    await user.type(within(dialog).getByLabelText('Directory username'), 'mallory');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    const field = within(dialog).getByLabelText('Directory username');
    expect(await within(dialog).findByText('The directory has no user “mallory”.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');

    await user.clear(field);
    await user.type(field, 'grace');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('heading', { name: 'User page' })).toBeInTheDocument();
    expect(db().users.get('grace')?.providerType).toBe('ldap');
  });

  it('explains a partial group import (202) and keeps the dialog open', async () => {
    const { user } = renderDialog('group');
    const dialog = screen.getByRole('dialog', { name: 'Import a group from LDAP' });
    await user.type(within(dialog).getByLabelText('Directory group name'), 'auditors');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'Imported the group auditors with 1 member; the directory lists others that could not be imported',
    );
    expect(within(dialog).getByRole('link', { name: 'Open auditors' })).toHaveAttribute(
      'href',
      '/organization/groups/auditors/users',
    );
  });

  it('says when the directory search itself failed, or when no directory is configured', async () => {
    db().ldap.config = {
      ...(db().ldap.config ?? { host: '', port: 389, 'enforce-starttls': true, 'use-ldaps': false }),
      host: 'down.example.com',
    };
    const { user } = renderDialog('group');
    const dialog = screen.getByRole('dialog', { name: 'Import a group from LDAP' });
    await user.type(within(dialog).getByLabelText('Directory group name'), 'engineering');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Searching the directory failed. The directory search failed: Could not connect to down.example.com:389',
    );

    db().ldap.config = null;
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByText('No directory is configured.')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Configure the directory' })).toHaveAttribute(
      'href',
      '/settings/directory',
    );
  });
});
