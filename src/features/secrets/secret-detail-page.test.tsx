import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { secretQueries } from '@/api/secrets.ts';
import { simulator } from '@/mocks/node.ts';
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

    // Reveal waits for the seal state (the shell asks for it on every load, so it is there at once in the console).
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reveal' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Reveal' }));
    const shown = await screen.findByLabelText('Secret value');
    const secret = shown.textContent;
    expect(secret.length).toBeGreaterThan(0);
    expect(queryClient.getQueryData(key)).toMatchObject({ kind: 'text', value: secret });

    await user.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.queryByLabelText('Secret value')).not.toBeInTheDocument();
    expect(queryClient.getQueryData(key)).toBeUndefined();
    expect(
      JSON.stringify(
        queryClient
          .getQueryCache()
          .getAll()
          .map((q) => q.state.data),
      ),
    ).not.toContain(secret);
  });

  it('says kind, size, description and labels come with Reveal, then shows them from the value', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    const { user } = renderSecret('group/spark/config/log-level');
    const reveal = screen.getByRole('button', { name: 'Reveal' });
    await waitFor(() => expect(reveal).toBeEnabled());
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

  it('puts the value first and folds the explanation of spaces, keeping the one line that matters', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    renderSecret('group/spark/aws-secret-key');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf('Value')).toBe(0);
    expect(headings.indexOf('Who may read it')).toBe(headings.length - 1);
    expect(
      screen.getByText(
        'Services whose ID is /group/spark or lies under /group/spark/ may read this secret; other services may not.',
      ),
    ).toBeVisible();
    const help = screen.getByText('How DC/OS spaces work').closest('details');
    expect(help).not.toHaveAttribute('open');
    expect(within(help as HTMLElement).getByRole('table', { hidden: true })).not.toBeVisible();
  });

  it('clears the replace box once the new value is saved, so it does not stay readable under the masked one', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    const { user } = renderSecret('db-password');
    const box = () => screen.getByRole('textbox', { name: /^Value$/ });
    await user.type(box(), 'rotated-value');
    await user.click(screen.getByRole('button', { name: 'Save new value' }));
    expect(await screen.findByText('Saved a new value for db-password.')).toBeInTheDocument();
    await waitFor(() => expect(box()).toHaveValue(''));
    expect(screen.queryByText('rotated-value')).not.toBeInTheDocument();
    expect(simulator.context.defaultDb.secrets.get('db-password')).toMatchObject({
      kind: 'text',
      value: 'rotated-value',
    });
  });

  it('while the store is sealed, disables Reveal, Copy, Download, Save and Delete, each saying why, and keeps what is typed', async () => {
    simulator.context.defaultDb.seal.sealed = true;
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    const { user } = renderSecret('db-password');
    expect(
      await screen.findByText('The secret store is sealed: unseal it to read or change this secret.'),
    ).toBeInTheDocument();
    for (const name of ['Reveal', 'Copy', 'Download']) {
      const button = screen.getByRole('button', { name });
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription(
        'The secret store is sealed: the value can be neither read nor replaced until it is unsealed.',
      );
    }
    expect(
      screen.getByText('The secret store is sealed: the value can be neither read nor replaced until it is unsealed.'),
    ).toBeVisible();
    const save = screen.getByRole('button', { name: 'Save new value' });
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription(
      'The secret store is sealed: saving waits until it is unsealed. What you type here is kept.',
    );
    expect(screen.getByRole('button', { name: 'Delete secret' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Delete secret' })).toHaveAccessibleDescription(/sealed/);
    await user.type(screen.getByRole('textbox', { name: /^Value$/ }), 'typed-while-sealed');

    // Unsealed right here: every action comes back, and the typed value is still there to save.
    await user.type(screen.getByLabelText('Unseal key share'), simulator.context.defaultDb.seal.keys[0] ?? '');
    await user.click(screen.getByRole('button', { name: 'Submit key share' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reveal' })).toBeEnabled());
    expect(screen.getByRole('button', { name: 'Save new value' })).toBeEnabled();
    expect(screen.getByRole('textbox', { name: /^Value$/ })).toHaveValue('typed-while-sealed');
  });

  it('shows the store’s own words when a read fails, a store sealed meanwhile included', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    const { user, queryClient } = renderSecret('db-password');
    await waitFor(() => expect(queryClient.getQueryState(secretQueries.sealStatus().queryKey)?.status).toBe('success'));
    simulator.context.defaultDb.seal.sealed = true;
    await user.click(screen.getByRole('button', { name: 'Reveal' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Secret store is sealed');
  });
});
