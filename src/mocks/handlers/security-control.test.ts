// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { readSimControl } from '../config.ts';
import { createSimulator, type Simulator } from '../simulator.ts';
import { ORIGIN, apiRequest, controlRequest, loginAs } from '../test-support.ts';

// The simulator's test-only control API (test databases, faults, settings) as a page on another site meets it
// (issue 19, finding 1): off in the demo; when a test turns it on, only same-origin JSON requests that carry a test
// database's cookie reach it, the demo's own database is never faulted, and no fault can be run as a page or a script.
// The browser side, with a real attacker page on another origin, is e2e/security/control-surface.spec.ts.

let demo: Simulator;
let tests: Simulator;
beforeAll(async () => {
  demo = await createSimulator({ securityMode: 'strict', tokenTtlSeconds: 3600 });
  tests = await createSimulator({ securityMode: 'strict', tokenTtlSeconds: 3600 }, { control: true });
});

const FAULT = JSON.stringify({
  path: '/acs/api/v1/x.js',
  status: 200,
  body: 'alert(document.cookie)',
  contentType: 'text/html',
});

/** What a cross-site `<form enctype="text/plain">` or a no-cors fetch sends: a CORS-safelisted type, a foreign Origin. */
function crossSite(
  path: string,
  {
    method = 'POST',
    type = 'text/plain',
    origin = 'https://evil.example',
    cookie,
  }: { method?: string; type?: string; origin?: string | null; cookie?: string } = {},
): Request {
  const headers = new Headers({
    'Content-Type': type,
    'Sec-Fetch-Site': origin === null || origin === ORIGIN ? 'same-origin' : 'cross-site',
  });
  if (origin !== null) headers.set('Origin', origin);
  if (cookie !== undefined) headers.set('Cookie', cookie);
  return new Request(`${ORIGIN}${path}`, { method, headers, ...(method === 'DELETE' ? {} : { body: FAULT }) });
}

async function newTestDb(): Promise<string> {
  const response = await tests.handle(controlRequest('/__sim/dbs', { body: '{}' }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe('the demo exposes no control surface', () => {
  it('[ASVS 13.4.2] without SIM_CONTROL, /__sim/dbs, /__sim/faults and PATCH /__sim/dbs/{id} do not exist, even sent as a test would send them', async () => {
    for (const [method, path] of [
      ['POST', '/__sim/dbs'],
      ['POST', '/__sim/faults'],
      ['DELETE', '/__sim/faults'],
      ['PATCH', '/__sim/dbs/x'],
      ['DELETE', '/__sim/dbs/x'],
    ] as const) {
      const response = await demo.handle(
        controlRequest(path, { method, dbId: 'x', ...(method === 'DELETE' ? {} : { body: '{"tokenTtlSeconds":1}' }) }),
      );
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const health = await demo.handle(new Request(`${ORIGIN}/__sim/health`));
    expect(await health.json()).toEqual({ ok: true, control: false });
  });

  it('[ASVS 13.4.2] SIM_CONTROL is off unless set to 1 or true, and a typo is refused rather than read as off', () => {
    expect(readSimControl({})).toBe(false);
    expect(readSimControl({ SIM_CONTROL: '' })).toBe(false);
    expect(readSimControl({ SIM_CONTROL: '0' })).toBe(false);
    expect(readSimControl({ SIM_CONTROL: '1' })).toBe(true);
    expect(readSimControl({ SIM_CONTROL: 'true' })).toBe(true);
    expect(() => readSimControl({ SIM_CONTROL: 'yes' })).toThrow(/SIM_CONTROL/);
  });
});

describe('with the control API on, a page on another site still cannot use it', () => {
  it('[ASVS 3.5.1] refuses a cross-site form post to /__sim/faults and /__sim/dbs, and the demo database stays unfaulted', async () => {
    for (const path of ['/__sim/faults', '/__sim/dbs']) {
      const response = await tests.handle(crossSite(path));
      expect(response.status, path).toBe(403);
    }
    // With a token: without one, Admin Router's HTML 401 page answers any IAM path before the IAM (issue 20).
    const token = await loginAs(tests, 'bootstrapuser', 'deleteme');
    const probe = await tests.handle(apiRequest('/acs/api/v1/x.js', { via: 'token', token }));
    expect(probe.status).toBe(404);
    expect(probe.headers.get('content-type')).not.toContain('text/html');
    expect(await probe.text()).not.toContain('alert(');
  });

  it('[ASVS 3.5.2] refuses every CORS-safelisted content type (which skips the preflight), even from its own origin', async () => {
    const dbId = await newTestDb();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain; charset=utf-8',
    ]) {
      const response = await tests.handle(
        crossSite('/__sim/faults', { type, origin: null, cookie: `dcos-sim-db=${dbId}` }),
      );
      expect(response.status, type).toBe(403);
      expect(await response.text()).toContain('Content-Type: application/json');
    }
  });

  it('[ASVS 3.5.1] refuses JSON from a foreign Origin or a cross-site fetch, and takes it from its own origin or none', async () => {
    const dbId = await newTestDb();
    const cookie = `dcos-sim-db=${dbId}`;
    expect((await tests.handle(crossSite('/__sim/faults', { type: 'application/json', cookie }))).status).toBe(403);
    expect(
      (
        await tests.handle(
          crossSite('/__sim/faults', { type: 'application/json', origin: 'http://127.0.0.1:5174', cookie }),
        )
      ).status,
    ).toBe(403);
    const sameSiteOtherPort = new Request(`${ORIGIN}/__sim/dbs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-site' },
      body: '{}',
    });
    expect((await tests.handle(sameSiteOtherPort)).status).toBe(403);
    expect(
      (await tests.handle(crossSite('/__sim/faults', { type: 'application/json', origin: ORIGIN, cookie }))).status,
    ).toBe(201);
    expect((await tests.handle(controlRequest('/__sim/faults', { dbId, body: FAULT }))).status).toBe(201);
  });

  it("[ASVS 3.5.1] never faults the demo's default database: a fault needs a test database's cookie", async () => {
    for (const dbId of [undefined, 'default']) {
      const response = await tests.handle(
        controlRequest('/__sim/faults', { body: FAULT, ...(dbId === undefined ? {} : { dbId }) }),
      );
      expect(response.status, String(dbId)).toBe(403);
    }
    // A database's settings and its deletion need that very database's cookie.
    const dbId = await newTestDb();
    const other = await newTestDb();
    expect(
      (
        await tests.handle(
          controlRequest(`/__sim/dbs/${dbId}`, { method: 'PATCH', body: '{"tokenTtlSeconds":1}', dbId: other }),
        )
      ).status,
    ).toBe(403);
    expect((await tests.handle(controlRequest(`/__sim/dbs/${dbId}`, { method: 'DELETE', dbId: other }))).status).toBe(
      403,
    );
    expect((await tests.handle(controlRequest(`/__sim/dbs/${dbId}`, { method: 'DELETE', dbId }))).status).toBe(204);
  });

  it('[ASVS 3.2.1] a fault is never served as a page or a script: script types are refused, the rest come as attachment, nosniff and sandboxed', async () => {
    const dbId = await newTestDb();
    for (const contentType of [
      'text/javascript',
      'application/javascript; charset=utf-8',
      'application/ecmascript',
      'application/wasm',
    ]) {
      const response = await tests.handle(
        controlRequest('/__sim/faults', {
          dbId,
          body: JSON.stringify({ path: '/acs/api/v1/x.js', status: 200, body: 'alert(1)', contentType }),
        }),
      );
      expect(response.status, contentType).toBe(400);
    }
    expect((await tests.handle(controlRequest('/__sim/faults', { dbId, body: FAULT }))).status).toBe(201);
    const token = await loginAs(tests, 'bootstrapuser', 'deleteme', dbId);
    const planted = await tests.handle(apiRequest('/acs/api/v1/x.js', { token, dbId }));
    expect(planted.status).toBe(200);
    expect(planted.headers.get('content-disposition')).toBe('attachment');
    expect(planted.headers.get('x-content-type-options')).toBe('nosniff');
    expect(planted.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
  });
});
