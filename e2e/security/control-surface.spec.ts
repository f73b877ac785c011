import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '../fixtures.ts';

// Issue 19, finding 1, replayed as the attacker did it: a page on another site (here http://localhost:<port>, another
// site than the console's http://127.0.0.1) posts a text/plain form and a no-cors fetch to the simulator's control
// API, to plant an HTML page and a script on the console's origin in the default database. The e2e server runs with
// SIM_CONTROL=1 (the demo has no control API at all: src/mocks/handlers/security-control.test.ts), so this is the
// case where the control API is on and must still refuse.

const PLANT = JSON.stringify({
  path: '/acs/api/v1/x.js',
  status: 200,
  contentType: 'text/html',
  body: '<script>alert(document.cookie)</script>',
});
const HUGE_DB = JSON.stringify({ users: 100000, secrets: 100000 });

/** A text/plain form's body is `name=value`: the name carries the JSON up to a string the value closes. */
function formFields(json: string): { name: string; value: string } {
  return { name: `${json.slice(0, -1)},"x":"`, value: '"}' };
}

function attackerPage(target: string): string {
  const field = (json: string, path: string, id: string) => {
    const { name, value } = formFields(json);
    const attr = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
    return `<form id="${id}" method="POST" enctype="text/plain" action="${target}${path}"><input type="hidden" name="${attr(name)}" value="${attr(value)}"><button>${id}</button></form>`;
  };
  return `<!DOCTYPE html><html><head><title>Cute cats</title></head><body>${field(PLANT, '/__sim/faults', 'plant')}${field(HUGE_DB, '/__sim/dbs', 'exhaust')}</body></html>`;
}

let attacker: Server;
let attackerUrl: string;

test.beforeAll(async ({ baseURL }) => {
  attacker = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(attackerPage(baseURL ?? ''));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  await new Promise((resolve) => attacker.close(resolve));
});

/**
 * The default database answers the planted path as DC/OS would (without a session: Admin Router's own 401 page), not
 * with the attacker's page.
 */
async function expectNothingPlanted(request: import('@playwright/test').APIRequestContext) {
  const probe = await request.get('/acs/api/v1/x.js');
  expect(probe.status()).toBe(401);
  expect(probe.headers()['x-sim-fault']).toBeUndefined();
  expect(await probe.text()).not.toContain('alert(document.cookie)');
}

test.describe('A page on another site and the simulator control API', () => {
  test('[ASVS 3.5.1] a cross-site text/plain form post cannot plant a fault in the default database', async ({
    page,
    request,
  }) => {
    await page.goto(attackerUrl);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/__sim/faults')),
      page.getByRole('button', { name: 'plant' }).click(),
    ]);
    expect(response.status()).toBe(403);
    await expectNothingPlanted(request);
  });

  test('[ASVS 3.5.1] a cross-site form post cannot allocate a database of 100,000 rows', async ({ page }) => {
    await page.goto(attackerUrl);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/__sim/dbs')),
      page.getByRole('button', { name: 'exhaust' }).click(),
    ]);
    expect(response.status()).toBe(403);
    await expect(page.getByText(/^Refused:/)).toBeVisible();
  });

  test('[ASVS 3.5.2] a cross-site no-cors fetch, with or without a JSON content type, changes nothing', async ({
    page,
    request,
    baseURL,
  }) => {
    await page.goto(attackerUrl);
    const statuses: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/__sim/')) statuses.push(r.status());
    });
    await page.evaluate(
      async ({ target, body }) => {
        for (const type of ['text/plain', 'application/json']) {
          await fetch(`${target}/__sim/faults`, {
            method: 'POST',
            mode: 'no-cors',
            credentials: 'include',
            headers: { 'Content-Type': type },
            body,
          });
        }
      },
      { target: baseURL ?? '', body: PLANT },
    );
    await expect.poll(() => statuses.length).toBe(2);
    expect(statuses).toEqual([403, 403]);
    await expectNothingPlanted(request);
  });
});
