// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, grant } from '../db/create-db.ts';
import { JENKINS_PUBLIC_KEY } from '../db/seed-keys.ts';
import { simulator } from '../node.ts';
import { apiRequest, expectEmpty, expectIamError, iamRequest, loginAs } from '../test-support.ts';

let token: string;
beforeAll(async () => {
  token = await loginAs(simulator, 'bootstrapuser', 'deleteme');
});

const db = () => simulator.context.defaultDb;
const get = (path: string) => simulator.handle(apiRequest(path, { via: 'token', token }));
const send = (method: string, path: string, body?: unknown) => simulator.handle(iamRequest(method, path, token, body));

const group = (gid: string, description: string, providerType = 'internal') => ({
  gid,
  url: `/acs/api/v1/groups/${gid}`,
  description,
  provider_type: providerType,
});
const GROUPS = {
  superusers: group('superusers', 'Superusers: full access to the cluster'),
  operators: group('operators', 'Cluster operators'),
  developers: group('developers', 'Application developers'),
  dataScience: group('data-science', 'Data science and analytics'),
};
const user = (uid: string, description: string, extra: Record<string, unknown> = {}) => ({
  uid,
  url: `/acs/api/v1/users/${uid}`,
  description,
  is_remote: false,
  is_service: false,
  provider_type: 'internal',
  provider_id: '',
  ...extra,
});

const BAD_REQUEST = { title: 'Bad Request' };
const unknownGroup = (gid: string) => ({
  ...BAD_REQUEST,
  description: `Group with gid \`${gid}\` not known.`,
  code: 'ERR_UNKNOWN_GROUP_ID',
});
const unknownUser = (uid: string) => ({
  ...BAD_REQUEST,
  description: `User with uid \`${uid}\` not known.`,
  code: 'ERR_UNKNOWN_USER_ID',
});
const hint = (text: string) => ({ ...BAD_REQUEST, description: `Unexpected JSON input. Hint: ${text}` });
const members = (gid: string) => [...(db().memberships.get(gid) ?? [])];

describe('GET /acs/api/v1/groups', () => {
  it('lists every group wrapped in {"array":[…]}', async () => {
    const response = await get('/acs/api/v1/groups');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual({
      array: [GROUPS.superusers, GROUPS.operators, GROUPS.developers, GROUPS.dataScience],
    });
  });
});

describe('GET /acs/api/v1/groups/{gid}', () => {
  it('answers the Group object', async () => {
    const response = await get('/acs/api/v1/groups/data-science');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(GROUPS.dataScience);
  });

  it('answers an unknown gid with 400 ERR_UNKNOWN_GROUP_ID', async () => {
    await expectIamError(await get('/acs/api/v1/groups/nogroup'), 400, unknownGroup('nogroup'));
  });
});

describe('PUT /acs/api/v1/groups/{gid}', () => {
  it('creates a group: 201 with an empty body, listed last', async () => {
    await expectEmpty(await send('PUT', '/acs/api/v1/groups/sre', { description: 'Site reliability' }), 201);
    expect(await (await get('/acs/api/v1/groups/sre')).json()).toEqual(group('sre', 'Site reliability'));
    const { array } = (await (await get('/acs/api/v1/groups')).json()) as { array: { gid: string }[] };
    expect(array.map((g) => g.gid)).toEqual(['superusers', 'operators', 'developers', 'data-science', 'sre']);
    expect(await (await get('/acs/api/v1/groups/sre/users')).json()).toEqual({ array: [] });
  });

  it('takes an empty description and a provider_type', async () => {
    await expectEmpty(
      await send('PUT', '/acs/api/v1/groups/ldap-admins', { description: '', provider_type: 'ldap' }),
      201,
    );
    expect(await (await get('/acs/api/v1/groups/ldap-admins')).json()).toEqual(group('ldap-admins', '', 'ldap'));
  });

  it.each(['a', 'team-payments-12', 'A_b.c@d', 'g'.repeat(96)])('accepts the gid %j', async (gid) => {
    await expectEmpty(await send('PUT', `/acs/api/v1/groups/${encodeURIComponent(gid)}`, { description: 'ok' }), 201);
    expect(db().groups.has(gid)).toBe(true);
  });

  it.each(['a!', 'with space', 'g'.repeat(97), 'ümlaut', 'a:b'])(
    'refuses the gid %j with ERR_INVALID_GROUP_ID',
    async (gid) => {
      await expectIamError(
        await send('PUT', `/acs/api/v1/groups/${encodeURIComponent(gid)}`, { description: 'bad' }),
        400,
        { ...BAD_REQUEST, description: `Invalid group ID: ${gid}`, code: 'ERR_INVALID_GROUP_ID' },
      );
      expect(db().groups.has(gid)).toBe(false);
    },
  );

  it('answers an existing gid with 409 ERR_GROUP_EXISTS and leaves the group alone', async () => {
    await expectIamError(await send('PUT', '/acs/api/v1/groups/operators', { description: 'Other' }), 409, {
      title: 'Conflict',
      description: 'Group with id `operators` already exists.',
      code: 'ERR_GROUP_EXISTS',
    });
    expect(await (await get('/acs/api/v1/groups/operators')).json()).toEqual(GROUPS.operators);
    expect(members('operators')).toEqual(['alice']);
  });

  it.each([
    ['no description', {}, "'description' is a required property"],
    ['only a provider_type', { provider_type: 'ldap' }, "'description' is a required property"],
    ['a numeric description', { description: 42 }, "42 is not of type 'string'"],
    [
      'an unknown property',
      { description: 'x', members: ['alice'] },
      "Additional properties are not allowed ('members' was unexpected)",
    ],
  ])('refuses %s with "Unexpected JSON input" and no code', async (_what, body, text) => {
    await expectIamError(await send('PUT', '/acs/api/v1/groups/newgroup', body), 400, hint(text));
    expect(db().groups.has('newgroup')).toBe(false);
  });

  it('refuses an unknown provider_type with ERR_INVALID_DATA', async () => {
    await expectIamError(
      await send('PUT', '/acs/api/v1/groups/newgroup', { description: 'x', provider_type: 'nis' }),
      400,
      { ...BAD_REQUEST, description: 'Invalid provider_type: nis', code: 'ERR_INVALID_DATA' },
    );
  });

  it('refuses a body that is not a JSON object', async () => {
    await expectIamError(await send('PUT', '/acs/api/v1/groups/newgroup', 'nope'), 400, {
      ...BAD_REQUEST,
      description: 'Request has bad Content-Type or lacks JSON data.',
    });
  });
});

describe('PATCH /acs/api/v1/groups/{gid}', () => {
  it('changes the description: 204 with an empty body', async () => {
    await expectEmpty(await send('PATCH', '/acs/api/v1/groups/operators', { description: 'Ops team' }), 204);
    expect(await (await get('/acs/api/v1/groups/operators')).json()).toEqual(group('operators', 'Ops team'));
  });

  it('answers an unknown gid with 400 ERR_UNKNOWN_GROUP_ID', async () => {
    await expectIamError(
      await send('PATCH', '/acs/api/v1/groups/nogroup', { description: 'x' }),
      400,
      unknownGroup('nogroup'),
    );
  });

  it.each([
    [{}, "'description' is a required property"],
    [
      { description: 'x', provider_type: 'ldap' },
      "Additional properties are not allowed ('provider_type' was unexpected)",
    ],
    [{ description: false }, "False is not of type 'string'"],
  ])('refuses %j with "Unexpected JSON input"', async (body, text) => {
    await expectIamError(await send('PATCH', '/acs/api/v1/groups/operators', body), 400, hint(text));
    expect(db().groups.get('operators')?.description).toBe('Cluster operators');
  });
});

describe('DELETE /acs/api/v1/groups/{gid}', () => {
  it('deletes the group with its memberships and grants; the members and ACLs stay', async () => {
    await expectEmpty(await send('DELETE', '/acs/api/v1/groups/developers'), 204);
    await expectIamError(await get('/acs/api/v1/groups/developers'), 400, unknownGroup('developers'));
    expect(db().memberships.has('developers')).toBe(false);
    expect(db().users.has('carol')).toBe(true);
    expect(await (await get('/acs/api/v1/users/carol/groups')).json()).toEqual({ array: [] });
    expect(db().acls.get('dcos:service:marathon:marathon:services:/dev')?.groups.size).toBe(0);
    expect([...(db().acls.get('dcos:adminrouter:service:marathon')?.groups.keys() ?? [])]).toEqual(['data-science']);
    expect(await (await get('/acs/api/v1/users/jenkins/permissions')).json()).toEqual({
      direct: [expect.objectContaining({ rid: 'dcos:secrets:default:/jenkins/*' })],
      groups: [],
    });
  });

  it('takes away the permissions the members had through the group', async () => {
    const aliceToken = await loginAs(simulator, 'alice', 'alice-pass');
    const metadata = () =>
      simulator.handle(apiRequest('/dcos-metadata/bootstrap-config.json', { via: 'token', token: aliceToken }));
    expect((await metadata()).status).toBe(200);
    await expectEmpty(await send('DELETE', '/acs/api/v1/groups/operators'), 204);
    expect((await metadata()).status).toBe(403);
  });

  it('answers an unknown gid with 400 ERR_UNKNOWN_GROUP_ID', async () => {
    await expectIamError(await send('DELETE', '/acs/api/v1/groups/nogroup'), 400, unknownGroup('nogroup'));
  });

  it('refuses to delete superusers with 400 ERR_IS_SUPERUSER_GROUP', async () => {
    await expectIamError(await send('DELETE', '/acs/api/v1/groups/superusers'), 400, {
      ...BAD_REQUEST,
      description: 'The `superusers` group must have `full` permission on the `dcos:superuser` resource.',
      code: 'ERR_IS_SUPERUSER_GROUP',
    });
    expect(members('superusers')).toEqual(['bootstrapuser']);
    expect(db().acls.get('dcos:superuser')?.groups.has('superusers')).toBe(true);
  });
});

describe('GET /acs/api/v1/groups/{gid}/users', () => {
  it('lists the regular members, local and remote, with membership urls', async () => {
    const response = await get('/acs/api/v1/groups/developers/users');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual({
      array: [
        {
          membershipurl: '/acs/api/v1/groups/developers/users/carol',
          user: user('carol', 'Carol Jensen', { is_remote: true, provider_type: 'ldap' }),
        },
        {
          membershipurl: '/acs/api/v1/groups/developers/users/erin.lopez@example.com',
          user: user('erin.lopez@example.com', 'Erin Lopez', {
            is_remote: true,
            provider_type: 'saml',
            provider_id: 'okta-saml',
          }),
        },
      ],
    });
  });

  it('lists only the service-account members for ?type=service', async () => {
    expect(await (await get('/acs/api/v1/groups/developers/users?type=service')).json()).toEqual({
      array: [
        {
          membershipurl: '/acs/api/v1/groups/developers/users/jenkins',
          user: user('jenkins', 'Jenkins CI pipelines', { is_service: true, public_key: JENKINS_PUBLIC_KEY }),
        },
      ],
    });
    expect(await (await get('/acs/api/v1/groups/operators/users?type=service')).json()).toEqual({ array: [] });
  });

  it('lists bootstrapuser in superusers', async () => {
    expect(await (await get('/acs/api/v1/groups/superusers/users')).json()).toEqual({
      array: [
        {
          membershipurl: '/acs/api/v1/groups/superusers/users/bootstrapuser',
          user: user('bootstrapuser', 'Bootstrap superuser'),
        },
      ],
    });
  });

  it('answers an unknown gid with 400 ERR_UNKNOWN_GROUP_ID', async () => {
    await expectIamError(await get('/acs/api/v1/groups/nogroup/users'), 400, unknownGroup('nogroup'));
  });
});

describe('PUT /acs/api/v1/groups/{gid}/users/{uid}', () => {
  it('adds the account: 204, empty body, and the member gains the group permissions', async () => {
    const bobToken = await loginAs(simulator, 'bob', 'bob-pass');
    const metadata = () =>
      simulator.handle(apiRequest('/dcos-metadata/bootstrap-config.json', { via: 'token', token: bobToken }));
    expect((await metadata()).status).toBe(403);
    await expectEmpty(await send('PUT', '/acs/api/v1/groups/operators/users/bob'), 204);
    expect(members('operators')).toEqual(['alice', 'bob']);
    expect((await metadata()).status).toBe(200);
    expect(await (await get('/acs/api/v1/users/bob/groups')).json()).toEqual({
      array: [{ membershipurl: '/acs/api/v1/groups/operators/users/bob', group: GROUPS.operators }],
    });
  });

  it('adds service accounts and remote users, and ignores a body', async () => {
    await expectEmpty(await send('PUT', '/acs/api/v1/groups/operators/users/dcos_marathon', { ignored: true }), 204);
    await expectEmpty(await send('PUT', '/acs/api/v1/groups/operators/users/dave.kim%40example.com'), 204);
    expect(members('operators')).toEqual(['alice', 'dcos_marathon', 'dave.kim@example.com']);
  });

  it('answers a member with 409 ERR_USER_ALREADY_IN_GROUP', async () => {
    await expectIamError(await send('PUT', '/acs/api/v1/groups/operators/users/alice'), 409, {
      title: 'Conflict',
      description: 'User `alice` is already a member of group `operators`.',
      code: 'ERR_USER_ALREADY_IN_GROUP',
    });
  });

  it('answers an unknown group, then an unknown user, with 400', async () => {
    await expectIamError(await send('PUT', '/acs/api/v1/groups/nogroup/users/nobody'), 400, unknownGroup('nogroup'));
    await expectIamError(await send('PUT', '/acs/api/v1/groups/operators/users/nobody'), 400, unknownUser('nobody'));
    expect(members('operators')).toEqual(['alice']);
  });
});

describe('DELETE /acs/api/v1/groups/{gid}/users/{uid}', () => {
  it('removes the account: 204, empty body, and the group permissions go with it', async () => {
    const aliceToken = await loginAs(simulator, 'alice', 'alice-pass');
    await expectEmpty(await send('DELETE', '/acs/api/v1/groups/operators/users/alice'), 204);
    expect(members('operators')).toEqual([]);
    expect(db().users.has('alice')).toBe(true);
    const metadata = await simulator.handle(
      apiRequest('/dcos-metadata/bootstrap-config.json', { via: 'token', token: aliceToken }),
    );
    expect(metadata.status).toBe(403);
  });

  it('answers a non-member with 400 ERR_USER_NOT_IN_GROUP', async () => {
    await expectIamError(await send('DELETE', '/acs/api/v1/groups/operators/users/bob'), 400, {
      ...BAD_REQUEST,
      description: 'User `bob` is not a member of group `operators`.',
      code: 'ERR_USER_NOT_IN_GROUP',
    });
  });

  it('answers an unknown group, then an unknown user, with 400', async () => {
    await expectIamError(await send('DELETE', '/acs/api/v1/groups/nogroup/users/alice'), 400, unknownGroup('nogroup'));
    await expectIamError(await send('DELETE', '/acs/api/v1/groups/operators/users/nobody'), 400, unknownUser('nobody'));
  });

  it('refuses to remove the last member of superusers with ERR_NO_MORE_SUPERUSERS', async () => {
    await expectIamError(await send('DELETE', '/acs/api/v1/groups/superusers/users/bootstrapuser'), 400, {
      ...BAD_REQUEST,
      description: 'Last member from `superusers` group cannot be removed',
      code: 'ERR_NO_MORE_SUPERUSERS',
    });
    expect(members('superusers')).toEqual(['bootstrapuser']);
  });

  it('removes a superuser while another member remains, then protects the last one', async () => {
    await expectEmpty(await send('PUT', '/acs/api/v1/groups/superusers/users/alice'), 204);
    await expectEmpty(await send('DELETE', '/acs/api/v1/groups/superusers/users/bootstrapuser'), 204);
    expect(members('superusers')).toEqual(['alice']);
    const aliceToken = await loginAs(simulator, 'alice', 'alice-pass');
    const response = await simulator.handle(
      iamRequest('DELETE', '/acs/api/v1/groups/superusers/users/alice', aliceToken),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('ERR_NO_MORE_SUPERUSERS');
  });

  it('does not count deleted accounts as remaining superusers', async () => {
    addMember(db(), 'superusers', 'ghost');
    const response = await send('DELETE', '/acs/api/v1/groups/superusers/users/bootstrapuser');
    expect(response.status).toBe(400);
    expect(members('superusers')).toEqual(['bootstrapuser', 'ghost']);
  });
});

describe('GET /acs/api/v1/groups/{gid}/permissions', () => {
  it('lists the grants of the group with acl and action urls', async () => {
    const response = await get('/acs/api/v1/groups/data-science/permissions');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual({
      array: [
        {
          rid: 'dcos:adminrouter:service:marathon',
          description: 'Marathon UI and API',
          aclurl: '/acs/api/v1/acls/dcos:adminrouter:service:marathon',
          actions: [
            { name: 'full', url: '/acs/api/v1/acls/dcos:adminrouter:service:marathon/groups/data-science/full' },
          ],
        },
        {
          rid: 'dcos:service:marathon:marathon:services:/data-science',
          description: 'Marathon apps under /data-science',
          aclurl: '/acs/api/v1/acls/dcos:service:marathon:marathon:services:%252Fdata-science',
          actions: [
            {
              name: 'full',
              url: '/acs/api/v1/acls/dcos:service:marathon:marathon:services:%252Fdata-science/groups/data-science/full',
            },
          ],
        },
        {
          rid: 'dcos:secrets:default:/data-science/*',
          description: 'Data science secrets',
          aclurl: '/acs/api/v1/acls/dcos:secrets:default:%252Fdata-science%252F*',
          actions: [
            {
              name: 'read',
              url: '/acs/api/v1/acls/dcos:secrets:default:%252Fdata-science%252F*/groups/data-science/read',
            },
          ],
        },
      ],
    });
  });

  it('lists several actions on one rid, and the superuser grant', async () => {
    grant(db(), 'dcos:secrets:list:default:/', { gid: 'operators' }, 'read', 'List secrets');
    grant(db(), 'dcos:secrets:list:default:/', { gid: 'operators' }, 'update');
    const { array } = (await (await get('/acs/api/v1/groups/operators/permissions')).json()) as { array: unknown[] };
    expect(array[1]).toEqual({
      rid: 'dcos:secrets:list:default:/',
      description: 'List secrets',
      aclurl: '/acs/api/v1/acls/dcos:secrets:list:default:%252F',
      actions: [
        { name: 'read', url: '/acs/api/v1/acls/dcos:secrets:list:default:%252F/groups/operators/read' },
        { name: 'update', url: '/acs/api/v1/acls/dcos:secrets:list:default:%252F/groups/operators/update' },
      ],
    });
    expect(await (await get('/acs/api/v1/groups/superusers/permissions')).json()).toEqual({
      array: [
        {
          rid: 'dcos:superuser',
          description: 'Superuser ACL',
          aclurl: '/acs/api/v1/acls/dcos:superuser',
          actions: [{ name: 'full', url: '/acs/api/v1/acls/dcos:superuser/groups/superusers/full' }],
        },
      ],
    });
  });

  it('answers {"array":[]} for a group without grants', async () => {
    await send('PUT', '/acs/api/v1/groups/empty', { description: 'Empty' });
    expect(await (await get('/acs/api/v1/groups/empty/permissions')).json()).toEqual({ array: [] });
  });

  it('answers an unknown gid with 400 ERR_UNKNOWN_GROUP_ID', async () => {
    await expectIamError(await get('/acs/api/v1/groups/nogroup/permissions'), 400, unknownGroup('nogroup'));
  });
});

describe('Admin Router in front of the group routes', () => {
  const ROUTES: [string, string, unknown][] = [
    ['GET', '/acs/api/v1/groups', undefined],
    ['GET', '/acs/api/v1/groups/operators', undefined],
    ['PUT', '/acs/api/v1/groups/newgroup', { description: 'x' }],
    ['PATCH', '/acs/api/v1/groups/operators', { description: 'x' }],
    ['DELETE', '/acs/api/v1/groups/operators', undefined],
    ['GET', '/acs/api/v1/groups/operators/users', undefined],
    ['PUT', '/acs/api/v1/groups/operators/users/bob', undefined],
    ['DELETE', '/acs/api/v1/groups/operators/users/alice', undefined],
    ['GET', '/acs/api/v1/groups/operators/permissions', undefined],
  ];

  it.each(ROUTES)('%s %s needs a token', async (method, path, body) => {
    const response = await simulator.handle(
      apiRequest(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  });

  it.each(ROUTES)(
    '%s %s needs dcos:adminrouter:acs full: alice gets the 403 page and nothing changes',
    async (method, path, body) => {
      const aliceToken = await loginAs(simulator, 'alice', 'alice-pass');
      const response = await simulator.handle(iamRequest(method, path, aliceToken, body));
      expect(response.status).toBe(403);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(db().groups.has('newgroup')).toBe(false);
      expect(db().groups.get('operators')?.description).toBe('Cluster operators');
      expect(members('operators')).toEqual(['alice']);
    },
  );

  it('refuses a cookie-authenticated membership change without the CSRF header', async () => {
    const response = await simulator.handle(
      apiRequest('/acs/api/v1/groups/operators/users/bob', { via: 'cookie', token, method: 'PUT' }),
    );
    await expectIamError(response, 403, {
      title: 'Forbidden',
      description: 'Cookie-authenticated writes must carry the x-requested-with header.',
    });
    expect(members('operators')).toEqual(['alice']);
  });
});
