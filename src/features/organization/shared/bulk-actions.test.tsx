import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { login } from '@/api/auth.ts';
import type { User } from '@/api/users.ts';
import { server, simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { BulkActions } from './bulk-actions.tsx';
import { BulkRunArea } from './bulk-run.tsx';

const accounts = (...uids: string[]): readonly User[] =>
  uids.map((uid) => ({ uid, url: `/acs/api/v1/users/${uid}`, description: uid, is_remote: false }));
const SELECTED = accounts('alice', 'bob');

function renderBulk(selected = SELECTED) {
  return renderRoutes([
    {
      path: '/',
      element: (
        <BulkRunArea>
          <BulkActions selected={selected} onDone={() => undefined} noun="users" />
        </BulkRunArea>
      ),
    },
  ]);
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
    server.use(
      http.get('*/acs/api/v1/groups', async () => {
        await gate;
      }),
    );
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
      http.get(
        '*/acs/api/v1/groups',
        () =>
          HttpResponse.json(
            { title: 'Internal Server Error', description: 'The IAM could not reach its datastore.' },
            { status: 500 },
          ),
        { once: true },
      ),
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

describe('Bulk group changes', { timeout: 30_000 }, () => {
  it('count an account already in the group (409) or already out of it as done, not failed', async () => {
    // carol is in developers already; bob is not.
    const { user } = renderBulk(accounts('bob', 'carol'));
    await user.click(screen.getByRole('button', { name: 'Add to group…' }));
    await user.type(screen.getByLabelText('Find a group'), 'developers');
    await user.click(await screen.findByRole('button', { name: 'Choose developers' }, { timeout: 5000 }));
    const panel = screen.getByRole('region', { name: 'Bulk action progress' });
    await vi.waitFor(
      () => expect(within(panel).getByRole('status')).toHaveTextContent('Finished: 2 succeeded, 0 failed.'),
      { timeout: 5000 },
    );
    expect(within(panel).queryByRole('button', { name: /^Retry failed/ })).not.toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Close' }));

    simulator.context.defaultDb.memberships.get('developers')?.delete('carol');
    await user.click(screen.getByRole('button', { name: 'Remove from group…' }));
    await user.type(screen.getByLabelText('Find a group'), 'developers');
    await user.click(await screen.findByRole('button', { name: 'Choose developers' }, { timeout: 5000 }));
    await vi.waitFor(
      () =>
        expect(
          within(screen.getByRole('region', { name: 'Bulk action progress' })).getByRole('status'),
        ).toHaveTextContent('Finished: 2 succeeded, 0 failed.'),
      { timeout: 5000 },
    );
  });

  it("still report any other refusal as failed, with the server's message", async () => {
    const { user } = renderBulk(accounts('alice', 'bootstrapuser'));
    await user.click(screen.getByRole('button', { name: 'Remove from group…' }));
    await user.type(screen.getByLabelText('Find a group'), 'superusers');
    await user.click(await screen.findByRole('button', { name: 'Choose superusers' }, { timeout: 5000 }));
    const panel = screen.getByRole('region', { name: 'Bulk action progress' });
    await vi.waitFor(
      () => expect(within(panel).getByRole('status')).toHaveTextContent('Finished: 1 succeeded, 1 failed.'),
      { timeout: 5000 },
    );
    const items = within(panel).getAllByRole('listitem');
    expect(items.find((item) => item.textContent.startsWith('alice'))).toHaveTextContent('alice Done');
    expect(items.find((item) => item.textContent.startsWith('bootstrapuser'))).toHaveTextContent(
      'Last member from `superusers` group cannot be removed',
    );
    expect(within(panel).getByRole('button', { name: 'Retry failed (1)' })).toBeInTheDocument();
  });
});
