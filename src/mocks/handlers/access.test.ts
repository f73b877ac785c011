// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { grant } from '../db/create-db.ts';
import { simulator } from '../node.ts';
import { apiRequest, loginAs } from '../test-support.ts';

async function expectAdminRouter403(response: Response) {
  expect(response.status).toBe(403);
  expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  const html = await response.text();
  expect(html).toContain('<h1>403 Forbidden</h1>');
  expect(html).toContain("window.location = '/#/access-denied';");
}

const as = async (uid: string, password: string) => {
  const token = await loginAs(simulator, uid, password);
  return (path: string) => simulator.handle(apiRequest(path, { via: 'cookie', token }));
};

describe('bob, who holds no permissions', () => {
  it.each([
    '/acs/api/v1/users',
    '/acs/api/v1/users/bob',
    '/acs/api/v1/users/alice/permissions',
    '/dcos-metadata/bootstrap-config.json',
  ])('gets the HTML 403 page for %s', async (path) => {
    const get = await as('bob', 'bob-pass');
    await expectAdminRouter403(await get(path));
  });

  it('may read his own permissions', async () => {
    const get = await as('bob', 'bob-pass');
    const response = await get('/acs/api/v1/users/bob/permissions');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ direct: [], groups: [] });
  });

  it('may list users once granted dcos:adminrouter:acs full directly', async () => {
    grant(simulator.context.defaultDb, 'dcos:adminrouter:acs', { uid: 'bob' }, 'full');
    const get = await as('bob', 'bob-pass');
    expect((await get('/acs/api/v1/users')).status).toBe(200);
    expect((await get('/acs/api/v1/users/alice/permissions')).status).toBe(200);
  });

  it('is still refused /users with only dcos:adminrouter:acs read', async () => {
    grant(simulator.context.defaultDb, 'dcos:adminrouter:acs', { uid: 'bob' }, 'read');
    const get = await as('bob', 'bob-pass');
    await expectAdminRouter403(await get('/acs/api/v1/users'));
  });
});

describe('alice, an operator with dcos:adminrouter:ops:metadata full', () => {
  it('can read the bootstrap config', async () => {
    const get = await as('alice', 'alice-pass');
    const response = await get('/dcos-metadata/bootstrap-config.json');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ security: 'strict' });
  });

  it.each(['/acs/api/v1/users', '/acs/api/v1/users/alice', '/acs/api/v1/users/bob/permissions'])(
    'gets the HTML 403 page for %s',
    async (path) => {
      const get = await as('alice', 'alice-pass');
      await expectAdminRouter403(await get(path));
    },
  );
});
