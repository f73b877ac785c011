import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { secretQueries } from '@/api/secrets.ts';
import { server, simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { ToastProvider } from '@/ui/toast.tsx';
import { SealChip } from './seal-chip.tsx';
import { SealedStoreNotice, useStoreSealed } from './sealed-store.tsx';

const SEAL_STATUS = '*/secrets/v1/seal-status/default';

/** The seal controls as the Secrets page places them: the chip in the header, the notice in the body while sealed. */
function SealControls() {
  const { sealed } = useStoreSealed();
  return (
    <ToastProvider>
      <header>
        <SealChip />
      </header>
      {sealed && <SealedStoreNotice what="browse secrets" />}
    </ToastProvider>
  );
}
const renderControls = () => renderRoutes([{ path: '/', element: <SealControls /> }]);
const chip = (state: string) => screen.findByRole('button', { name: `Secret store: ${state}` });

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

describe('The seal chip against a real cluster', () => {
  it('shows nothing when the account may not read the seal status (403)', async () => {
    server.use(http.get(SEAL_STATUS, () => HttpResponse.json({ message: 'Forbidden' }, { status: 403 })));
    const { queryClient, container } = renderControls();
    await waitFor(() => expect(queryClient.getQueryState(secretQueries.sealStatus().queryKey)?.status).toBe('error'));
    expect(container.querySelector('header')).toBeEmptyDOMElement();
  });

  it('still reports any other failure to read it, in the store’s words, with Try again', async () => {
    server.use(
      http.get(SEAL_STATUS, () => HttpResponse.json({ message: 'The store failed (test).' }, { status: 500 })),
    );
    const { user } = renderControls();
    await user.click(await chip('Seal status unknown'));
    const menu = await screen.findByRole('menu');
    expect(menu).toHaveTextContent('Could not read the seal status: The store failed (test).');
    expect(within(menu).getByRole('menuitem', { name: 'Try again' })).toBeInTheDocument();
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
    const { user } = renderControls();
    expect(await screen.findByText(/Key shares entered:/)).toHaveTextContent('Key shares entered: 1 of 2 needed.');
    await user.type(screen.getByLabelText('Unseal key share'), 'a-bad-share');
    await user.click(screen.getByRole('button', { name: 'Submit key share' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The key shares did not unseal the store: it rejected them and reset the progress to 0 of 2. Enter the shares again, checking each one.',
    );
    expect(screen.getByText(/Key shares entered:/)).toHaveTextContent('Key shares entered: 0 of 2 needed.');
    expect(screen.getByLabelText('Unseal key share')).toHaveValue('');
    expect(screen.getByLabelText('Unseal key share')).toHaveAccessibleDescription(/reset the progress to 0 of 2/);
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
    const { user } = renderControls();
    await user.type(await screen.findByLabelText('Unseal key share'), 'a-good-share');
    await user.click(screen.getByRole('button', { name: 'Submit key share' }));
    await waitFor(() =>
      expect(screen.getByText(/Key shares entered:/)).toHaveTextContent('Key shares entered: 1 of 2 needed.'),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe("The seal chip against the simulator's handlers, which answer as DC/OS does (issue 20)", () => {
  it('takes a single line: a chip saying Unsealed, its actions in a menu, no unseal form', async () => {
    const { user } = renderControls();
    await user.click(await chip('Unsealed'));
    const menu = await screen.findByRole('menu');
    expect(menu).toHaveTextContent('Unsealed: secrets can be read and written. Unsealing needs 1 key share of 1.');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Seal the store…', 'Check the state again']);
    expect(screen.queryByLabelText('Unseal key share')).not.toBeInTheDocument();
  });

  it('seals the store after a confirmation, on a 204 with no body, and shows it sealed with the unseal form', async () => {
    const { user } = renderControls();
    await user.click(await chip('Unsealed'));
    await user.click(await screen.findByRole('menuitem', { name: 'Seal the store…' }));
    const confirm = await screen.findByRole('dialog', { name: 'Seal the secret store?' });
    expect(confirm).toHaveTextContent('Unsealing needs 1 key share.');
    await user.click(within(confirm).getByRole('button', { name: 'Seal the store' }));
    expect(await chip('Sealed')).toBeInTheDocument();
    expect(await screen.findByText('Sealed the secret store.')).toBeInTheDocument();
    expect(screen.getByText('The secret store is sealed: unseal it to browse secrets.')).toBeInTheDocument();
    expect(screen.getByText(/Key shares entered:/)).toHaveTextContent('Key shares entered: 0 of 1 needed.');
  });

  it('shows a wrong share, answered with 500, as refused by the store, keeps the form and counts nothing', async () => {
    simulator.context.defaultDb.seal.sealed = true;
    const { user } = renderControls();
    await user.type(await screen.findByLabelText('Unseal key share'), 'not-a-key');
    await user.click(screen.getByRole('button', { name: 'Submit key share' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "The secret store did not accept this key share (HTTP 500): check it and enter it again. The store said: Unsealing failed: the key is not one of the secret store's unseal keys.",
    );
    expect(await chip('Sealed')).toBeInTheDocument();
    expect(screen.getByText(/Key shares entered:/)).toHaveTextContent('Key shares entered: 0 of 1 needed.');
  });

  it('unseals from the chip’s menu too: Unseal… opens a dialog that closes once the store is unsealed', async () => {
    const db = simulator.context.defaultDb;
    db.seal.sealed = true;
    const { user } = renderControls();
    await user.click(await chip('Sealed'));
    await user.click(await screen.findByRole('menuitem', { name: 'Unseal…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unseal the secret store' });
    await user.type(within(dialog).getByLabelText('Unseal key share'), db.seal.keys[0] ?? '');
    await user.click(within(dialog).getByRole('button', { name: 'Submit key share' }));
    expect(await chip('Unsealed')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('Unsealed the secret store.')).toBeInTheDocument();
    expect(screen.queryByText(/The secret store is sealed/)).not.toBeInTheDocument();
    expect(db.seal.sealed).toBe(false);
  });

  it('says the same without the store words when a cluster answers 500 with an empty body', async () => {
    server.use(
      http.get(SEAL_STATUS, () => HttpResponse.json({ sealed: true, threshold: 1, shares: 1, progress: 0 })),
      http.put('*/secrets/v1/unseal/default', () => new HttpResponse(null, { status: 500 })),
    );
    const { user } = renderControls();
    await user.type(await screen.findByLabelText('Unseal key share'), 'a-share');
    await user.click(screen.getByRole('button', { name: 'Submit key share' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^The secret store did not accept this key share \(HTTP 500\): check it and enter it again\.$/,
    );
  });
});

describe('The seal chip for an account that is not a superuser (issue 20)', () => {
  it('shows the state from seal-status with no seal action, while GET /secrets/v1/store is refused with 403', async () => {
    await login({ uid: 'alice', password: 'alice-pass' });
    expect((await fetch('/secrets/v1/store', { headers: { 'X-Requested-With': 'dcos-console' } })).status).toBe(403);
    const { user } = renderControls();
    await user.click(await chip('Unsealed'));
    const menu = await screen.findByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Check the state again']);
    expect(menu).toHaveTextContent('Only a superuser can seal or unseal the store.');
  });

  it('while sealed, says who may unseal it and offers no unseal form', async () => {
    simulator.context.defaultDb.seal.sealed = true;
    await login({ uid: 'alice', password: 'alice-pass' });
    const { user } = renderControls();
    expect(await screen.findByText('A superuser must unseal it.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Unseal key share')).not.toBeInTheDocument();
    await user.click(await chip('Sealed'));
    expect(screen.queryByRole('menuitem', { name: 'Unseal…' })).not.toBeInTheDocument();
  });
});
