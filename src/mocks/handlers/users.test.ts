// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { grant } from '../db/create-db.ts';
import { simulator } from '../node.ts';
import { apiRequest, loginAs } from '../test-support.ts';

let token: string;
beforeAll(async () => {
  token = await loginAs(simulator, 'bootstrapuser', 'deleteme');
});

const get = (path: string) => simulator.handle(apiRequest(path, { via: 'token', token }));

const USERS = {
  bootstrapuser: {
    uid: 'bootstrapuser',
    url: '/acs/api/v1/users/bootstrapuser',
    description: 'Bootstrap superuser',
    is_remote: false,
    is_service: false,
    provider_type: 'internal',
    provider_id: '',
  },
  alice: {
    uid: 'alice',
    url: '/acs/api/v1/users/alice',
    description: 'Alice Operator',
    is_remote: false,
    is_service: false,
    provider_type: 'internal',
    provider_id: '',
  },
  bob: {
    uid: 'bob',
    url: '/acs/api/v1/users/bob',
    description: 'Bob (no permissions)',
    is_remote: false,
    is_service: false,
    provider_type: 'internal',
    provider_id: '',
  },
};

function addServiceAccount() {
  simulator.context.defaultDb.users.set('dcos_marathon', {
    uid: 'dcos_marathon',
    description: 'Marathon service account',
    publicKey: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n',
    isService: true,
    providerType: 'internal',
    providerId: '',
  });
}

describe('GET /acs/api/v1/users', () => {
  it('lists the regular users wrapped in {"array":[…]}', async () => {
    const response = await get('/acs/api/v1/users');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual({ array: [USERS.bootstrapuser, USERS.alice, USERS.bob] });
  });

  it('leaves service accounts out unless ?type=service, which lists only them with their public key', async () => {
    addServiceAccount();
    expect(await (await get('/acs/api/v1/users')).json()).toEqual({ array: [USERS.bootstrapuser, USERS.alice, USERS.bob] });
    expect(await (await get('/acs/api/v1/users?type=service')).json()).toEqual({
      array: [
        {
          uid: 'dcos_marathon',
          url: '/acs/api/v1/users/dcos_marathon',
          description: 'Marathon service account',
          is_remote: false,
          is_service: true,
          provider_type: 'internal',
          provider_id: '',
          public_key: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n',
        },
      ],
    });
  });

  it('marks users from an external provider as remote', async () => {
    simulator.context.defaultDb.users.set('carol@example.com', {
      uid: 'carol@example.com',
      description: 'Carol',
      isService: false,
      providerType: 'oidc',
      providerId: 'google-idp',
    });
    const { array } = (await (await get('/acs/api/v1/users')).json()) as { array: unknown[] };
    expect(array[3]).toEqual({
      uid: 'carol@example.com',
      url: '/acs/api/v1/users/carol@example.com',
      description: 'Carol',
      is_remote: true,
      is_service: false,
      provider_type: 'oidc',
      provider_id: 'google-idp',
    });
  });
});

describe('GET /acs/api/v1/users/{uid}', () => {
  it('answers the User object', async () => {
    const response = await get('/acs/api/v1/users/alice');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(USERS.alice);
  });

  it('answers an unknown uid with 400 ERR_UNKNOWN_USER_ID', async () => {
    const response = await get('/acs/api/v1/users/nobody');
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual({
      title: 'Bad Request',
      description: 'User with uid `nobody` not known.',
      code: 'ERR_UNKNOWN_USER_ID',
    });
  });
});

describe('GET /acs/api/v1/users/{uid}/permissions', () => {
  it('gives bootstrapuser dcos:superuser through the superusers group, with the IAM urls', async () => {
    const response = await get('/acs/api/v1/users/bootstrapuser/permissions');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      direct: [],
      groups: [
        {
          rid: 'dcos:superuser',
          description: 'Superuser ACL',
          aclurl: '/acs/api/v1/acls/dcos:superuser',
          gid: 'superusers',
          membershipurl: '/acs/api/v1/groups/superusers/users/bootstrapuser',
          actions: [{ name: 'full', url: '/acs/api/v1/acls/dcos:superuser/groups/superusers/full' }],
        },
      ],
    });
  });

  it("lists alice's metadata permission through the operators group", async () => {
    expect(await (await get('/acs/api/v1/users/alice/permissions')).json()).toEqual({
      direct: [],
      groups: [
        {
          rid: 'dcos:adminrouter:ops:metadata',
          description: 'Cluster metadata',
          aclurl: '/acs/api/v1/acls/dcos:adminrouter:ops:metadata',
          gid: 'operators',
          membershipurl: '/acs/api/v1/groups/operators/users/alice',
          actions: [{ name: 'full', url: '/acs/api/v1/acls/dcos:adminrouter:ops:metadata/groups/operators/full' }],
        },
      ],
    });
  });

  it('lists direct grants, writing "/" in a rid as %252F', async () => {
    const db = simulator.context.defaultDb;
    grant(db, 'dcos:secrets:list:default:/', { uid: 'bob' }, 'read', 'List secrets');
    grant(db, 'dcos:secrets:list:default:/', { uid: 'bob' }, 'update');
    expect(await (await get('/acs/api/v1/users/bob/permissions')).json()).toEqual({
      direct: [
        {
          rid: 'dcos:secrets:list:default:/',
          description: 'List secrets',
          aclurl: '/acs/api/v1/acls/dcos:secrets:list:default:%252F',
          actions: [
            { name: 'read', url: '/acs/api/v1/acls/dcos:secrets:list:default:%252F/users/bob/read' },
            { name: 'update', url: '/acs/api/v1/acls/dcos:secrets:list:default:%252F/users/bob/update' },
          ],
        },
      ],
      groups: [],
    });
  });

  it('answers {direct:[],groups:[]} for a user without permissions', async () => {
    expect(await (await get('/acs/api/v1/users/bob/permissions')).json()).toEqual({ direct: [], groups: [] });
  });

  it('answers an unknown uid with 400 ERR_UNKNOWN_USER_ID', async () => {
    const response = await get('/acs/api/v1/users/nobody/permissions');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      title: 'Bad Request',
      description: 'User with uid `nobody` not known.',
      code: 'ERR_UNKNOWN_USER_ID',
    });
  });
});
