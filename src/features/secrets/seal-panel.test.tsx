import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { secretQueries } from '@/api/secrets.ts';
import { server } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { SealPanel } from './seal-panel.tsx';

const SEAL_STATUS = '*/secrets/v1/seal-status/default';
const renderPanel = () => renderRoutes([{ path: '/', element: <SealPanel /> }]);

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

describe('SealPanel against a real cluster', () => {
  it('shows nothing when the account may not read the seal status (403)', async () => {
    server.use(http.get(SEAL_STATUS, () => HttpResponse.json({ message: 'Forbidden' }, { status: 403 })));
    const { queryClient, container } = renderPanel();
    await waitFor(() => expect(queryClient.getQueryState(secretQueries.sealStatus().queryKey)?.status).toBe('error'));
    expect(container).toBeEmptyDOMElement();
  });

  it('still reports any other failure to read it', async () => {
    server.use(http.get(SEAL_STATUS, () => HttpResponse.json({ message: 'The store failed (test).' }, { status: 500 })));
    renderPanel();
    expect(await screen.findByText('Could not read the seal status')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The store failed (test).');
  });

  it('says the shares were rejected when the progress goes down instead of up', async () => {
    // Vault checks the shares once the threshold is reached; bad ones are all dropped, and it answers 200, still sealed.
    let progress = 1;
    server.use(
      http.get(SEAL_STATUS, () => HttpResponse.json({ sealed: true, threshold: 2, shares: 3, progress })),
      http.put('*/secrets/v1/unseal/default', () => {
        progress = 0;
        return HttpResponse.json({ sealed: true, threshold: 2, shares: 3, progress });
      }),
    );
    const { user } = renderPanel();
    expect(await screen.findByText(/Key shares entered:/)).toHaveTextContent('Key shares entered: 1 of 2 needed.');
    await user.type(screen.getByLabelText('Unseal key share'), 'a-bad-share');
    await user.click(screen.getByRole('button', { name: 'Submit key share' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The key shares did not unseal the store: it rejected them and reset the progress to 0 of 2. Enter the shares again, checking each one.',
    );
    expect(screen.getByText(/Key shares entered:/)).toHaveTextContent('Key shares entered: 0 of 2 needed.');
    expect(screen.getByLabelText('Unseal key share')).toHaveValue('');
  });

  it('says nothing of the kind when a share is counted', async () => {
    let progress = 0;
    server.use(
      http.get(SEAL_STATUS, () => HttpResponse.json({ sealed: true, threshold: 2, shares: 3, progress })),
      http.put('*/secrets/v1/unseal/default', () => {
        progress = 1;
        return HttpResponse.json({ sealed: true, threshold: 2, shares: 3, progress });
      }),
    );
    const { user } = renderPanel();
    await user.type(await screen.findByLabelText('Unseal key share'), 'a-good-share');
    await user.click(screen.getByRole('button', { name: 'Submit key share' }));
    await waitFor(() => expect(screen.getByText(/Key shares entered:/)).toHaveTextContent('Key shares entered: 1 of 2 needed.'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe("SealPanel against the simulator's handlers, which answer as DC/OS does (issue 20)", () => {
  it('seals the store on a 204 with no body and shows it sealed', async () => {
    const { user } = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Seal the store…' }));
    await user.click(await screen.findByRole('button', { name: 'Seal the store' }));
    expect(await screen.findByRole('heading', { name: 'Secret store sealed' })).toBeInTheDocument();
    expect(screen.getByText(/Key shares entered:/)).toHaveTextContent('Key shares entered: 0 of 1 needed.');
  });

  it('shows a wrong share, answered with 500, as refused by the store, keeps the form and counts nothing', async () => {
    const { user } = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Seal the store…' }));
    await user.click(await screen.findByRole('button', { name: 'Seal the store' }));
    await user.type(await screen.findByLabelText('Unseal key share'), 'not-a-key');
    await user.click(screen.getByRole('button', { name: 'Submit key share' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "The secret store did not accept this key share (HTTP 500): check it and enter it again. The store said: Unsealing failed: the key is not one of the secret store's unseal keys.",
    );
    expect(screen.getByRole('heading', { name: 'Secret store sealed' })).toBeInTheDocument();
    expect(screen.getByText(/Key shares entered:/)).toHaveTextContent('Key shares entered: 0 of 1 needed.');
  });

  it('says the same without the store words when a cluster answers 500 with an empty body', async () => {
    server.use(
      http.get(SEAL_STATUS, () => HttpResponse.json({ sealed: true, threshold: 1, shares: 1, progress: 0 })),
      http.put('*/secrets/v1/unseal/default', () => new HttpResponse(null, { status: 500 })),
    );
    const { user } = renderPanel();
    await user.type(await screen.findByLabelText('Unseal key share'), 'a-share');
    await user.click(screen.getByRole('button', { name: 'Submit key share' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^The secret store did not accept this key share \(HTTP 500\): check it and enter it again\.$/);
  });
});

describe('SealPanel for an account that may not list the stores (issue 20)', () => {
  it('shows the seal state from seal-status, with no seal button, while GET /secrets/v1/store is refused with 403', async () => {
    await login({ uid: 'alice', password: 'alice-pass' });
    expect((await fetch('/secrets/v1/store', { headers: { 'X-Requested-With': 'dcos-console' } })).status).toBe(403);
    renderPanel();
    expect(await screen.findByRole('heading', { name: 'Secret store unsealed' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Seal the store…' })).not.toBeInTheDocument();
  });
});
