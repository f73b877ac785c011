// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { SecurityMode } from '../db/types.ts';
import { simulator } from '../node.ts';
import { apiRequest, loginAs, testDbs } from '../test-support.ts';

const testDb = testDbs(simulator);

describe('GET /dcos-metadata/bootstrap-config.json', () => {
  it.each<SecurityMode>(['strict', 'permissive', 'disabled'])(
    'answers {"security":"%s"} in that mode',
    async (securityMode) => {
      const db = testDb({ securityMode });
      const token = await loginAs(simulator, 'bootstrapuser', 'deleteme', db.id);
      const response = await simulator.handle(
        apiRequest('/dcos-metadata/bootstrap-config.json', { token, dbId: db.id }),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('application/json');
      expect(await response.text()).toBe(`{"security":"${securityMode}"}`);
    },
  );

  it.each<SecurityMode>(['strict', 'permissive', 'disabled'])(
    'still needs the metadata permission in %s mode',
    async (securityMode) => {
      const db = testDb({ securityMode });
      const token = await loginAs(simulator, 'bob', 'bob-pass', db.id);
      const response = await simulator.handle(
        apiRequest('/dcos-metadata/bootstrap-config.json', { token, dbId: db.id }),
      );
      expect(response.status).toBe(403);
    },
  );

  it('serves the mode of the default db to requests without a db cookie', async () => {
    const token = await loginAs(simulator, 'bootstrapuser', 'deleteme');
    const response = await simulator.handle(apiRequest('/dcos-metadata/bootstrap-config.json', { token }));
    expect(await response.json()).toEqual({ security: 'strict' });
  });
});
