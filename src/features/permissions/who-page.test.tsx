import { focusManager, onlineManager, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { login } from '@/api/auth.ts';
import { createQueryClient } from '@/app/query-client.ts';
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
    expect(refresh.closest('p')).toHaveTextContent(
      /^Permissions read from \d\d:\d\d:\d\d to \d\d:\d\d:\d\d\. Refresh$/,
    );
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
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) blobs.push(blob);
      return 'blob:who-can';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { user, router } = renderPage(permissionPaths.who({ rid: APP, action: 'update' }));
    await answerTable();
    await user.selectOptions(screen.getByLabelText('Reason'), 'broader');
    expect(router.state.location.search).toContain('filter=broader');
    expect(screen.getByText('3 of 4 accounts')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const text = await readBlob(blobs[0]);
    const lines = text.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('Account,Kind,Why,Resource,Action,As of,Read until,Security mode,Mode caveat,Filter');
    // Every row carries its context: the question, when the model was read, the mode and the filter applied.
    expect(lines[1]).toMatch(
      new RegExp(
        `,${APP},update,\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z,\\d{4}-[\\d:T.-]+Z,(strict|permissive|disabled),[^,]*,A broader resource$`,
      ),
    );
    expect(names[0]).toMatch(
      /^who-can-update-dcos_service_marathon_marathon_services_dev_app-\d{4}-\d\d-\d\dT\d{6}Z\.csv$/,
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'carol,user',
      'erin.lopez@example.com,user',
      'jenkins,service account',
    ]);
    await user.selectOptions(screen.getByLabelText('Reason'), 'direct');
    expect(screen.getByText('No account has a reason of this kind.')).toBeVisible();
  });

  it('shows the whole load with progress and Cancel, keeps it cancelled on focus, and says what is on screen', async () => {
    server.use(
      http.get('*/acs/api/v1/acls', async () => {
        await delay('infinite');
        return HttpResponse.json({ array: [] });
      }),
    );
    const { user } = renderPage(permissionPaths.who({ rid: APP, action: 'update' }));
    // The question's own read answers first, and says when it was read.
    const answer = await screen.findByRole('region', { name: /^Who can update/ }, { timeout: 10_000 });
    expect(answer).toHaveTextContent(/Read from \d\d:\d\d:\d\d to \d\d:\d\d:\d\d for this question\./);
    expect(await screen.findByRole('progressbar', { name: 'Permission model progress' })).toBeVisible();
    // The status names the phase only; the count is on the bar.
    const status = screen.getByText(/^Step \d of 3:/);
    expect(status).toHaveAttribute('role', 'status');
    expect(status).toHaveTextContent(/^Step 1 of 3: reading the list of ACLs and service accounts…$/);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('button', { name: 'Load the whole model' })).toBeVisible();
    expect(screen.queryByText(/The permissions are not loaded/)).toBeNull();
    expect(screen.getByRole('table', { name: /^Accounts that can update/ })).toBeVisible();

    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => requests.push(request.url));
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
      onlineManager.setOnline(false);
      onlineManager.setOnline(true);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests.filter((url) => url.includes('/acs/api/v1/'))).toEqual([]);
    expect(screen.queryByRole('progressbar')).toBeNull();
    server.events.removeAllListeners();
    focusManager.setFocused(undefined);
    // Only the button starts it again.
    await user.click(screen.getByRole('button', { name: 'Load the whole model' }));
    expect(await screen.findByRole('progressbar', { name: 'Permission model progress' })).toBeVisible();
  });

  it('reads nothing until asked when it opens without a question', async () => {
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => requests.push(request.url));
    renderPage(permissionPaths.who());
    expect(await screen.findByRole('button', { name: 'Load them' })).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests.filter((url) => url.includes('/acs/api/v1/acls'))).toEqual([]);
    server.events.removeAllListeners();
  });

  it('shows its own error, not the access-denied screen, on a 403 for one ACL', async () => {
    server.use(
      http.get('*/acs/api/v1/acls/:rid/permissions', () =>
        HttpResponse.json({ title: 'Forbidden', description: 'No.', code: 'ERR_FORBIDDEN' }, { status: 403 }),
      ),
    );
    const router = createMemoryRouter(
      [{ path: '/permissions/who', element: <WhoPage />, errorElement: <p>Access denied screen</p> }],
      { initialEntries: [permissionPaths.who({ rid: APP, action: 'update' })] },
    );
    render(
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent(/Could not read the permissions of this resource/);
    expect(alert).toHaveTextContent(/needs dcos:adminrouter:acs full/);
    expect(screen.getByRole('heading', { level: 1, name: 'Who can?' })).toBeVisible();
    expect(screen.queryByText('Access denied screen')).toBeNull();
  });

  it('says so at the field or the page when the link names no action, no resource, an unknown action or group', async () => {
    const { router } = renderPage(`/permissions/who?rid=${encodeURIComponent(APP)}&action=FULL`);
    expect(await screen.findByText(/“FULL” is not an action; choose one of/)).toBeVisible();
    expect(screen.getByLabelText('Action')).toHaveAttribute('aria-invalid', 'true');
    await router.navigate(`/permissions/who?rid=${encodeURIComponent(APP)}`);
    expect(await screen.findByText(/names a resource but no action/)).toBeVisible();
    await router.navigate('/permissions/who?action=read');
    expect(await screen.findByText(/names an action but no resource/)).toBeVisible();
    await router.navigate(permissionPaths.who({ group: 'nosuch' }));
    expect(await screen.findByText('No group “nosuch”')).toBeVisible();
    expect(screen.queryByText(/membership gives nothing/)).toBeNull();
    await router.navigate(`${permissionPaths.who({ rid: APP, action: 'update' })}&filter=superuser`);
    expect(await screen.findByText('1 of 4 accounts', {}, { timeout: 10_000 })).toBeVisible();
    expect(screen.getByLabelText('Reason')).toHaveValue('superuser');
  });

  it('adds that Marathon apps in the space can read a secret too', async () => {
    renderPage(permissionPaths.who({ rid: 'dcos:secrets:default:/group/spark/aws-secret-key', action: 'read' }));
    expect(
      await screen.findByText(/Marathon apps in the secret's space can also read it/, {}, { timeout: 10_000 }),
    ).toHaveTextContent('/group/spark');
  });

  it('puts the date in front of a read time that is not today', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    try {
      const { user } = renderPage(permissionPaths.who({ rid: APP, action: 'update' }));
      const status = (await screen.findByRole('button', { name: 'Refresh' }, { timeout: 10_000 })).closest('p');
      expect(status).toHaveTextContent(/^Permissions read from \d\d:\d\d:\d\d to/);
      vi.setSystemTime(Date.now() + 2 * 24 * 60 * 60 * 1000);
      // Any render after midnight shows the day the model was read.
      await user.selectOptions(screen.getByLabelText('Reason'), 'superuser');
      expect(status).toHaveTextContent(/^Permissions read from \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d to/);
    } finally {
      vi.useRealTimers();
    }
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

  it("tells what membership of a group gives from the group's own reads, with a review link per grant and a CSV", async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) blobs.push(blob);
      return 'blob:membership';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => requests.push(new URL(request.url).pathname));
    const { user } = renderPage(permissionPaths.who({ group: 'developers' }));
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
    // Not the whole model: neither the list of ACLs nor a progress bar.
    expect(requests).not.toContain('/acs/api/v1/acls');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText(/for this group\./)).toBeVisible();
    server.events.removeAllListeners();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const lines = (await readBlob(blobs[0])).replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'Resource,Action,Members,Members who hold it only through the group,Group,As of,Read until,Security mode,Mode caveat',
    );
    expect(lines.some((l) => l.startsWith('dcos:service:marathon:marathon:services:/dev,full,'))).toBe(true);
  });

  it('shows a large membership a hundred grants at a time, with Show more', async () => {
    const rids = Array.from(
      { length: 150 },
      (_, i) => `dcos:service:marathon:marathon:services:/big/app-${String(i).padStart(3, '0')}`,
    );
    const action = { name: 'read', url: '' };
    server.use(
      http.get('*/acs/api/v1/groups/big/permissions', () =>
        HttpResponse.json({ array: rids.map((rid) => ({ rid, description: '', aclurl: '', actions: [action] })) }),
      ),
      http.get('*/acs/api/v1/groups/big', () =>
        HttpResponse.json({ gid: 'big', description: 'Big', url: '', provider_type: '' }),
      ),
      http.get('*/acs/api/v1/groups/big/users', () => HttpResponse.json({ array: [] })),
      http.get('*/acs/api/v1/acls/:rid/permissions', ({ params }) =>
        typeof params.rid === 'string' && params.rid.includes('big%2Fapp-')
          ? HttpResponse.json({ users: [], groups: [{ gid: 'big', groupurl: '', actions: [action] }] })
          : undefined,
      ),
    );
    const { user } = renderPage(permissionPaths.who({ group: 'big' }));
    const table = await screen.findByRole(
      'table',
      { name: 'Permissions membership of big gives' },
      { timeout: 10_000 },
    );
    expect(within(table).getAllByRole('row')).toHaveLength(101);
    expect(screen.getByText('150 grants')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(within(table).getAllByRole('row')).toHaveLength(151);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });
});
