// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { simulator } from '../node.ts';
import { controlRequest, decodeJwtPart, loginRequest, testDbs } from '../test-support.ts';

const testDb = testDbs(simulator);

const patch = (id: string, body: unknown) =>
  simulator.handle(controlRequest(`/__sim/dbs/${id}`, { method: 'PATCH', body: JSON.stringify(body), dbId: id }));

describe('PATCH /__sim/dbs/{id}', () => {
  it('changes the lifetime of the tokens the db issues from then on', async () => {
    const db = testDb({ tokenTtlSeconds: 2 });
    const response = await patch(db.id, { tokenTtlSeconds: 3600 });
    expect(await response.json()).toEqual({ id: db.id, tokenTtlSeconds: 3600 });
    const login = await simulator.handle(loginRequest({ uid: 'alice', password: 'alice-pass' }, { dbId: db.id }));
    const { token } = (await login.json()) as { token: string };
    const { exp } = decodeJwtPart(token, 1) as { exp: number };
    expect(exp - Math.floor(Date.now() / 1000)).toBeGreaterThan(3500);
  });

  it('refuses bad settings, unknown dbs and the default db', async () => {
    const db = testDb();
    expect((await patch(db.id, { tokenTtlSeconds: 0 })).status).toBe(400);
    expect((await patch(db.id, { securityMode: 'permissive' })).status).toBe(400);
    expect((await patch('nope', { tokenTtlSeconds: 10 })).status).toBe(404);
    expect((await patch('default', { tokenTtlSeconds: 10 })).status).toBe(403);
  });
});
