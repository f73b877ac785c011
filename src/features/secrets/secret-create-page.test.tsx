import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { ToastProvider } from '@/ui/toast.tsx';
import { parseLabels, SecretCreatePage } from './secret-create-page.tsx';
import { SecretDetailPage } from './secret-detail-page.tsx';

function renderCreate() {
  return renderRoutes(
    [
      {
        path: '/secrets/new',
        element: (
          <ToastProvider>
            <SecretCreatePage />
          </ToastProvider>
        ),
      },
      {
        path: '/secrets/view/*',
        element: (
          <ToastProvider>
            <SecretDetailPage />
          </ToastProvider>
        ),
      },
    ],
    '/secrets/new',
  );
}

describe('Creating a secret', { timeout: 20_000 }, () => {
  it('takes a description and labels with a text value, stores them, and shows them on the secret’s page with the value', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    const { user, router } = renderCreate();
    await user.type(screen.getByLabelText('Path'), 'team/api-token');
    await user.type(screen.getByRole('textbox', { name: /^Value$/ }), 'tok-123');
    await user.type(screen.getByLabelText('Description'), 'Token of the team API');
    await user.type(screen.getByLabelText('Labels'), 'team, production, , team');
    expect(screen.getByLabelText('Labels')).toHaveAccessibleDescription(
      'Separated by commas, for example: spark, production.',
    );
    await user.click(screen.getByRole('button', { name: 'Create secret' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'team/api-token' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/secrets/view/team/api-token');
    expect(simulator.context.defaultDb.secrets.get('team/api-token')).toMatchObject({
      kind: 'text',
      value: 'tok-123',
      description: 'Token of the team API',
      labels: ['team', 'production'],
    });
    await user.click(screen.getByRole('button', { name: 'Reveal' }));
    expect(await screen.findByText('Token of the team API')).toBeInTheDocument();
    const labels = screen.getByRole('list', { name: 'Labels' });
    expect(labels).toHaveTextContent('teamproduction');
  });

  it('sends neither for a file secret, whose raw bytes have no room for them, and says so', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    const { user } = renderCreate();
    await user.click(screen.getByLabelText('File (any bytes)'));
    expect(screen.getByLabelText('Description')).toBeDisabled();
    expect(screen.getByLabelText('Labels')).toBeDisabled();
    expect(screen.getByRole('group', { name: 'About this secret (optional)' })).toHaveAccessibleDescription(
      'A file secret is stored as raw bytes: the secret store keeps no description or labels with it.',
    );
    await user.click(screen.getByLabelText('Text'));
    expect(screen.getByLabelText('Description')).toBeEnabled();
  });

  it('reads labels as typed: trimmed, no empty ones, each once', () => {
    expect(parseLabels(' spark,production ,,spark , ')).toEqual(['spark', 'production']);
    expect(parseLabels('')).toEqual([]);
  });
});
