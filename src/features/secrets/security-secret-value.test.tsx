import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { login } from '@/api/auth.ts';
import { secretQueries } from '@/api/secrets.ts';
import { server } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { ToastProvider } from '@/ui/toast.tsx';
import { SecretDetailPage } from './secret-detail-page.tsx';

// A secret's value leaves the Secret Store only when the user asks (Reveal, Copy, Download), and nothing of it stays
// in the page, the query cache, storage or the clipboard unless asked for (ASVS V14.2, V14.3).
const PATH = 'group/spark/aws-secret-key';
const key = secretQueries.value(PATH).queryKey;

function renderSecret() {
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
      { path: '/elsewhere', element: <h1>Elsewhere</h1> },
    ],
    `/secrets/view/${PATH}`,
  );
}

/** Reveal, once it is enabled: it waits for the seal state (a sealed store would refuse the read). */
async function revealButton(): Promise<HTMLElement> {
  const button = await screen.findByRole('button', { name: 'Reveal' });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

/** GETs of the secret's value, counted as the simulator receives them. */
function countValueReads(path = PATH): { count: number } {
  const reads = { count: 0 };
  const listener = ({ request }: { request: Request }) => {
    if (request.method === 'GET' && new URL(request.url).pathname === `/secrets/v1/secret/default/${path}`)
      reads.count += 1;
  };
  server.events.on('request:start', listener);
  onTestFinished(() => {
    server.events.removeListener('request:start', listener);
  });
  return reads;
}

const cacheText = (queryClient: ReturnType<typeof renderSecret>['queryClient']) =>
  JSON.stringify(
    queryClient
      .getQueryCache()
      .getAll()
      .map((q) => q.state.data),
  );

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

describe('A secret value in the console', () => {
  it('[ASVS 14.2.6] is masked and not even fetched until Reveal', async () => {
    const reads = countValueReads();
    const { user } = renderSecret();
    expect(await screen.findByLabelText('Masked value')).toHaveTextContent('••••••••••••');
    expect(reads.count).toBe(0);
    await user.click(await revealButton());
    expect(await screen.findByLabelText('Secret value')).not.toHaveTextContent('•');
    expect(reads.count).toBe(1);
  });

  it('[ASVS 14.3.1] is gone from the page and the query cache after Hide, and fetched afresh on the next Reveal', async () => {
    const reads = countValueReads();
    const { user, queryClient, container } = renderSecret();
    await user.click(await revealButton());
    const value = (await screen.findByLabelText('Secret value')).textContent;
    expect(value.length).toBeGreaterThan(8);
    await user.click(screen.getByRole('button', { name: 'Hide' }));
    expect(container.textContent).not.toContain(value);
    // The observer may keep an empty entry for the key; what matters is that no data is left in it or anywhere else.
    expect(queryClient.getQueryData(key)).toBeUndefined();
    expect(cacheText(queryClient)).not.toContain(value);
    await user.click(await revealButton());
    await screen.findByLabelText('Secret value');
    expect(reads.count).toBe(2);
  });

  it('[ASVS 14.3.1] is dropped from the query cache when the user leaves the page', async () => {
    const { user, queryClient, router } = renderSecret();
    await user.click(await revealButton());
    const value = (await screen.findByLabelText('Secret value')).textContent;
    await router.navigate('/elsewhere');
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeInTheDocument();
    // The navigation is a transition: the page's subscription ends in its effects' cleanup, just after the new page
    // shows, and the query (gcTime 0) goes once nothing observes it.
    await waitFor(() => expect(queryClient.getQueryCache().find({ queryKey: key })).toBeUndefined());
    expect(cacheText(queryClient)).not.toContain(value);
  });

  it('[ASVS 14.2.6] of another secret opened from a revealed one stays masked and unfetched until its own Reveal', async () => {
    const otherReads = countValueReads('db-password');
    const { user, router } = renderSecret();
    await user.click(await revealButton());
    await screen.findByLabelText('Secret value');
    await router.navigate('/secrets/view/db-password');
    expect(await screen.findByRole('heading', { level: 1, name: 'db-password' })).toBeInTheDocument();
    expect(screen.getByLabelText('Masked value')).toHaveTextContent('••••••••••••');
    expect(screen.queryByLabelText('Secret value')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reveal' })).toBeInTheDocument();
    expect(otherReads.count).toBe(0);
  });

  it('[ASVS 14.3.3] reaches the clipboard only on Copy, and Copy leaves nothing in the page or the cache', async () => {
    const { user, queryClient, container } = renderSecret();
    await user.click(await revealButton());
    const value = (await screen.findByLabelText('Secret value')).textContent;
    expect(await navigator.clipboard.readText()).toBe('');
    await user.click(screen.getByRole('button', { name: 'Hide' }));
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(async () => expect(await navigator.clipboard.readText()).toBe(value));
    expect(await screen.findByText('Copied the value to the clipboard.')).toBeInTheDocument();
    expect(container.textContent).not.toContain(value);
    expect(cacheText(queryClient)).not.toContain(value);
  });

  it('[ASVS 14.3.3] is written to no browser storage', async () => {
    const { user } = renderSecret();
    await user.click(await revealButton());
    const value = (await screen.findByLabelText('Secret value')).textContent;
    const dump = (storage: Storage) =>
      Array.from(
        { length: storage.length },
        (_, i) => `${storage.key(i) ?? ''}=${storage.getItem(storage.key(i) ?? '') ?? ''}`,
      );
    const stored = [...dump(localStorage), ...dump(sessionStorage), document.cookie].join('\n');
    expect(stored).not.toContain(value);
  });
});
