import { screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { login } from '@/api/auth.ts';
import { server } from '@/mocks/node.ts';
import { permissionPaths } from '@/lib/paths.ts';
import { renderRoutes } from '@/test/render.tsx';
import { WhoPage } from './who-page.tsx';

const APP = 'dcos:service:marathon:marathon:services:/dev/app';

function renderPage(url: string) {
  return renderRoutes([{ path: '/permissions/who', element: <WhoPage /> }], url);
}

function readBlob(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) {
      reject(new Error('no file was saved'));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error('unreadable'));
    reader.readAsText(blob);
  });
}

const answerTable = () => screen.findByRole('table', { name: /^Accounts that can/ }, { timeout: 10_000 });

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('The access review page', { timeout: 30_000 }, () => {
  it('answers the question in the URL with every account and every reason, then keeps the whole model', async () => {
    const { router } = renderPage(permissionPaths.who({ rid: APP, action: 'update' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Who can?' })).toBeVisible();
    const table = await answerTable();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual([
      'bootstrapuser',
      'carol',
      'erin.lopez@example.com',
      'jenkins',
    ]);
    const jenkins = rows[3];
    if (!jenkins) throw new Error('jenkins row');
    expect(within(jenkins).getByText('Service account')).toBeVisible();
    expect(jenkins).toHaveTextContent(
      'Holds “full” on dcos:service:marathon:marathon:services:/dev through group developers.',
    );
    expect(within(jenkins).getByRole('link', { name: 'jenkins' })).toHaveAttribute(
      'href',
      '/organization/service-accounts/jenkins/permissions',
    );
    expect(within(jenkins).getByRole('link', { name: 'Open group developers' })).toBeVisible();
    expect(rows[0]).toHaveTextContent('Superuser: holds “full” on dcos:superuser through group superusers');
    expect(screen.getByText('4 accounts')).toBeVisible();

    // The whole model follows the first answer; a later question is answered from it without a request.
    const refresh = await screen.findByRole('button', { name: 'Refresh' }, { timeout: 10_000 });
    expect(refresh.closest('p')).toHaveTextContent(/^Permissions as of \d\d:\d\d:\d\d\. Refresh$/);
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => requests.push(request.url));
    await router.navigate(permissionPaths.who({ rid: 'dcos:adminrouter:ops:metadata', action: 'read' }));
    const next = await screen.findByRole('table', { name: /ops:metadata$/ });
    expect(within(next).getByRole('link', { name: 'alice' })).toBeVisible();
    expect(requests.filter((url) => url.includes('/acs/api/v1/acls'))).toEqual([]);
    server.events.removeAllListeners();
  });

  it('filters by the kind of reason and exports what is shown as CSV', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) blobs.push(blob);
      return 'blob:who-can';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = renderPage(permissionPaths.who({ rid: APP, action: 'update' }));
    await answerTable();
    await user.selectOptions(screen.getByLabelText('Reason'), 'broader');
    expect(screen.getByText('3 of 4 accounts')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const text = await readBlob(blobs[0]);
    const lines = text.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('Account,Kind,Why');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'carol,user',
      'erin.lopez@example.com,user',
      'jenkins,service account',
    ]);
    await user.selectOptions(screen.getByLabelText('Reason'), 'direct');
    expect(screen.getByText('No account has a reason of this kind.')).toBeVisible();
  });

  it('shows the whole load with progress and Cancel, and nothing as complete after a cancel', async () => {
    server.use(
      http.get('*/acs/api/v1/acls', async () => {
        await delay('infinite');
        return HttpResponse.json({ array: [] });
      }),
    );
    const { user } = renderPage(permissionPaths.who({ group: 'developers' }));
    expect(await screen.findByRole('progressbar', { name: 'Permission model progress' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(/The permissions are not loaded\./)).toBeVisible();
    expect(screen.queryByRole('heading', { name: /What membership/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Load them' })).toBeVisible();
  });

  it('says a read failed, shows no answer, and answers after Retry', async () => {
    let failing = true;
    server.use(
      http.get('*/acs/api/v1/acls/:rid/permissions', () =>
        failing
          ? HttpResponse.json({ title: 'Unavailable', description: 'The IAM is down.', code: '' }, { status: 503 })
          : undefined,
      ),
    );
    const { user } = renderPage(permissionPaths.who({ rid: APP, action: 'update' }));
    const alerts = await screen.findAllByRole('alert', {}, { timeout: 10_000 });
    expect(alerts[0]).toHaveTextContent(/Could not read/);
    expect(screen.queryByRole('table')).toBeNull();
    failing = false;
    await user.click(within(alerts[0] ?? document.body).getByRole('button', { name: 'Retry' }));
    expect(await answerTable()).toBeVisible();
  });

  it('keeps the model it had when a Refresh fails, and says how old the answers are', async () => {
    const { user } = renderPage(permissionPaths.who({ rid: APP, action: 'update' }));
    const refresh = await screen.findByRole('button', { name: 'Refresh' }, { timeout: 10_000 });
    server.use(
      http.get('*/acs/api/v1/acls', () =>
        HttpResponse.json({ title: 'Unavailable', description: 'The IAM is down.', code: '' }, { status: 503 }),
      ),
    );
    await user.click(refresh);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Could not refresh the permissions.*The answers below are as of \d\d:\d\d:\d\d\./);
    expect(screen.getByRole('table', { name: /^Accounts that can update/ })).toBeVisible();
  });

  it('tells what membership of a group gives, with a review link per grant', async () => {
    renderPage(permissionPaths.who({ group: 'developers' }));
    const table = await screen.findByRole(
      'table',
      { name: 'Permissions membership of developers gives' },
      { timeout: 10_000 },
    );
    const row = within(table).getByRole('row', { name: /services:\/dev full/ });
    expect(row).toHaveTextContent(/of \d+/);
    expect(within(row).getByRole('link', { name: /Who can full/ })).toHaveAttribute(
      'href',
      permissionPaths.who({ rid: 'dcos:service:marathon:marathon:services:/dev', action: 'full' }),
    );
  });
});
