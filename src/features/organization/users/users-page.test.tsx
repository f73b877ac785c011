import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { login } from '@/api/auth.ts';
import { http, HttpResponse } from 'msw';
import { server } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { ToastProvider } from '@/ui/toast.tsx';
import { UsersPage } from './users-page.tsx';

beforeEach(async () => {
  withViewport();
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

// jsdom has no layout: give the grid's body a height so the virtualizer renders rows.
function withViewport() {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(440);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(440);
}

function renderUsers(url = '/organization/users') {
  return renderRoutes(
    [
      {
        path: '/organization/users',
        element: (
          <ToastProvider>
            <UsersPage />
          </ToastProvider>
        ),
      },
    ],
    url,
  );
}

describe('The users list', { timeout: 30_000 }, () => {
  it('offers the bulk actions only once rows are selected, in a bar that says how many and clears them', async () => {
    const { user } = renderUsers();
    const grid = await screen.findByRole('grid', { name: 'Users' }, { timeout: 5000 });
    expect(screen.queryByRole('region', { name: 'Selection' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete…' })).not.toBeInTheDocument();
    // No column of groups the IAM does not list with the users.
    expect(within(grid).queryByRole('columnheader', { name: 'Groups' })).not.toBeInTheDocument();

    await user.click(within(grid).getByRole('checkbox', { name: 'Select alice' }));
    await user.click(within(grid).getByRole('checkbox', { name: 'Select bob' }));
    const bar = screen.getByRole('region', { name: 'Selection' });
    expect(bar).toHaveTextContent('2 selected');
    expect(within(bar).getByRole('button', { name: 'Add to group…' })).toBeEnabled();
    expect(within(bar).getByRole('button', { name: 'Remove from group…' })).toBeEnabled();
    expect(within(bar).getByRole('button', { name: 'Delete…' })).toBeEnabled();

    await user.click(within(bar).getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('region', { name: 'Selection' })).not.toBeInTheDocument();
    expect(within(grid).getByRole('checkbox', { name: 'Select alice' })).not.toBeChecked();
  });

  it('says when a search matches nobody, and Clear search brings the users back', async () => {
    const { user } = renderUsers('/organization/users?q=nobody-has-this');
    expect(await screen.findByText('No users match this search.', {}, { timeout: 5000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(screen.getByLabelText('Search users')).toHaveValue('');
    expect(screen.getByLabelText('Search users')).toHaveFocus();
    expect(within(screen.getByRole('grid', { name: 'Users' })).getByRole('row', { name: /alice/ })).toBeInTheDocument();
  });

  it('with no users at all, offers to create the first one', async () => {
    server.use(http.get('*/acs/api/v1/users', () => HttpResponse.json({ array: [] })));
    const { user } = renderUsers();
    expect(await screen.findByText('No users yet.', {}, { timeout: 5000 })).toBeInTheDocument();
    await user.click(within(screen.getByRole('grid', { name: 'Users' })).getByRole('button', { name: 'Create user' }));
    expect(await screen.findByRole('dialog', { name: 'Create user' }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('exports the rows in view from the Options menu', async () => {
    const { user } = renderUsers('/organization/users?q=alice');
    await screen.findByRole('grid', { name: 'Users' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Options' }));
    const menu = await screen.findByRole('menu', { name: 'Options' }, { timeout: 5000 });
    expect(within(menu).getByRole('menuitem', { name: 'Export CSV (1 row)' })).toBeInTheDocument();
    expect(within(menu).getByRole('menuitemcheckbox', { name: 'Compact rows' })).not.toBeChecked();
  });
});
