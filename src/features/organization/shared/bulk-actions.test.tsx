import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import type { User } from '@/api/users.ts';
import { server } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { BulkActions } from './bulk-actions.tsx';

const SELECTED: readonly User[] = ['alice', 'bob'].map((uid) => ({ uid, url: `/acs/api/v1/users/${uid}`, description: uid, is_remote: false }));

function renderBulk() {
  return renderRoutes([{ path: '/', element: <BulkActions selected={SELECTED} onDone={() => undefined} noun="users" /> }]);
}

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

describe('The group picker of the bulk actions', { timeout: 30_000 }, () => {
  it('says the groups are loading rather than "No matches." until they arrive', async () => {
    let release: (value: undefined) => void = () => undefined;
    const gate = new Promise<undefined>((resolve) => {
      release = resolve;
    });
    // Held, then left to the simulator (a resolver that returns nothing falls through to the next handler).
    server.use(http.get('*/acs/api/v1/groups', async () => {
      await gate;
    }));
    const { user } = renderBulk();
    await user.click(screen.getByRole('button', { name: 'Add to group…' }));
    const dialog = screen.getByRole('dialog', { name: 'Add 2 users to a group' });
    await user.type(within(dialog).getByLabelText('Find a group'), 'dev');
    expect(within(dialog).getByText('Loading groups…')).toBeInTheDocument();
    expect(within(dialog).queryByText('No matches.')).not.toBeInTheDocument();

    release(undefined);
    expect(await within(dialog).findByRole('button', { name: 'Choose developers' }, { timeout: 5000 })).toBeEnabled();
    expect(within(dialog).getByLabelText('Find a group')).toHaveValue('dev');
  });

  it('shows why the groups could not be loaded, with a retry that brings them', async () => {
    server.use(
      http.get('*/acs/api/v1/groups', () => HttpResponse.json({ title: 'Internal Server Error', description: 'The IAM could not reach its datastore.' }, { status: 500 }), { once: true }),
    );
    const { user } = renderBulk();
    await user.click(screen.getByRole('button', { name: 'Add to group…' }));
    const dialog = screen.getByRole('dialog', { name: 'Add 2 users to a group' });
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent('Could not load the groups');
    expect(alert).toHaveTextContent('The IAM could not reach its datastore.');
    expect(within(dialog).queryByText('No matches.')).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await user.type(within(dialog).getByLabelText('Find a group'), 'data');
    expect(await within(dialog).findByRole('button', { name: 'Choose data-science' }, { timeout: 5000 })).toBeEnabled();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });
});
