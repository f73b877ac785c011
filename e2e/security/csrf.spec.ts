import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { DEMO, expect, signIn, test } from '../fixtures.ts';
import { adminApi } from './helpers.ts';

// A signed-in user visits an attacker's page, which tries to change the cluster through the user's browser. Two
// attacker origins: http://127.0.0.1:<other port> is cross-origin but same-site (SameSite cookies are still sent, so
// only the console header and the JSON media type stand in the way) and http://localhost:<other port> is cross-site.

let server: Server;
let port = 0;

/** The attacker's page: runs `script` with TARGET set to the console's origin, then writes "done" into the page. */
function attackerPage(target: string, script: string): string {
  return `<!DOCTYPE html><html><head><title>Totally harmless</title></head><body><p id="state">working</p>
<iframe name="sink" title="sink"></iframe>
<script>const TARGET = ${JSON.stringify(target)};
(async () => { try { ${script} } catch (e) { } document.getElementById('state').textContent = 'done'; })();</script></body></html>`;
}

const scripts = new Map<string, string>();

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://attacker');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(attackerPage(url.searchParams.get('target') ?? '', scripts.get(url.pathname) ?? ''));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Opens the attacker's page at `host` with `script`, waits until it has tried everything, and comes back. */
async function visitAttacker(
  page: Page,
  host: '127.0.0.1' | 'localhost',
  name: string,
  script: string,
  baseURL: string,
) {
  scripts.set(`/${name}`, script);
  await page.goto(`http://${host}:${String(port)}/${name}?target=${encodeURIComponent(baseURL)}`);
  await expect(page.locator('#state')).toHaveText('done', { timeout: 15_000 });
}

const FETCH_WRITES = `
  const body = JSON.stringify({ password: 'mallory-pass', description: 'planted' });
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
    await fetch(TARGET + '/acs/api/v1/users/mallory', { method: 'PUT', credentials: 'include', mode: 'no-cors', headers: { 'Content-Type': type }, body }).catch(() => {});
  }
  await fetch(TARGET + '/acs/api/v1/users/mallory', { method: 'PUT', credentials: 'include', headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'dcos-console' }, body }).catch(() => {});
  await fetch(TARGET + '/acs/api/v1/groups/superusers/users/bob', { method: 'PUT', credentials: 'include', headers: { 'X-Requested-With': 'dcos-console' } }).catch(() => {});
  await fetch(TARGET + '/acs/api/v1/groups/superusers/users/bob', { method: 'PUT', credentials: 'include', mode: 'no-cors' }).catch(() => {});
  await fetch(TARGET + '/secrets/v1/secret/default/db-password', { method: 'DELETE', credentials: 'include', mode: 'no-cors' }).catch(() => {});`;

const FORM_POSTS = `
  const post = (path, enctype, name, value) => {
    const form = document.createElement('form');
    form.method = 'POST'; form.action = TARGET + path; form.enctype = enctype; form.target = 'sink';
    const input = document.createElement('input'); input.name = name; input.value = value; form.appendChild(input);
    document.body.appendChild(form); form.submit();
  };
  // Each post navigates the sink frame; the next waits until the answer has arrived (or 3 s, should none come).
  const landed = () => new Promise((r) => { document.querySelector('iframe').addEventListener('load', r, { once: true }); setTimeout(r, 3000); });
  let next = landed(); post('/acs/api/v1/users/mallory', 'text/plain', '{"password":"mallory-pass","x":"', '"}'); await next;
  next = landed(); post('/acs/api/v1/auth/login', 'text/plain', '{"uid":"bob","password":"bob-pass","x":"', '"}'); await next;
  next = landed(); post('/acs/api/v1/auth/login', 'application/x-www-form-urlencoded', 'uid', 'bob'); await next;`;

async function expectNothingChanged(page: Page) {
  const api = await adminApi(page);
  expect((await api.get('/acs/api/v1/users/mallory')).status()).toBe(400);
  expect(await (await api.get('/acs/api/v1/users/bob/groups')).json()).toEqual({ array: [] });
  expect((await api.get('/secrets/v1/secret/default/db-password')).status()).toBe(200);
}

test.describe('A page on another origin, visited while signed in', () => {
  for (const host of ['127.0.0.1', 'localhost'] as const) {
    test(`[ASVS 3.5.1] cannot write through fetch with the user's cookies (${host}, ${host === 'localhost' ? 'cross-site' : 'same-site'})`, async ({
      page,
      baseURL,
    }) => {
      await signIn(page);
      await visitAttacker(page, host, 'fetch', FETCH_WRITES, baseURL ?? '');
      await expect(page.locator('#state')).toHaveText('done');
      await expectNothingChanged(page);
    });

    test(`[ASVS 3.5.2] cannot write or sign the user in as someone else with a form post (${host})`, async ({
      page,
      baseURL,
    }) => {
      await signIn(page);
      await visitAttacker(page, host, 'forms', FORM_POSTS, baseURL ?? '');
      await page.goto('/');
      await expect(page.getByRole('button', { name: `Account: Bootstrap superuser` })).toBeVisible();
      await expectNothingChanged(page);
    });
  }

  test('[ASVS 3.5.1] cannot read the API either: no CORS for other origins', async ({ page, baseURL }) => {
    await signIn(page, DEMO.uid, DEMO.password);
    await visitAttacker(
      page,
      '127.0.0.1',
      'read',
      `const r = await fetch(TARGET + '/acs/api/v1/users', { credentials: 'include' }).then((x) => x.text()).catch(() => 'blocked');
       document.title = r.includes('bootstrapuser') ? 'LEAKED' : 'safe';`,
      baseURL ?? '',
    );
    await expect(page).toHaveTitle('safe');
  });

  test('[ASVS 3.5.2] a preflight from another origin is not approved, so no cross-origin write can start', async ({
    request,
    baseURL,
  }) => {
    for (const origin of ['http://localhost:4000', 'http://evil.example']) {
      const preflight = await request.fetch(`${baseURL ?? ''}/acs/api/v1/users/mallory`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'content-type,x-requested-with',
        },
      });
      expect(preflight.headers()['access-control-allow-origin'], origin).toBeUndefined();
      expect(preflight.headers()['access-control-allow-methods'], origin).toBeUndefined();
    }
  });
});
