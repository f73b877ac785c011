import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { login } from '@/api/auth.ts';
import type { CatalogEntry } from '@/lib/rid.ts';
import { server, simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { ToastProvider } from '@/ui/toast.tsx';
import { GrantDialog } from './grant-dialog.tsx';

const CATALOG: CatalogEntry[] = [
  {
    id: 'acs',
    category: 'Admin Router',
    template: 'dcos:adminrouter:acs',
    description: 'IAM API and its UI',
    actions: ['full'],
  },
  {
    id: 'ops-mesos',
    category: 'Admin Router',
    template: 'dcos:adminrouter:ops:mesos',
    description: 'Mesos UI and API',
    actions: ['full'],
  },
  {
    id: 'secret',
    category: 'Secrets',
    template: 'dcos:secrets:default:/<secret-path>',
    description: 'One secret',
    actions: ['full', 'create', 'read', 'update', 'delete'],
  },
];

function renderDialog({ initialRid = '', onClose = vi.fn() } = {}) {
  const onRidChange = vi.fn();
  const view = renderRoutes([
    {
      path: '/',
      element: (
        <ToastProvider>
          <GrantDialog
            principal={{ uid: 'bob' }}
            catalog={CATALOG}
            catalogError={null}
            initialRid={initialRid}
            initialActions={[]}
            onRidChange={onRidChange}
            isOpen
            onClose={onClose}
          />
        </ToastProvider>
      ),
    },
  ]);
  return { ...view, onClose, onRidChange };
}

const bobHolds = (rid: string) => [...(simulator.context.defaultDb.acls.get(rid)?.users.get('bob') ?? [])];

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

// Typed like a person, on a machine other engineers share: more than the default 5 s.
describe('The grant dialog', { timeout: 30_000 }, () => {
  it('is driven from the keyboard: search, ↓ into the catalog, Enter, fill the placeholder, pick an action, Grant', async () => {
    const { user, onClose } = renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Grant a permission to bob' }, { timeout: 5000 });
    const grant = within(dialog).getByRole('button', { name: 'Grant' });
    expect(grant).toBeDisabled();
    expect(grant).toHaveAccessibleDescription('Choose a resource.');

    const catalog = within(dialog).getByRole('listbox', { name: 'Resource catalog' });
    expect(within(catalog).getByRole('group', { name: 'Admin Router' })).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Search resources'), 'secret');
    expect(within(dialog).getByText('1 found')).toBeInTheDocument();
    expect(within(catalog).queryByRole('group', { name: 'Admin Router' })).toBeNull();
    await user.keyboard('{ArrowDown}');
    const entry = within(catalog).getByRole('option', { name: /^dcos:secrets:default:\/<secret-path>/ });
    expect(entry).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(entry).toHaveAttribute('aria-selected', 'true');
    // Enter moves on to the entry's first placeholder.
    expect(within(dialog).getByLabelText('Secret path')).toHaveFocus();
    expect(grant).toHaveAccessibleDescription('Fill in the secret path.');

    await user.keyboard('team/db-password');
    expect(dialog.querySelector('output')).toHaveTextContent('dcos:secrets:default:/team/db-password');
    expect(grant).toHaveAccessibleDescription('Choose at least one action.');
    await user.click(within(dialog).getByRole('checkbox', { name: 'read' }));
    expect(grant).toBeEnabled();
    await user.click(grant);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(bobHolds('dcos:secrets:default:/team/db-password')).toEqual(['read']);
  });

  it('moves through the areas with the arrow keys, and typing in the list goes back to the search', async () => {
    const { user } = renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Grant a permission to bob' }, { timeout: 5000 });
    await user.click(within(dialog).getByLabelText('Search resources'));
    await user.keyboard('{ArrowDown}');
    expect(within(dialog).getByRole('option', { name: /^dcos:adminrouter:acs/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(within(dialog).getByRole('option', { name: /^dcos:secrets:default/ })).toHaveFocus();
    await user.keyboard('{ArrowUp}{Home}');
    expect(within(dialog).getByRole('option', { name: 'Type a resource ID' })).toHaveFocus();
    await user.keyboard('{End}m');
    expect(within(dialog).getByLabelText('Search resources')).toHaveFocus();
    expect(within(dialog).getByLabelText('Search resources')).toHaveValue('m');
  });

  it('takes a typed resource ID, says why one cannot be used, and keeps everything when the grant fails', async () => {
    server.use(
      http.put('*/acs/api/v1/acls/:rid/users/bob/:action', () =>
        HttpResponse.text('Datastore is read-only', { status: 503 }),
      ),
    );
    const { user, onClose } = renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Grant a permission to bob' }, { timeout: 5000 });
    await user.click(within(dialog).getByRole('option', { name: 'Type a resource ID' }));
    const rid = within(dialog).getByLabelText('Resource ID');
    await user.type(rid, 'mesos:thing');
    expect(within(dialog).getByRole('button', { name: 'Grant' })).toHaveAccessibleDescription(
      'A DC/OS resource ID starts with “dcos:”.',
    );
    expect(rid).toHaveAccessibleDescription('A DC/OS resource ID starts with “dcos:”.');
    await user.clear(rid);
    await user.type(rid, 'dcos:adminrouter:ops:mesos');
    expect(within(dialog).getByText('Recognized: Mesos UI and API.')).toBeInTheDocument();
    // A recognized rid offers only the actions its entry supports.
    expect(within(dialog).getAllByRole('checkbox')).toHaveLength(1);
    await user.click(within(dialog).getByRole('checkbox', { name: /^full/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Grant' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Datastore is read-only');
    expect(onClose).not.toHaveBeenCalled();
    expect(rid).toHaveValue('dcos:adminrouter:ops:mesos');
    expect(within(dialog).getByRole('checkbox', { name: /^full/ })).toBeChecked();
    expect(within(dialog).getByRole('option', { name: 'Type a resource ID' })).toHaveAttribute('aria-selected', 'true');
  });

  it('opens on the entry a deep-linked rid matches, its placeholder filled in', async () => {
    renderDialog({ initialRid: 'dcos:secrets:default:/team/api-key' });
    const dialog = await screen.findByRole('dialog', { name: 'Grant a permission to bob' }, { timeout: 5000 });
    expect(within(dialog).getByRole('option', { name: /^dcos:secrets:default/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(within(dialog).getByLabelText('Secret path')).toHaveValue('team/api-key');
    expect(dialog.querySelector('output')).toHaveTextContent('dcos:secrets:default:/team/api-key');
  });
});
