// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addUser, removeUser } from '../db/entities.ts';
import { createDb } from '../db/create-db.ts';
import { userJson } from './iam.ts';
import { listUsersResponse } from './user-list.ts';

const db = () => createDb('list-test', { securityMode: 'strict', tokenTtlSeconds: 300, users: 50, serviceAccounts: 3 });

/** What encoding the db's accounts afresh gives. */
function fresh(d: ReturnType<typeof db>, services: boolean): string {
  return JSON.stringify({ array: [...d.users.values()].filter((u) => u.isService === services).map(userJson) });
}

describe('GET /users answers from a kept encoding only while no account changed', () => {
  it('answers byte for byte what a fresh encoding gives, users and service accounts apart', async () => {
    const d = db();
    for (const services of [false, true]) {
      expect(await (await listUsersResponse(d, services)).text()).toBe(fresh(d, services));
      // The second answer comes from the kept encoding.
      expect(await (await listUsersResponse(d, services)).text()).toBe(fresh(d, services));
    }
  });

  it('shows a changed field, a new account and a removed one at once, whoever changed the db', async () => {
    const d = db();
    await listUsersResponse(d, false);
    const someone = [...d.users.values()].find((u) => !u.isService && u.uid !== 'bootstrapuser');
    if (!someone) throw new Error('no user to change');
    someone.description = 'Changed in place';
    expect(await (await listUsersResponse(d, false)).text()).toContain('"description":"Changed in place"');
    someone.providerType = 'ldap';
    expect(JSON.parse(await (await listUsersResponse(d, false)).text())).toEqual(JSON.parse(fresh(d, false)));
    addUser(d, { uid: 'newcomer', description: 'New' });
    expect(await (await listUsersResponse(d, false)).text()).toBe(fresh(d, false));
    removeUser(d, 'newcomer');
    const after = await (await listUsersResponse(d, false)).text();
    expect(after).not.toContain('"newcomer"');
    expect(after).toBe(fresh(d, false));
  });

  it('gives every response its own bytes, so one consumer cannot spoil the kept encoding', async () => {
    const d = db();
    const first = new Uint8Array(await (await listUsersResponse(d, false)).arrayBuffer());
    first.fill(0);
    expect(await (await listUsersResponse(d, false)).text()).toBe(fresh(d, false));
  });
});
