import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { ToastProvider } from '@/ui/toast.tsx';
import { DeleteAccountDialog } from './delete-account-dialog.tsx';

// A DC/OS component account (`dcos_…`) keeps the cluster running: deleting one takes a step that cannot be skipped,
// typing its uid exactly (ASVS V2.3.1). Ordinary accounts only confirm.

const db = () => simulator.context.defaultDb;

function renderDialog(uid: string) {
  return renderRoutes([
    {
      path: '/',
      element: (
        <ToastProvider>
          <DeleteAccountDialog uid={uid} noun="service account" isOpen onClose={() => undefined} listPath="/list" />
        </ToastProvider>
      ),
    },
    { path: '/list', element: <h1>Service accounts</h1> },
  ]);
}

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

describe('Deleting a component account', () => {
  it('[ASVS 2.3.1] cannot skip typing the uid: near misses keep Delete disabled and nothing is sent until it is exact', async () => {
    const { user } = renderDialog('dcos_marathon');
    const dialog = screen.getByRole('dialog', { name: 'Delete service account dcos_marathon?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete service account' });
    const typed = within(dialog).getByLabelText(/to confirm/);
    expect(confirm).toBeDisabled();
    for (const nearMiss of ['dcos_marathon ', 'DCOS_MARATHON', 'dcos_marath', ' dcos_marathon', 'dcos_metronome']) {
      await user.clear(typed);
      await user.type(typed, nearMiss);
      expect(confirm, JSON.stringify(nearMiss)).toBeDisabled();
      // Enter in the field does not confirm either.
      await user.keyboard('{Enter}');
      expect(db().users.has('dcos_marathon')).toBe(true);
    }
    await user.clear(typed);
    await user.type(typed, 'dcos_marathon');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    expect(await screen.findByRole('heading', { name: 'Service accounts' })).toBeInTheDocument();
    expect(db().users.has('dcos_marathon')).toBe(false);
  });

  it('an ordinary account needs no typing, only the confirmation', async () => {
    const { user } = renderDialog('jenkins');
    const dialog = screen.getByRole('dialog', { name: 'Delete service account jenkins?' });
    expect(within(dialog).queryByLabelText(/to confirm/)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Delete service account' }));
    expect(await screen.findByRole('heading', { name: 'Service accounts' })).toBeInTheDocument();
    expect(db().users.has('jenkins')).toBe(false);
  });
});
