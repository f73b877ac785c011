// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { SecurityMode } from '../db/types.ts';
import { simulator } from '../node.ts';
import { apiRequest, iamRequest, loginAs } from '../test-support.ts';

// Authorization at the simulated cluster (ASVS V8), asked directly, as a script would instead of the console: every
// refusal is the server's own, whatever the console shows or hides. bob holds no permission; alice (group operators)
// may read the cluster metadata, list the secrets under `group` and read `group/spark/aws-secret-key`, nothing else.

const db = () => simulator.context.defaultDb;

/** What an attempted change could have touched, to prove a refusal changed nothing. */
function stateOf() {
  const d = db();
  return JSON.stringify({
    users: [...d.users.keys()],
    groups: [...d.groups.keys()],
    memberships: [...d.memberships].map(([gid, members]) => [gid, [...members]]),
    acls: [...d.acls.values()].map((acl) => [
      acl.rid,
      acl.description,
      [...acl.users].map(([k, v]) => [k, [...v]]),
      [...acl.groups].map(([k, v]) => [k, [...v]]),
    ]),
    oidc: [...d.sso.oidc.keys()],
    saml: [...d.sso.saml.keys()],
    ldap: d.ldap.config,
  });
}

/** Every IAM function the console offers, as [method, path, body]. */
const IAM_FUNCTIONS: [string, string, unknown?][] = [
  ['GET', '/acs/api/v1/users'],
  ['GET', '/acs/api/v1/users/alice'],
  ['GET', '/acs/api/v1/users/alice/groups'],
  ['GET', '/acs/api/v1/users/alice/permissions'],
  ['PUT', '/acs/api/v1/users/mallory', { description: 'M', password: 'mallory-pass' }],
  ['PATCH', '/acs/api/v1/users/alice', { description: 'changed' }],
  ['DELETE', '/acs/api/v1/users/alice'],
  ['GET', '/acs/api/v1/groups'],
  ['GET', '/acs/api/v1/groups/superusers/users'],
  ['PUT', '/acs/api/v1/groups/mallory-group', { description: 'M' }],
  ['PUT', '/acs/api/v1/groups/superusers/users/bob'],
  ['DELETE', '/acs/api/v1/groups/operators'],
  ['GET', '/acs/api/v1/acls'],
  ['GET', '/acs/api/v1/acls/dcos:superuser/permissions'],
  ['PUT', '/acs/api/v1/acls/dcos:mallory', { description: 'M' }],
  ['PUT', '/acs/api/v1/acls/dcos:superuser/users/bob/full'],
  ['DELETE', '/acs/api/v1/acls/dcos:adminrouter:ops:metadata'],
  ['GET', '/acs/api/v1/acls/dcos:superuser/users/bob/full'],
  ['GET', '/acs/api/v1/auth/oidc/providers/google-idp'],
  [
    'PUT',
    '/acs/api/v1/auth/oidc/providers/mallory',
    {
      description: 'M',
      issuer: 'https://evil.example',
      base_url: 'https://evil.example',
      client_id: 'c',
      client_secret: 's',
    },
  ],
  ['DELETE', '/acs/api/v1/auth/saml/providers/okta-saml'],
  ['GET', '/acs/api/v1/ldap/config'],
  ['DELETE', '/acs/api/v1/ldap/config'],
  ['POST', '/acs/api/v1/ldap/importuser', { username: 'grace' }],
];

describe('Function-level access', () => {
  it('[ASVS 8.2.1] an account without permissions (bob) is refused every IAM function with 403, and nothing changes', async () => {
    const token = await loginAs(simulator, 'bob', 'bob-pass');
    const before = stateOf();
    const refused: string[] = [];
    for (const [method, path, body] of IAM_FUNCTIONS) {
      const response = await simulator.handle(iamRequest(method, path, token, body));
      if (response.status !== 403) refused.push(`${method} ${path}: ${response.status}`);
    }
    expect(refused, 'functions bob was not refused').toEqual([]);
    expect(stateOf()).toBe(before);
  });

  it('[ASVS 8.2.1] an account cannot raise its own permissions: alice cannot make herself a superuser or an IAM admin', async () => {
    const token = await loginAs(simulator, 'alice', 'alice-pass');
    const before = stateOf();
    const attempts: [string, string, unknown?][] = [
      ['PUT', '/acs/api/v1/acls/dcos:superuser/users/alice/full'],
      ['PUT', '/acs/api/v1/groups/superusers/users/alice'],
      ['PUT', '/acs/api/v1/acls/dcos:adminrouter:acs', { description: 'IAM' }],
      ['PUT', '/acs/api/v1/acls/dcos:adminrouter:ops:metadata/groups/operators/full'],
      ['PUT', '/acs/api/v1/acls/dcos:secrets:default:%252Fdb-password/users/alice/read'],
    ];
    for (const [method, path, body] of attempts)
      expect((await simulator.handle(iamRequest(method, path, token, body))).status, `${method} ${path}`).toBe(403);
    expect(stateOf()).toBe(before);
    // The one thing alice may do still works: the refusals are about these functions, not her session.
    expect(
      (await simulator.handle(apiRequest('/dcos-metadata/bootstrap-config.json', { via: 'token', token }))).status,
    ).toBe(200);
  });
});

const secret = (path: string, token: string, method = 'GET', body?: unknown) =>
  simulator.handle(
    apiRequest(`/secrets/v1/secret/default/${path}`, {
      via: 'token',
      token,
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );

describe('Data-level access', () => {
  it('[ASVS 8.2.2] alice reads exactly the secret she was granted: not its neighbours, and she cannot change or delete it', async () => {
    const token = await loginAs(simulator, 'alice', 'alice-pass');
    const granted = await secret('group/spark/aws-secret-key', token);
    expect(granted.status).toBe(200);
    for (const path of [
      'group/spark/config/log-level',
      'db-password',
      'jenkins/private-key',
      'hdfs/keytab',
      'group/spark/aws-secret-key/x',
    ]) {
      const response = await secret(path, token);
      expect(response.status, path).toBe(403);
      const stored = db().secrets.get(path);
      if (stored?.kind === 'text') expect(await response.text()).not.toContain(stored.value);
    }
    const before = JSON.stringify(db().secrets.get('group/spark/aws-secret-key'));
    expect((await secret('group/spark/aws-secret-key', token, 'PATCH', { value: 'overwritten' })).status).toBe(403);
    expect((await secret('group/spark/aws-secret-key', token, 'DELETE')).status).toBe(403);
    expect((await secret('group/spark/new-one', token, 'PUT', { value: 'x' })).status).toBe(403);
    expect(JSON.stringify(db().secrets.get('group/spark/aws-secret-key'))).toBe(before);
    expect(db().secrets.has('group/spark/new-one')).toBe(false);
  });

  it('[ASVS 8.2.2] alice lists the folder she was granted and the folders under it, never the root or another folder', async () => {
    const token = await loginAs(simulator, 'alice', 'alice-pass');
    const list = (folder: string) => secret(`${folder}?list=true`, token);
    const group = await list('group');
    expect(group.status).toBe(200);
    expect(await group.text()).not.toMatch(/db-password|jenkins|hdfs/);
    expect((await list('group/spark')).status).toBe(200);
    for (const folder of ['', 'jenkins', 'hdfs', 'groupie'])
      expect((await list(folder)).status, folder || 'the root').toBe(403);
  });
});

describe('Enforcement at the service layer', () => {
  it.each<SecurityMode>(['strict', 'permissive', 'disabled'])(
    '[ASVS 8.3.1] in %s mode the IAM, the Secret Store and the metadata refuse bob whatever client asks',
    async (securityMode) => {
      const test = simulator.context.createDb({ securityMode });
      try {
        const token = await loginAs(simulator, 'bob', 'bob-pass', test.id);
        const asks = [
          apiRequest('/acs/api/v1/users', { via: 'token', token, dbId: test.id }),
          apiRequest('/acs/api/v1/users', { token, dbId: test.id }),
          apiRequest('/acs/api/v1/groups/superusers/users/bob', { token, dbId: test.id, method: 'PUT', csrf: true }),
          apiRequest('/secrets/v1/secret/default/db-password', { via: 'bearer', token, dbId: test.id }),
          apiRequest('/dcos-metadata/bootstrap-config.json', { token, dbId: test.id }),
        ];
        for (const request of asks)
          expect((await simulator.handle(request)).status, `${request.method} ${request.url}`).toBe(403);
        expect(test.memberships.get('superusers')?.has('bob')).toBe(false);
      } finally {
        simulator.context.deleteDb(test.id);
      }
    },
  );

  it('[ASVS 8.3.2] a grant and its revocation take effect at the next request of a session already open', async () => {
    const admin = await loginAs(simulator, 'bootstrapuser', 'deleteme');
    const bob = await loginAs(simulator, 'bob', 'bob-pass');
    const users = async () => (await simulator.handle(iamRequest('GET', '/acs/api/v1/users', bob))).status;
    const asAdmin = async (method: string, path: string, body?: unknown) => {
      const response = await simulator.handle(iamRequest(method, path, admin, body));
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
    };
    expect(await users()).toBe(403);
    await asAdmin('PUT', '/acs/api/v1/acls/dcos:adminrouter:acs', { description: 'IAM' });
    await asAdmin('PUT', '/acs/api/v1/acls/dcos:adminrouter:acs/users/bob/full');
    expect(await users()).toBe(200);
    await asAdmin('DELETE', '/acs/api/v1/acls/dcos:adminrouter:acs/users/bob/full');
    expect(await users()).toBe(403);
    await asAdmin('PUT', '/acs/api/v1/groups/superusers/users/bob');
    expect(await users()).toBe(200);
    await asAdmin('DELETE', '/acs/api/v1/groups/superusers/users/bob');
    expect(await users()).toBe(403);
  });
});
