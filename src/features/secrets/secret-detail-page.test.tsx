import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { secretQueries } from '@/api/secrets.ts';
import { renderRoutes } from '@/test/render.tsx';
import { ToastProvider } from '@/ui/toast.tsx';
import { SecretDetailPage } from './secret-detail-page.tsx';

function renderSecret(path: string) {
  return renderRoutes(
    [
      {
        path: '/secrets/view/*',
        element: (
          <ToastProvider>
            <SecretDetailPage />
          </ToastProvider>
        ),
      },
    ],
    `/secrets/view/${path}`,
  );
}

describe('SecretDetailPage', () => {
  it('fetches the value only on Reveal, and Hide drops it from the page and the query cache', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    const { user, queryClient } = renderSecret('group/spark/aws-secret-key');
    const key = secretQueries.value('group/spark/aws-secret-key').queryKey;
    expect(screen.getByLabelText('Masked value')).toBeInTheDocument();
    expect(queryClient.getQueryData(key)).toBeUndefined();
    expect(queryClient.getQueryCache().find({ queryKey: key })?.state.fetchStatus ?? 'idle').toBe('idle');

    await user.click(screen.getByRole('button', { name: 'Reveal' }));
    const shown = await screen.findByLabelText('Secret value');
    const secret = shown.textContent;
    expect(secret.length).toBeGreaterThan(0);
    expect(queryClient.getQueryData(key)).toMatchObject({ kind: 'text', value: secret });

    await user.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.queryByLabelText('Secret value')).not.toBeInTheDocument();
    expect(queryClient.getQueryData(key)).toBeUndefined();
    expect(JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.state.data))).not.toContain(secret);
  });

  it('says kind, size, description and labels come with Reveal, then shows them from the value', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    const { user } = renderSecret('group/spark/config/log-level');
    const reveal = screen.getByRole('button', { name: 'Reveal' });
    expect(reveal).toHaveAccessibleDescription(
      'Kind (text or file), size, description and labels come with Reveal: the secret store sends them only together with the value.',
    );
    expect(screen.queryByText(/^Text, /)).not.toBeInTheDocument();

    await user.click(reveal);
    expect(await screen.findByText('Text, 4 B')).toBeInTheDocument();
    expect(screen.getByText('Log level of Spark drivers')).toBeInTheDocument();
    expect(screen.getByText('spark')).toBeInTheDocument();
    expect(screen.queryByText(/come with Reveal/)).not.toBeInTheDocument();
  });

  it('does not carry a value typed for one secret over to the next one opened', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    const { user, router } = renderSecret('db-password');
    const value = () => screen.getByRole('textbox', { name: /^Value$/ });
    await user.type(value(), 'meant-for-db-password');
    await router.navigate('/secrets/view/group/spark/aws-secret-key');
    expect(await screen.findByRole('heading', { name: /aws-secret-key/ })).toBeInTheDocument();
    expect(value()).toHaveValue('');
  });
});
