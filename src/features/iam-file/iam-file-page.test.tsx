import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { server, simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { exportIam } from './export.ts';
import { serializeIamFile, type IamFile } from './format.ts';
import { IamFilePage } from './iam-file-page.tsx';

const db = () => simulator.context.defaultDb;

function renderPage(search = '') {
  return renderRoutes([{ path: '/settings/iam-file', element: <IamFilePage /> }], `/settings/iam-file${search}`);
}

/** The live cluster as a file, changed by `change`: what a colleague would hand over. */
async function colleagueFile(change: (file: IamFile) => void): Promise<File> {
  const file = structuredClone(await exportIam({ signal: new AbortController().signal }));
  change(file);
  return new File([serializeIamFile(file)], 'colleague.json', { type: 'application/json' });
}

function addAuditors(file: IamFile) {
  file.users = file.users.filter((u) => u.uid !== 'bob');
  file.groups.push({ gid: 'auditors', description: 'Read-only auditors', members: ['alice'] });
  file.acls.push({
    rid: 'dcos:adminrouter:acs',
    description: 'IAM API',
    grants: [{ group: 'auditors', actions: ['read'] }],
  });
}

async function compare(file: File) {
  const view = renderPage();
  await view.user.upload(screen.getByLabelText('IAM file'), file);
  await screen.findByText(/differs from the cluster in \d+ ways/, {}, { timeout: 10_000 });
  return view;
}

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

describe('The IAM file page', { timeout: 30_000 }, () => {
  it('shows a colleague’s file as a diff grouped by kind, and changes nothing until Apply', async () => {
    const { user } = await compare(await colleagueFile(addAuditors));
    expect(screen.getByText(/5 ways: 4 added, 1 removed, 0 changed\. Nothing has been changed yet\./)).toBeVisible();
    expect(within(screen.getByRole('list', { name: 'Users' })).getByLabelText(/Delete user bob/)).toBeChecked();
    expect(screen.getByRole('list', { name: 'Groups' })).toHaveTextContent('Add group auditors');
    expect(screen.getByRole('list', { name: 'Group memberships' })).toHaveTextContent('Add alice to group auditors');
    expect(screen.getByRole('list', { name: 'Grants' })).toHaveTextContent(
      'Grant read on dcos:adminrouter:acs to group auditors',
    );
    expect(db().users.has('bob')).toBe(true);
    expect(db().groups.has('auditors')).toBe(false);

    await user.click(screen.getByLabelText(/Delete user bob/));
    await user.click(screen.getByRole('button', { name: 'Apply 4 changes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Apply 4 changes to the cluster?' });
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('Finished: 4 applied, 0 failed.')).toBeVisible();
    // The diff now describes the cluster as it was: nothing more is applied from it before comparing again.
    expect(screen.getByRole('button', { name: 'Apply 4 changes' })).toBeDisabled();
    expect(screen.getByText('Applied: compare again to see where the cluster stands now.')).toBeVisible();
    expect(db().groups.get('auditors')?.description).toBe('Read-only auditors');
    expect(db().memberships.get('auditors')).toEqual(new Set(['alice']));
    expect(db().acls.get('dcos:adminrouter:acs')?.groups.get('auditors')).toEqual(new Set(['read']));
    expect(db().users.has('bob')).toBe(true);
  });

  it('keeps the kind filter and “only sensitive” in the URL', async () => {
    const file = await colleagueFile((f) => {
      addAuditors(f);
      f.acls = f.acls.map((a) =>
        a.rid === 'dcos:superuser' ? { ...a, grants: [...a.grants, { user: 'alice', actions: ['full'] }] } : a,
      );
    });
    const { user, router } = await compare(file);
    await user.selectOptions(screen.getByLabelText('Show'), 'grant');
    await waitFor(() => expect(router.state.location.search).toBe('?kind=grant'));
    expect(screen.queryByRole('list', { name: 'Users' })).toBeNull();
    await user.click(screen.getByLabelText('Only sensitive changes'));
    await waitFor(() => expect(router.state.location.search).toBe('?kind=grant&flagged=1'));
    const grants = screen.getByRole('list', { name: 'Grants' });
    expect(within(grants).getAllByRole('listitem')).toHaveLength(1);
    expect(grants).toHaveTextContent('Grant full on dcos:superuser to user alice');
    expect(grants).toHaveTextContent('Sensitive: dcos:superuser grants unrestricted access');
  });

  it('[ASVS 2.3.1] asks for a dcos_ account’s uid typed out before changing it', async () => {
    const file = await colleagueFile((f) => {
      f.acls = f.acls.map((a) => ({
        ...a,
        grants: a.grants.filter((g) => !('user' in g && g.user === 'dcos_metronome')),
      }));
    });
    const { user } = await compare(file);
    await user.click(screen.getByRole('button', { name: 'Apply 2 changes' }));
    const dialog = await screen.findByRole('dialog');
    const apply = within(dialog).getByRole('button', { name: 'Apply' });
    expect(apply).toBeDisabled();
    await user.type(within(dialog).getByLabelText(/Type dcos_metronome to confirm/), 'dcos_metronom');
    expect(apply).toBeDisabled();
    expect(db().acls.get('dcos:mesos:master:task:user:nobody')?.users.has('dcos_metronome')).toBe(true);
    await user.type(within(dialog).getByLabelText(/Type dcos_metronome to confirm/), 'e');
    await user.click(apply);
    expect(await screen.findByText('Finished: 2 applied, 0 failed.')).toBeVisible();
    expect(db().acls.get('dcos:mesos:master:task:user:nobody')?.users.has('dcos_metronome')).toBe(false);
  });

  it('never removes the last superuser: Apply waits until the change is unticked', async () => {
    const file = await colleagueFile((f) => {
      f.groups = f.groups.map((g) => (g.gid === 'superusers' ? { ...g, members: [] } : g));
      f.users = f.users.filter((u) => u.uid !== 'bob');
    });
    const { user } = await compare(file);
    expect(screen.getByRole('alert')).toHaveTextContent(/would leave no account with dcos:superuser/);
    expect(screen.getByRole('button', { name: 'Apply 2 changes' })).toBeDisabled();
    const removal = screen.getByLabelText(/Remove bootstrapuser from group superusers/);
    expect(removal).toHaveAccessibleDescription(/Takes superuser access away/);
    await user.click(removal);
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Apply 1 change' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('Finished: 1 applied, 0 failed.')).toBeVisible();
    expect(db().memberships.get('superusers')).toEqual(new Set(['bootstrapuser']));
    expect(db().users.has('bob')).toBe(false);
  });

  it('reports each change, says the cluster is partly changed, and retries only the failed ones', async () => {
    let refusals = 1;
    server.use(
      http.put('*/acs/api/v1/groups/auditors', () =>
        refusals-- > 0
          ? HttpResponse.json(
              { title: 'Unavailable', description: 'The IAM is restarting.', code: 'ERR_X' },
              { status: 503 },
            )
          : undefined,
      ),
    );
    const { user } = await compare(await colleagueFile(addAuditors));
    await user.click(screen.getByLabelText(/Delete user bob/));
    await user.click(screen.getByRole('button', { name: 'Apply 4 changes' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('Finished: 1 applied, 3 failed.')).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('The cluster is partly changed');
    const results = screen.getByRole('list', { name: 'Results' });
    expect(results).toHaveTextContent('Add group auditors Failed: The IAM is restarting.');
    expect(results).toHaveTextContent('Add alice to group auditors Failed');
    expect(results).toHaveTextContent('Add ACL dcos:adminrouter:acs Done');
    expect(results).toHaveTextContent('Grant read on dcos:adminrouter:acs to group auditors Failed');
    expect(db().acls.has('dcos:adminrouter:acs')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Retry failed (3)' }));
    expect(await screen.findByText('Finished: 4 applied, 0 failed.')).toBeVisible();
    expect(screen.queryByText('The cluster is partly changed')).toBeNull();
    expect(db().memberships.get('auditors')).toEqual(new Set(['alice']));
  });

  it('cancels what has not started, and says the cluster is partly changed', async () => {
    const gate: { open?: () => void } = {};
    const held = new Promise<void>((resolve) => {
      gate.open = resolve;
    });
    server.use(
      http.put('*/acs/api/v1/groups/auditors', async () => {
        await held;
        return undefined;
      }),
    );
    const { user } = await compare(await colleagueFile(addAuditors));
    await user.click(screen.getByLabelText(/Delete user bob/));
    await user.click(screen.getByRole('button', { name: 'Apply 4 changes' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Apply' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel the rest' }));
    gate.open?.();
    expect(await screen.findByText('Finished: 1 applied, 0 failed, 3 cancelled.')).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The cluster is partly changed1 of 4 changes were applied; the others were not.',
    );
    expect(db().groups.has('auditors')).toBe(true);
    expect(db().acls.has('dcos:adminrouter:acs')).toBe(false);
  });

  it('asks for a new local user’s password, and lists the change as skipped without one', async () => {
    const file = await colleagueFile((f) => {
      f.users.push({ uid: 'frank', description: 'Frank', provider: 'internal' });
      f.users.push({ uid: 'gina', description: 'Gina', provider: 'internal' });
    });
    const { user } = await compare(file);
    await user.type(screen.getByLabelText('Password for user frank'), 'frank-pass');
    await user.click(screen.getByRole('button', { name: 'Apply 2 changes' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('Finished: 1 applied, 0 failed, 1 skipped.')).toBeVisible();
    expect(screen.getByRole('list', { name: 'Results' })).toHaveTextContent(
      'Add user gina Skipped: Needs a password, which the file cannot carry.',
    );
    expect(db().users.get('frank')?.passwordHash).toMatch(/^\$6\$/);
    expect(db().users.has('gina')).toBe(false);
  });

  it('says which permission an account without IAM access lacks, and offers nothing it would be refused', async () => {
    await login({ uid: 'alice', password: 'alice-pass' });
    renderPage();
    expect(await screen.findByText(/needs the permission/)).toHaveTextContent(
      'Exporting, comparing and applying the IAM needs the permission dcos:adminrouter:acs full',
    );
    expect(screen.getByRole('button', { name: 'Export the IAM' })).toBeDisabled();
    expect(screen.getByLabelText('IAM file')).toBeDisabled();
  });

  it('[ASVS 14.2.6] compares secrets by path without asking the store for any value, whatever kinds the file names', async () => {
    const valueReads: string[] = [];
    server.use(
      http.get('*/secrets/v1/secret/default/*', ({ request }) => {
        if (!new URL(request.url).searchParams.has('list')) valueReads.push(request.url);
        return undefined;
      }),
    );
    const file = await colleagueFile((f) => {
      addAuditors(f);
      f.secrets = (f.secrets ?? []).map((secret) => ({ ...secret, kind: 'text' }));
    });
    await compare(file);
    expect(screen.queryByRole('list', { name: 'Secrets (paths only)' })).toBeNull();
    expect(valueReads).toEqual([]);
  });

  it('names what is wrong in a file that is not an IAM file', async () => {
    const { user } = renderPage();
    const bad = new File([JSON.stringify({ format: 'dcos-iam-file', version: 1, users: [{ uid: 'x' }] })], 'bad.json');
    await user.upload(screen.getByLabelText('IAM file'), bad);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This is not an IAM file the console can read');
    expect(alert).toHaveTextContent('users[0].description: expected string.');
    expect(screen.getByLabelText('IAM file')).toHaveAttribute('aria-invalid', 'true');
  });
});
