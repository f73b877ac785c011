import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { server, simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { ToastProvider } from '@/ui/toast.tsx';
import { CreateUserDialog } from './create-user-dialog.tsx';

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

describe('Creating a user', { timeout: 30_000 }, () => {
  it("puts the IAM's password rule (400 ERR_INVALID_DATA) at the password field and keeps the form", async () => {
    // A cluster whose password rules are stricter than the console's own check (at least 5 characters).
    server.use(
      http.put('*/acs/api/v1/users/:uid', () =>
        HttpResponse.json(
          {
            title: 'Bad Request',
            description: 'Password does not match rules: Must contain a digit.',
            code: 'ERR_INVALID_DATA',
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderRoutes([
      {
        path: '/',
        element: (
          <ToastProvider>
            <CreateUserDialog isOpen onClose={() => undefined} />
          </ToastProvider>
        ),
      },
    ]);
    const dialog = screen.getByRole('dialog', { name: 'Create user' });
    await user.type(within(dialog).getByLabelText('User ID'), 'mallory');
    await user.type(within(dialog).getByLabelText('Description'), 'Mallory');
    await user.type(within(dialog).getByLabelText('Password'), 'letters');
    await user.type(within(dialog).getByLabelText('Confirm password'), 'letters');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));

    const password = within(dialog).getByLabelText('Password');
    expect(
      await within(dialog).findByText('Password does not match rules: Must contain a digit.', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(/Must contain a digit/);
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(dialog).getByLabelText('User ID')).toHaveValue('mallory');
    expect(simulator.context.defaultDb.users.has('mallory')).toBe(false);
  });
});
