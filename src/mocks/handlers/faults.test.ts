import { describe, expect, it } from 'vitest';
import { simulator } from '../node.ts';
import { apiRequest, controlRequest, loginAs } from '../test-support.ts';

const FAULTS = '/__sim/faults';

async function inject(dbId: string, fault: Record<string, unknown>): Promise<Response> {
  return simulator.handle(controlRequest(FAULTS, { dbId, body: JSON.stringify(fault) }));
}

async function newDb(): Promise<string> {
  const response = await simulator.handle(controlRequest('/__sim/dbs', { body: '{}' }));
  return ((await response.json()) as { id: string }).id;
}

describe('fault injection', () => {
  it('answers matching requests with the injected status and body, for `count` times, then the real handler again', async () => {
    const dbId = await newDb();
    const token = await loginAs(simulator, 'bootstrapuser', 'deleteme', dbId);
    expect(
      (
        await inject(dbId, {
          path: '/acs/api/v1/users',
          status: 503,
          body: 'Datastore is read-only',
          contentType: 'text/plain',
          count: 2,
        })
      ).status,
    ).toBe(201);
    for (let i = 0; i < 2; i++) {
      const faulted = await simulator.handle(apiRequest('/acs/api/v1/users', { token, dbId }));
      expect(faulted.status).toBe(503);
      expect(faulted.headers.get('content-type')).toBe('text/plain');
      expect(await faulted.text()).toBe('Datastore is read-only');
    }
    expect((await simulator.handle(apiRequest('/acs/api/v1/users', { token, dbId }))).status).toBe(200);
  });

  it('fails every n-th matching request of one method only (a flaky server)', async () => {
    const dbId = await newDb();
    const token = await loginAs(simulator, 'bootstrapuser', 'deleteme', dbId);
    await inject(dbId, {
      path: '/acs/api/v1/users/*',
      method: 'GET',
      status: 500,
      body: '{"title":"Internal Server Error"}',
      every: 3,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await simulator.handle(apiRequest('/acs/api/v1/users/alice', { token, dbId }))).status);
    expect(statuses).toEqual([200, 200, 500, 200, 200, 500, 200]);
    // Another method on the same path is not affected.
    const patch = await simulator.handle(
      apiRequest('/acs/api/v1/users/alice', { token, dbId, method: 'PATCH', csrf: true, body: '{"description":"A"}' }),
    );
    expect(patch.status).toBe(204);
  });

  it('drops the connection for a network fault, delays for a delay, and is cleared per database', async () => {
    const dbId = await newDb();
    const other = await newDb();
    await inject(dbId, { path: '/dcos-metadata/*', network: true });
    await inject(dbId, { path: '/acs/api/v1/auth/jwks', delayMs: 60 });
    expect((await simulator.handle(apiRequest('/dcos-metadata/bootstrap-config.json', { dbId }))).type).toBe('error');
    expect((await simulator.handle(apiRequest('/dcos-metadata/bootstrap-config.json', { dbId: other }))).type).not.toBe(
      'error',
    );
    const started = performance.now();
    expect((await simulator.handle(apiRequest('/acs/api/v1/auth/jwks', { dbId }))).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    expect((await simulator.handle(controlRequest(FAULTS, { method: 'DELETE', dbId }))).status).toBe(204);
    expect((await simulator.handle(apiRequest('/dcos-metadata/bootstrap-config.json', { dbId }))).type).not.toBe(
      'error',
    );
  });

  it('refuses a fault it cannot apply, saying why', async () => {
    const dbId = await newDb();
    const refused = await inject(dbId, { path: 'acs/*', status: 500 });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('path must be a glob starting with /');
    expect(await (await inject(dbId, { path: '/acs/*' })).text()).toContain(
      'give a status, network: true or a delayMs',
    );
    expect((await inject(dbId, { path: '/acs/*', status: 500, every: 0 })).status).toBe(400);
  });
});
