// @vitest-environment node
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { deriveUnsealKeys } from './db/secrets.ts';
import { createSimulator, type Simulator } from './simulator.ts';
import { apiRequest, controlRequest, decodeJwtPart, loginAs, loginRequest } from './test-support.ts';

const JSON_TYPE = { 'Content-Type': 'application/json' };

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ securityMode: 'permissive', tokenTtlSeconds: 3600 }, { control: true });
});
afterEach(() => {
  vi.useRealTimers();
});

const SEAL_DEFAULTS = { sealThreshold: 1, sealShares: 1, sealed: false };
const NO_EXTRAS = { users: 0, groups: 0, serviceAccounts: 0, secrets: 0, acls: 0, ...SEAL_DEFAULTS };
const REGULAR_UIDS = ['bootstrapuser', 'alice', 'bob', 'carol', 'dave.kim@example.com', 'erin.lopez@example.com'];
const ALL_UIDS = [...REGULAR_UIDS, 'dcos_marathon', 'dcos_metronome', 'jenkins'];

interface Created {
  id: string;
  securityMode: string;
  tokenTtlSeconds: number;
  users: number;
  groups: number;
  serviceAccounts: number;
  secrets: number;
  sealThreshold: number;
  sealShares: number;
  sealed: boolean;
  unsealKeys: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const GONE = 'Unknown simulator database (dcos-sim-db cookie).';

async function createDb(body?: unknown): Promise<Created> {
  const init: RequestInit = { method: 'POST', headers: JSON_TYPE };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await sim.handle(new Request('http://127.0.0.1:5173/__sim/dbs', init));
  expect(response.status).toBe(201);
  return (await response.json()) as Created;
}

/** The options part of a POST /__sim/dbs answer, after checking its id is a fresh UUID and its unseal keys the db's. */
function optionsOf(created: Created) {
  const { id, unsealKeys, ...options } = created;
  expect(id).toMatch(UUID);
  expect(unsealKeys).toEqual(deriveUnsealKeys(id, options.sealShares));
  return options;
}

async function expectGone(response: Response) {
  expect(response.status).toBe(410);
  expect(response.headers.get('Content-Type')).toBe('text/plain');
  expect(await response.text()).toBe(GONE);
}

describe('POST /__sim/dbs', () => {
  it("creates a db with the simulator's defaults when given no options", async () => {
    const created = await createDb();
    expect(optionsOf(created)).toEqual({ securityMode: 'permissive', tokenTtlSeconds: 3600, ...NO_EXTRAS });
    expect(created.id).not.toBe((await createDb()).id);
  });

  it('honours securityMode and tokenTtlSeconds', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2032, 1, 2, 3, 4, 5));
    const created = await createDb({ securityMode: 'disabled', tokenTtlSeconds: 120 });
    expect(optionsOf(created)).toEqual({ securityMode: 'disabled', tokenTtlSeconds: 120, ...NO_EXTRAS });

    const token = await loginAs(sim, 'bootstrapuser', 'deleteme', created.id);
    expect(decodeJwtPart(token, 1)).toEqual({ uid: 'bootstrapuser', exp: Date.UTC(2032, 1, 2, 3, 4, 5) / 1000 + 120 });
    const config = await sim.handle(apiRequest('/dcos-metadata/bootstrap-config.json', { token, dbId: created.id }));
    expect(await config.json()).toEqual({ security: 'disabled' });
  });

  it.each([
    ['an unknown security mode', { securityMode: 'lax' }],
    ['a negative token lifetime', { tokenTtlSeconds: -5 }],
    ['a zero token lifetime', { tokenTtlSeconds: 0 }],
    ['a fractional token lifetime', { tokenTtlSeconds: 1.5 }],
    ['a token lifetime given as text', { tokenTtlSeconds: '120' }],
    ['a body that is not JSON', 'strict please'],
  ])('refuses %s with a 400 naming the problem', async (_what, body) => {
    const response = await sim.handle(
      new Request('http://127.0.0.1:5173/__sim/dbs', {
        method: 'POST',
        headers: JSON_TYPE,
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^Bad simulator options: /);
  });

  it('gives the defaults for an empty body', async () => {
    expect(optionsOf(await createDb())).toEqual({ securityMode: 'permissive', tokenTtlSeconds: 3600, ...NO_EXTRAS });
  });

  it('seeds users, groups and serviceAccounts extra generated entities and echoes the counts', async () => {
    const created = await createDb({ users: 40, groups: 5, serviceAccounts: 3 });
    expect(optionsOf(created)).toEqual({
      securityMode: 'permissive',
      tokenTtlSeconds: 3600,
      ...NO_EXTRAS,
      users: 40,
      groups: 5,
      serviceAccounts: 3,
    });
    const db = sim.context.dbFor(apiRequest('/', { dbId: created.id }));
    const users = [...(db?.users.values() ?? [])];
    expect(users.filter((user) => !user.isService)).toHaveLength(REGULAR_UIDS.length + 40);
    expect(users.filter((user) => user.isService)).toHaveLength(3 + 3);
    expect(db?.groups.size).toBe(4 + 5);
    expect(db?.scale).toEqual({ users: 40, groups: 5, serviceAccounts: 3, secrets: 0, acls: 0 });
  });

  it('lets a generated local user sign in with the shared password', async () => {
    const created = await createDb({ users: 5 });
    const db = sim.context.dbFor(apiRequest('/', { dbId: created.id }));
    const local = [...(db?.users.values() ?? [])].find(
      (user) => user.providerType === 'internal' && !user.isService && !REGULAR_UIDS.includes(user.uid),
    );
    if (!local) throw new Error('no generated local user');
    const token = await loginAs(sim, local.uid, 'password', created.id);
    expect(decodeJwtPart(token, 1).uid).toBe(local.uid);
  });

  it('keeps the defaults of the options it is not given', async () => {
    const created = await createDb({ groups: 2 });
    expect(optionsOf(created)).toEqual({ securityMode: 'permissive', tokenTtlSeconds: 3600, ...NO_EXTRAS, groups: 2 });
  });

  it.each([
    [{ users: -1 }, 'users must be a whole number from 0 to 100000'],
    [{ users: 2.5 }, 'users must be a whole number from 0 to 100000'],
    [{ users: '10' }, 'users must be a whole number from 0 to 100000'],
    [{ groups: null }, 'groups must be a whole number from 0 to 100000'],
    [{ groups: 100001 }, 'groups must be a whole number from 0 to 100000'],
    [{ serviceAccounts: true }, 'serviceAccounts must be a whole number from 0 to 100000'],
    [
      { users: 1, servicAccounts: 2 },
      'unknown option servicAccounts; known are securityMode, tokenTtlSeconds, users, groups, serviceAccounts, secrets, acls, sealThreshold, sealShares, sealed',
    ],
  ])('refuses %j with "Bad simulator options: %s."', async (body, why) => {
    const response = await sim.handle(
      new Request('http://127.0.0.1:5173/__sim/dbs', {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify(body),
      }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toBe('text/plain');
    expect(await response.text()).toBe(`Bad simulator options: ${why}.`);
  });
});

describe('POST /__sim/dbs: Secret Store options', () => {
  it('seeds extra generated secrets and echoes the count', async () => {
    const created = await createDb({ secrets: 25 });
    expect(optionsOf(created)).toEqual({
      securityMode: 'permissive',
      tokenTtlSeconds: 3600,
      ...NO_EXTRAS,
      secrets: 25,
    });
    const db = sim.context.dbFor(apiRequest('/', { dbId: created.id }));
    expect(db?.secrets.size).toBe(5 + 25);
    expect(db?.scale.secrets).toBe(25);
  });

  it("sets up the seal: threshold, shares, sealed, and echoes the db's own unseal keys", async () => {
    const created = await createDb({ sealThreshold: 2, sealShares: 3, sealed: true });
    expect(optionsOf(created)).toEqual({
      securityMode: 'permissive',
      tokenTtlSeconds: 3600,
      ...NO_EXTRAS,
      sealThreshold: 2,
      sealShares: 3,
      sealed: true,
    });
    expect(created.unsealKeys).toHaveLength(3);
    expect(new Set(created.unsealKeys).size).toBe(3);
    for (const key of created.unsealKeys) expect(key).toMatch(/^[0-9a-f]{64}$/);
    const other = await createDb({ sealShares: 3 });
    expect(other.unsealKeys.some((key) => created.unsealKeys.includes(key))).toBe(false);

    const token = await loginAs(sim, 'bootstrapuser', 'deleteme', created.id);
    const status = await sim.handle(
      apiRequest('/secrets/v1/seal-status/default', { via: 'token', token, dbId: created.id }),
    );
    expect(await status.json()).toEqual({ sealed: true, threshold: 2, shares: 3, progress: 0 });
  });

  it('takes shares alone, keeping the threshold at 1', async () => {
    const created = await createDb({ sealShares: 5 });
    expect(optionsOf(created)).toMatchObject({ sealThreshold: 1, sealShares: 5, sealed: false });
  });

  it.each([
    [{ secrets: -1 }, 'secrets must be a whole number from 0 to 100000'],
    [{ secrets: '5' }, 'secrets must be a whole number from 0 to 100000'],
    [{ sealThreshold: 2 }, 'sealThreshold (2) must not exceed sealShares (1)'],
    [{ sealThreshold: 4, sealShares: 3 }, 'sealThreshold (4) must not exceed sealShares (3)'],
    [{ sealShares: 11 }, 'sealShares must be a whole number from 1 to 10'],
    [{ sealShares: 0 }, 'sealShares must be a whole number from 1 to 10'],
    [{ sealThreshold: 0 }, 'sealThreshold must be a whole number from 1 to 10'],
    [{ sealThreshold: 1.5, sealShares: 3 }, 'sealThreshold must be a whole number from 1 to 10'],
    [{ sealThreshold: '2', sealShares: 3 }, 'sealThreshold must be a whole number from 1 to 10'],
    [{ sealed: 'yes' }, 'sealed must be true or false'],
  ])('refuses %j with "Bad simulator options: %s."', async (body, why) => {
    const response = await sim.handle(
      new Request('http://127.0.0.1:5173/__sim/dbs', {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify(body),
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(`Bad simulator options: ${why}.`);
  });

  it("checks a threshold against the simulator's default shares", async () => {
    const wide = await createSimulator(
      { securityMode: 'strict', tokenTtlSeconds: 60, sealThreshold: 2, sealShares: 4 },
      { control: true },
    );
    const post = (body: unknown) =>
      wide.handle(
        new Request('http://127.0.0.1:5173/__sim/dbs', {
          method: 'POST',
          headers: JSON_TYPE,
          body: JSON.stringify(body),
        }),
      );
    const created = (await (await post({ sealThreshold: 3 })).json()) as Created;
    expect(created).toMatchObject({ sealThreshold: 3, sealShares: 4, sealed: false });
    expect(created.unsealKeys).toHaveLength(4);
    expect(await (await post({ sealShares: 1 })).text()).toBe(
      'Bad simulator options: sealThreshold (2) must not exceed sealShares (1).',
    );
  });
});

describe('the dcos-sim-db cookie', () => {
  it('keeps a change in one db out of every other db', async () => {
    const a = await createDb();
    const b = await createDb();
    const dbA = sim.context.dbFor(apiRequest('/', { dbId: a.id }));
    expect(dbA?.id).toBe(a.id);
    dbA?.users.delete('bob');

    expect((await sim.handle(loginRequest({ uid: 'bob', password: 'bob-pass' }, { dbId: a.id }))).status).toBe(401);
    expect((await sim.handle(loginRequest({ uid: 'bob', password: 'bob-pass' }, { dbId: b.id }))).status).toBe(200);
    expect((await sim.handle(loginRequest({ uid: 'bob', password: 'bob-pass' }))).status).toBe(200);

    const token = await loginAs(sim, 'bootstrapuser', 'deleteme', a.id);
    const listA = (await (await sim.handle(apiRequest('/acs/api/v1/users', { token, dbId: a.id }))).json()) as {
      array: { uid: string }[];
    };
    const listB = (await (await sim.handle(apiRequest('/acs/api/v1/users', { token, dbId: b.id }))).json()) as {
      array: { uid: string }[];
    };
    expect(listA.array.map((u) => u.uid)).toEqual(REGULAR_UIDS.filter((uid) => uid !== 'bob'));
    expect(listB.array.map((u) => u.uid)).toEqual(REGULAR_UIDS);
  });

  it('uses the default db when absent, and reset() replaces only the default db', async () => {
    const a = await createDb();
    expect(sim.context.dbFor(apiRequest('/'))).toBe(sim.context.defaultDb);
    sim.context.defaultDb.users.delete('alice');
    sim.context.dbFor(apiRequest('/', { dbId: a.id }))?.users.delete('bob');
    sim.context.reset();
    expect([...sim.context.defaultDb.users.keys()]).toEqual(ALL_UIDS);
    expect([...(sim.context.dbFor(apiRequest('/', { dbId: a.id }))?.users.keys() ?? [])]).toEqual(
      ALL_UIDS.filter((uid) => uid !== 'bob'),
    );
  });

  it('answers 410 Gone for an unknown db id, on public and protected routes alike', async () => {
    const token = await loginAs(sim, 'bootstrapuser', 'deleteme');
    await expectGone(
      await sim.handle(loginRequest({ uid: 'bootstrapuser', password: 'deleteme' }, { dbId: 'no-such-db' })),
    );
    await expectGone(await sim.handle(apiRequest('/acs/api/v1/users', { token, dbId: 'no-such-db' })));
    await expectGone(
      await sim.handle(apiRequest('/dcos-metadata/bootstrap-config.json', { via: 'token', token, dbId: 'no-such-db' })),
    );
  });
});

describe('DELETE /__sim/dbs/{id}', () => {
  it('deletes the db: 204, then 410 for requests that still name it, then 404 for a second delete', async () => {
    const { id } = await createDb();
    const deleted = await sim.handle(controlRequest(`/__sim/dbs/${id}`, { method: 'DELETE', dbId: id }));
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    await expectGone(await sim.handle(loginRequest({ uid: 'bootstrapuser', password: 'deleteme' }, { dbId: id })));
    const again = await sim.handle(controlRequest(`/__sim/dbs/${id}`, { method: 'DELETE', dbId: id }));
    expect(again.status).toBe(404);
  });

  it('never deletes the default db', async () => {
    const response = await sim.handle(controlRequest('/__sim/dbs/default', { method: 'DELETE', dbId: 'default' }));
    expect(response.status).toBe(403);
    expect((await sim.handle(loginRequest({ uid: 'bootstrapuser', password: 'deleteme' }))).status).toBe(200);
  });
});

describe('GET /__sim/health', () => {
  it('answers {"ok":true}', async () => {
    const response = await sim.handle(new Request('http://127.0.0.1:5173/__sim/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, control: true });
  });
});
