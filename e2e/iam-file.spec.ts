import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { controlHeaders, DEMO, expect, signIn, test } from './fixtures.ts';

// Issue 24, part 2: the cluster's IAM as a file. Each test has its own simulator database (the fixture's); the ones
// that move a file between two clusters create a second database and point the browser at it, as a second cluster.

const PAGE = '/login?redirect=%2Fsettings%2Fiam-file';
const WRITE = { 'X-Requested-With': 'dcos-console' };

interface Listed<T> {
  array: T[];
}

/** As src/api/acls.ts writes a rid into a URL: `/` double-encoded, colons kept. */
function ridPath(rid: string): string {
  return rid
    .split('/')
    .map((part) => encodeURIComponent(part).replaceAll('%3A', ':'))
    .join('%252F');
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path, { headers: WRITE });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

async function send(page: Page, method: 'PUT' | 'DELETE', path: string, data?: unknown) {
  const response = await page.request.fetch(path, { method, headers: WRITE, ...(data === undefined ? {} : { data }) });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
}

/** A second cluster: a new simulator database, the browser pointed at it and signed in there. */
async function switchToNewCluster(page: Page, request: APIRequestContext, baseURL: string): Promise<string> {
  const created = await request.post('/__sim/dbs', { data: {} });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.context().clearCookies();
  await page
    .context()
    .addCookies([
      { name: 'dcos-sim-db', value: id, url: new URL('/', baseURL).href, httpOnly: true, sameSite: 'Strict' },
    ]);
  await signIn(page, DEMO.uid, DEMO.password, PAGE);
  return id;
}

async function dropCluster(request: APIRequestContext, id: string) {
  await request.delete(`/__sim/dbs/${id}`, { headers: controlHeaders(id) });
}

/** Leaves a cluster as a fresh install: only the bootstrap superuser, `superusers` and its grant. */
async function emptyCluster(page: Page) {
  const users = await getJson<Listed<{ uid: string }>>(page, '/acs/api/v1/users');
  const services = await getJson<Listed<{ uid: string }>>(page, '/acs/api/v1/users?type=service');
  for (const { uid } of [...users.array, ...services.array].filter((u) => u.uid !== DEMO.uid))
    await send(page, 'DELETE', `/acs/api/v1/users/${encodeURIComponent(uid)}`);
  const groups = await getJson<Listed<{ gid: string }>>(page, '/acs/api/v1/groups');
  for (const { gid } of groups.array.filter((g) => g.gid !== 'superusers'))
    await send(page, 'DELETE', `/acs/api/v1/groups/${encodeURIComponent(gid)}`);
  const acls = await getJson<Listed<{ rid: string }>>(page, '/acs/api/v1/acls');
  for (const { rid } of acls.array.filter((a) => a.rid !== 'dcos:superuser'))
    await send(page, 'DELETE', `/acs/api/v1/acls/${ridPath(rid)}`);
  for (const kind of ['oidc', 'saml']) {
    const providers = await getJson<Record<string, string>>(page, `/acs/api/v1/auth/${kind}/providers`);
    for (const id of Object.keys(providers)) await send(page, 'DELETE', `/acs/api/v1/auth/${kind}/providers/${id}`);
  }
  await send(page, 'DELETE', '/acs/api/v1/ldap/config');
  const secrets = await getJson<Listed<string>>(page, '/secrets/v1/secret/default/?list=true');
  for (const path of secrets.array) await send(page, 'DELETE', `/secrets/v1/secret/default/${path}`);
}

async function counts(page: Page) {
  const [users, services, groups, acls] = await Promise.all([
    getJson<Listed<unknown>>(page, '/acs/api/v1/users'),
    getJson<Listed<unknown>>(page, '/acs/api/v1/users?type=service'),
    getJson<Listed<unknown>>(page, '/acs/api/v1/groups'),
    getJson<Listed<unknown>>(page, '/acs/api/v1/acls'),
  ]);
  return {
    users: users.array.length,
    services: services.array.length,
    groups: groups.array.length,
    acls: acls.array.length,
  };
}

/** Export through the page: the downloaded file's text. */
async function exportThroughPage(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the IAM' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^dcos-iam-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByRole('status').filter({ hasText: /^Exported \d+ users/ })).toBeVisible();
  return readFile(await file.path(), 'utf8');
}

async function chooseFile(page: Page, name: string, text: string) {
  await page.getByLabel('IAM file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

function summary(page: Page) {
  return page.getByRole('status').filter({ hasText: /differs from the cluster|matches/ });
}

async function applyTicked(page: Page, count: number, typed?: string) {
  await page.getByRole('button', { name: `Apply ${count} changes` }).click();
  const dialog = page.getByRole('dialog', { name: `Apply ${count} changes to the cluster?` });
  await expect(dialog).toBeVisible();
  await typeUids(dialog, typed);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
}

async function typeUids(dialog: ReturnType<Page['getByRole']>, typed?: string) {
  if (typed === undefined) return;
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await dialog.getByLabel(/to confirm$/).fill(typed);
}

test.describe('IAM file', () => {
  test('back up before an upgrade, and restore onto an empty cluster', async ({ page, request, baseURL }) => {
    await signIn(page, DEMO.uid, DEMO.password, PAGE);
    await expect(page.getByRole('heading', { level: 1, name: 'IAM file' })).toBeVisible();
    await page.getByLabel('Include each secret’s kind (text or file)').check();
    const backup = await exportThroughPage(page);
    expect(backup).not.toMatch(/deleteme|alice-pass|client_secret|lookup-password|PRIVATE KEY/);
    const before = await counts(page);
    const secretPaths = (JSON.parse(backup) as { secrets: unknown[] }).secrets.length;

    const restored = await switchToNewCluster(page, request, baseURL ?? '');
    await emptyCluster(page);
    expect(await counts(page)).toEqual({ users: 1, services: 0, groups: 1, acls: 1 });

    await chooseFile(page, 'backup.json', backup);
    await expect(summary(page)).toContainText('Nothing has been changed yet.');
    await expect(page.getByRole('heading', { name: /^Users \(\d+ added\)$/ })).toBeVisible();
    expect(await counts(page)).toEqual({ users: 1, services: 0, groups: 1, acls: 1 });
    await expectNoAxeViolations(page, 'with a diff');

    // What the file cannot carry is typed in here; a local user left without a password is skipped, and said so.
    await page.getByLabel('Password for user alice').fill('alice-new-pass');
    await page.getByLabel('Client secret for OpenID Connect provider google-idp').fill('typed-client-secret');
    await page.getByLabel('Lookup password for the LDAP configuration').fill('lookup-pass');
    const ticked = Number(
      /Apply (\d+) changes/.exec(
        (await page.getByRole('button', { name: /^Apply \d+ changes$/ }).textContent()) ?? '',
      )?.[1],
    );
    await applyTicked(page, ticked, 'dcos_marathon dcos_metronome');
    const results = page.getByRole('list', { name: 'Results' });
    await expect(page.getByRole('status').filter({ hasText: /^Finished:/ })).toHaveText(
      // Skipped: bob, left without a password, and every secret path (their values are in no file).
      `Finished: ${ticked - 1} applied, 0 failed, ${1 + secretPaths} skipped.`,
      { timeout: 30_000 },
    );
    await expect(results.getByRole('listitem').filter({ hasText: 'Add user bob' })).toContainText(
      'Skipped: Needs a password',
    );
    expect(await counts(page)).toEqual({ ...before, users: before.users - 1 });

    // Compared again: only the secrets differ, whose values no file holds.
    await page.getByRole('button', { name: 'Compare again' }).click();
    await expect(summary(page)).toContainText('Nothing has been changed yet.');
    await expect(page.getByRole('heading', { level: 3 })).toHaveText([
      /^Users \(1 added\)$/,
      /^Secrets \(paths only\)/,
    ]);
    await dropCluster(request, restored);
  });

  test('promote a staging cluster’s groups and grants to production', async ({ page, request, baseURL }) => {
    await signIn(page, DEMO.uid, DEMO.password, PAGE);
    await send(page, 'PUT', '/acs/api/v1/groups/payments', { description: 'Payments team' });
    await send(page, 'PUT', `/acs/api/v1/acls/${ridPath('dcos:service:marathon:marathon:services:/payments')}`, {
      description: 'Payments apps',
    });
    await send(
      page,
      'PUT',
      `/acs/api/v1/acls/${ridPath('dcos:service:marathon:marathon:services:/payments')}/groups/payments/full`,
    );
    await send(page, 'PUT', '/acs/api/v1/users/staging-tester', {
      description: 'Staging only',
      password: 'tester-pass',
    });
    const staging = await exportThroughPage(page);

    const production = await switchToNewCluster(page, request, baseURL ?? '');
    await chooseFile(page, 'staging.json', staging);
    await expect(summary(page)).toContainText('Nothing has been changed yet.');

    // Only groups, ACLs and grants: untick everything, then tick what is promoted, kind by kind (the kind is in the URL).
    await page.getByRole('button', { name: 'Untick all' }).click();
    for (const [kind, step] of [
      ['group', 'Add group payments'],
      ['acl', 'Add ACL dcos:service:marathon:marathon:services:/payments'],
      ['grant', 'Grant full on dcos:service:marathon:marathon:services:/payments to group payments'],
    ] as const) {
      await page.getByLabel('Show').selectOption(kind);
      await expect(page).toHaveURL(new RegExp(`kind=${kind}`));
      await page.getByLabel(step).check();
    }
    await applyTicked(page, 3);
    await expect(page.getByRole('status').filter({ hasText: /^Finished:/ })).toHaveText(
      'Finished: 3 applied, 0 failed.',
    );

    const group = await getJson<{ description: string }>(page, '/acs/api/v1/groups/payments');
    expect(group.description).toBe('Payments team');
    const holders = await getJson<{ groups: { gid: string; actions: { name: string }[] }[] }>(
      page,
      `/acs/api/v1/acls/${ridPath('dcos:service:marathon:marathon:services:/payments')}/permissions`,
    );
    expect(holders.groups.map((g) => [g.gid, g.actions.map((a) => a.name)])).toEqual([['payments', ['full']]]);
    const users = await getJson<Listed<{ uid: string }>>(page, '/acs/api/v1/users');
    expect(users.array.map((u) => u.uid)).not.toContain('staging-tester');
    await dropCluster(request, production);
  });

  test('review a colleague’s file: the diff first, nothing applied until Apply', async ({ page }) => {
    await signIn(page, DEMO.uid, DEMO.password, PAGE);
    const mine = JSON.parse(await exportThroughPage(page)) as {
      users: { uid: string }[];
      groups: { gid: string; description: string; members: string[] }[];
      acls: { rid: string; description: string; grants: unknown[] }[];
    };
    const theirs = {
      ...mine,
      users: mine.users.filter((u) => u.uid !== 'bob'),
      groups: [...mine.groups, { gid: 'auditors', description: 'Auditors', members: ['alice'] }],
      acls: mine.acls.map((a) =>
        a.rid === 'dcos:superuser' ? { ...a, grants: [...a.grants, { user: 'alice', actions: ['full'] }] } : a,
      ),
    };
    await chooseFile(page, 'colleague.json', JSON.stringify(theirs));
    await expect(summary(page)).toHaveText(
      'colleague.json differs from the cluster in 4 ways: 3 added, 1 removed, 0 changed; 1 sensitive. Nothing has been changed yet.',
    );
    await expect(page.getByRole('list', { name: 'Grants' })).toContainText(
      'Sensitive: dcos:superuser grants unrestricted access to the whole cluster.',
    );
    const groups = await getJson<Listed<{ gid: string }>>(page, '/acs/api/v1/groups');
    expect(groups.array.map((g) => g.gid)).not.toContain('auditors');

    // Not this one: by keyboard, focus the superuser grant's box and untick it with Space.
    const superuser = page.getByLabel('Grant full on dcos:superuser to user alice');
    await superuser.focus();
    await page.keyboard.press('Space');
    await expect(superuser).not.toBeChecked();
    await page.getByLabel('Only sensitive changes').check();
    await expect(page).toHaveURL(/flagged=1/);
    await expect(page.getByRole('list', { name: 'Users' })).toHaveCount(0);
    await page.getByLabel('Only sensitive changes').uncheck();

    await page.getByRole('button', { name: 'Apply 3 changes' }).click();
    await expectNoAxeViolations(page, 'with the apply dialog open');
    await page.getByRole('dialog').getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Finished:/ })).toHaveText(
      'Finished: 3 applied, 0 failed.',
    );
    const members = await getJson<Listed<{ user: { uid: string } }>>(page, '/acs/api/v1/groups/auditors/users');
    expect(members.array.map((m) => m.user.uid)).toEqual(['alice']);
    const alice = await getJson<{ direct: { rid: string }[] }>(page, '/acs/api/v1/users/alice/permissions');
    expect(alice.direct.map((p) => p.rid)).not.toContain('dcos:superuser');
    await expectNoAxeViolations(page, 'with results');
  });
});
