import { generateKeyPairSync } from 'node:crypto';
import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { login } from '@/api/auth.ts';
import { simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { ToastProvider } from '@/ui/toast.tsx';
import { CreateServiceAccountDialog } from './create-service-account-dialog.tsx';

const db = () => simulator.context.defaultDb;

function Page() {
  const [open, setOpen] = useState(true);
  return <CreateServiceAccountDialog isOpen={open} onClose={() => setOpen(false)} />;
}

function renderDialog() {
  const view = renderRoutes([
    {
      path: '/',
      element: (
        <ToastProvider>
          <Page />
        </ToastProvider>
      ),
    },
    { path: '/organization/service-accounts/:uid', element: <h1>Service account page</h1> },
  ]);
  return { ...view, dialog: screen.getByRole('dialog', { name: 'Create service account' }) };
}

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Creating a service account without Web Crypto', { timeout: 30_000 }, () => {
  it('offers no Generate on a page without crypto.subtle (plain HTTP) and says why', async () => {
    // What a browser gives a page served over plain HTTP from a host other than localhost.
    const { publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    vi.stubGlobal('crypto', undefined);
    const { user, dialog } = renderDialog();
    const generate = within(dialog).getByLabelText('Generate in this browser (RSA 2048)');
    expect(generate).toBeDisabled();
    expect(within(dialog).getByRole('group', { name: 'Key pair' })).toHaveAccessibleDescription(/only on HTTPS pages/);
    expect(within(dialog).getByLabelText('Paste a public key')).toBeChecked();

    // A pasted key cannot be checked either: the reason is at the field, and nothing is sent.
    await user.type(within(dialog).getByLabelText('Service account ID'), 'ci-runner');
    await user.click(within(dialog).getByLabelText('Public key (PEM)'));
    await user.paste(publicKey);
    await user.click(within(dialog).getByRole('button', { name: 'Create service account' }));
    const field = within(dialog).getByLabelText('Public key (PEM)');
    await vi.waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/HTTPS/);
    expect(db().users.has('ci-runner')).toBe(false);
  });

  it('says at the key choice when generating fails, keeps the form and creates nothing', async () => {
    vi.spyOn(globalThis.crypto.subtle, 'generateKey').mockRejectedValue(
      new DOMException('The operation failed for an operation-specific reason', 'OperationError'),
    );
    const { user, dialog } = renderDialog();
    await user.type(within(dialog).getByLabelText('Service account ID'), 'ci-runner');
    await user.type(within(dialog).getByLabelText('Description'), 'CI runner');
    await user.click(within(dialog).getByRole('button', { name: 'Create service account' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Could not make the key: The operation failed for an operation-specific reason',
    );
    expect(within(dialog).getByRole('group', { name: 'Key pair' })).toHaveAccessibleDescription(
      /Could not make the key/,
    );
    expect(within(dialog).getByLabelText('Service account ID')).toHaveValue('ci-runner');
    expect(within(dialog).getByLabelText('Description')).toHaveValue('CI runner');
    expect(within(dialog).getByRole('button', { name: 'Create service account' })).toBeEnabled();
    expect(db().users.has('ci-runner')).toBe(false);
  });
});
