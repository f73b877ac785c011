// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { addAcl, grant } from '../db/entities.ts';
import { simulator } from '../node.ts';
import { apiRequest, expectEmpty, expectIamError, iamRequest, loginAs } from '../test-support.ts';

let token: string;
beforeAll(async () => {
  token = await loginAs(simulator, 'bootstrapuser', 'deleteme');
});

const db = () => simulator.context.defaultDb;
const get = (path: string) => simulator.handle(apiRequest(path, { via: 'token', token }));
const send = (method: string, path: string, body?: unknown) => simulator.handle(iamRequest(method, path, token, body));
const ACLS = '/acs/api/v1/acls';

const acl = (rid: string, description: string) => ({
  rid,
  url: `${ACLS}/${rid.replaceAll('/', '%252F')}`,
  description,
});
/** The seed's ACLs in rid order (UTF-16 code units). */
const SEEDED = [
  acl('dcos:adminrouter:ops:metadata', 'Cluster metadata'),
  acl('dcos:adminrouter:service:marathon', 'Marathon UI and API'),
  acl('dcos:mesos:master:framework:role:slave_public', 'Register with the slave_public role'),
  acl('dcos:mesos:master:task:app_id', 'Launch Mesos tasks'),
  acl('dcos:mesos:master:task:user:nobody', 'Run Mesos tasks as nobody'),
  acl('dcos:secrets:default:/data-science/*', 'Data science secrets'),
  acl('dcos:secrets:default:/group/spark/aws-secret-key', 'Spark AWS secret key'),
  acl('dcos:secrets:default:/jenkins/*', 'Jenkins secrets'),
  acl('dcos:secrets:list:default:/group', 'List the secrets under group'),
  acl('dcos:service:marathon:marathon:services:/data-science', 'Marathon apps under /data-science'),
  acl('dcos:service:marathon:marathon:services:/dev', 'Marathon apps under /dev'),
  acl('dcos:superuser', 'Superuser ACL'),
];

const BAD_REQUEST = { title: 'Bad Request' };
const unknownRid = (rid: string) => ({
  ...BAD_REQUEST,
  description: `Protected resource with rid \`${rid}\` not known.`,
  code: 'ERR_UNKNOWN_RESOURCE_ID',
});
const invalidRid = (rid: string) => ({
  ...BAD_REQUEST,
  description: `Invalid resource ID: ${rid}`,
  code: 'ERR_INVALID_RESOURCE_ID',
});
const hint = (text: string) => ({ ...BAD_REQUEST, description: `Unexpected JSON input. Hint: ${text}` });
/** The path segment for any rid: `/` double-encoded as the IAM wants it, every other special character encoded once. */
const segment = (rid: string) => encodeURIComponent(rid.replaceAll('/', '%2F'));
const rids = async () =>
  ((await (await get(ACLS)).json()) as { array: { rid: string }[] }).array.map((entry) => entry.rid);

describe('GET /acs/api/v1/acls', () => {
  it('lists every ACL as {rid, url, description} sorted by rid, `/` written %252F in the url', async () => {
    const response = await get(ACLS);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.json()).toEqual({ array: SEEDED });
  });

  it('ignores the undocumented ?type= the old UI sends', async () => {
    expect(await (await get(`${ACLS}?type=services`)).json()).toEqual({ array: SEEDED });
  });

  it('follows every change: creates, description edits, deletes, recreations and grants made outside the API', async () => {
    await get(ACLS); // fills the kept order and texts
    await expectEmpty(await send('PUT', `${ACLS}/dcos:adminrouter:acs`, { description: 'IAM API' }), 201);
    expect((await rids()).slice(0, 2)).toEqual(['dcos:adminrouter:acs', 'dcos:adminrouter:ops:metadata']);
    await expectEmpty(await send('PATCH', `${ACLS}/dcos:adminrouter:acs`, { description: 'Renamed' }), 204);
    expect(((await (await get(ACLS)).json()) as { array: unknown[] }).array[0]).toEqual(
      acl('dcos:adminrouter:acs', 'Renamed'),
    );
    await expectEmpty(await send('DELETE', `${ACLS}/dcos:adminrouter:ops:metadata`), 204);
    expect(await rids()).not.toContain('dcos:adminrouter:ops:metadata');
    // Outside the API, one ACL goes and another comes: the same size, a different set, so the kept order is stale.
    db().acls.delete('dcos:mesos:master:task:user:nobody');
    grant(db(), 'dcos:cluster:linker:*', { uid: 'bob' }, 'read', 'Linked clusters');
    const gone = new Set(['dcos:adminrouter:ops:metadata', 'dcos:mesos:master:task:user:nobody']);
    const expected = [
      ...SEEDED.map((entry) => entry.rid).filter((rid) => !gone.has(rid)),
      'dcos:adminrouter:acs',
      'dcos:cluster:linker:*',
    ];
    expect(await rids()).toEqual(expected.sort());
    // The same rid, a new ACL object: the list must show the live one.
    const rid = 'dcos:service:marathon:marathon:services:/dev';
    db().acls.delete(rid);
    addAcl(db(), rid, 'Recreated');
    const { array } = (await (await get(ACLS)).json()) as { array: { rid: string }[] };
    expect(array.find((entry) => entry.rid === rid)).toEqual(acl(rid, 'Recreated'));
  });
});

describe('GET /acs/api/v1/acls/{rid}', () => {
  it('answers the ACL object', async () => {
    const response = await get(`${ACLS}/dcos:adminrouter:service:marathon`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(acl('dcos:adminrouter:service:marathon', 'Marathon UI and API'));
  });

  it('reads a `/` in the rid from %252F', async () => {
    expect(await (await get(`${ACLS}/dcos:secrets:default:%252Fdata-science%252F*`)).json()).toEqual(
      acl('dcos:secrets:default:/data-science/*', 'Data science secrets'),
    );
  });

  it('answers an unknown rid with 400 ERR_UNKNOWN_RESOURCE_ID', async () => {
    await expectIamError(
      await get(`${ACLS}/dcos:adminrouter:ops:exhibitor`),
      400,
      unknownRid('dcos:adminrouter:ops:exhibitor'),
    );
  });

  it('treats a raw `/` as a different path, not as part of the rid', async () => {
    await expectIamError(await get(`${ACLS}/dcos:service:marathon:marathon:services:/dev`), 404, {
      title: 'Not Found',
      description: 'The requested resource could not be found.',
    });
  });
});

describe('PUT /acs/api/v1/acls/{rid}', () => {
  it('creates an ACL without grants: 201 with an empty body', async () => {
    await expectEmpty(await send('PUT', `${ACLS}/dcos:adminrouter:package`, { description: 'Package API' }), 201);
    expect(await (await get(`${ACLS}/dcos:adminrouter:package`)).json()).toEqual(
      acl('dcos:adminrouter:package', 'Package API'),
    );
    expect(await (await get(`${ACLS}/dcos:adminrouter:package/permissions`)).json()).toEqual({ users: [], groups: [] });
  });

  it.each([
    ['dcos:service:marathon:marathon:services:%252Fdev%252Fapp', 'dcos:service:marathon:marathon:services:/dev/app'],
    ['dcos:mesos:master:task:app_id:%252Fgroup', 'dcos:mesos:master:task:app_id:/group'],
  ])('round-trips %s: stored with `/`, listed and linked with %252F', async (path, rid) => {
    await expectEmpty(await send('PUT', `${ACLS}/${path}`, { description: 'Slashes' }), 201);
    expect(db().acls.get(rid)?.description).toBe('Slashes');
    const { array } = (await (await get(ACLS)).json()) as { array: { rid: string; url: string }[] };
    const listed = array.find((entry) => entry.rid === rid);
    expect(listed?.url).toBe(`${ACLS}/${path}`);
    expect(await (await get(listed?.url ?? '')).json()).toEqual({
      rid,
      url: `${ACLS}/${path}`,
      description: 'Slashes',
    });
    await expectEmpty(await send('PUT', `${ACLS}/${path}/users/bob/read`), 204);
    expect(await (await get(`${ACLS}/${path}/users/bob`)).json()).toEqual({
      array: [{ name: 'read', url: `${ACLS}/${path}/users/bob/read` }],
    });
  });

  it.each([
    'dcos:secrets:default:/team.a/*',
    'dcos:mesos:master:task:user:svc@example.com',
    'dcos:mesos:master:framework:role:slave_public/kubernetes-role',
    'dcos:cluster:linker:*',
    'dcos:service:marathon:marathon:services:/',
    `dcos:${'x'.repeat(507)}`,
  ])('accepts the rid %s', async (rid) => {
    await expectEmpty(await send('PUT', `${ACLS}/${segment(rid)}`, { description: 'ok' }), 201);
    expect(db().acls.has(rid)).toBe(true);
  });

  it.each([
    'dcos',
    'marathon:services',
    'DCOS:superuser',
    'dcos:',
    'dcos::adminrouter',
    'dcos:adminrouter:',
    'dcos:with space',
    'dcos:ümlaut',
    'dcos:quote"d',
    `dcos:${'x'.repeat(508)}`,
  ])('refuses the rid %j with ERR_INVALID_RESOURCE_ID', async (rid) => {
    await expectIamError(await send('PUT', `${ACLS}/${segment(rid)}`, { description: 'bad' }), 400, invalidRid(rid));
    expect(db().acls.has(rid)).toBe(false);
  });

  it('refuses a rid whose second decoding fails (%25ZZ arrives as %ZZ)', async () => {
    await expectIamError(
      await send('PUT', `${ACLS}/dcos:bad%25ZZ`, { description: 'x' }),
      400,
      invalidRid('dcos:bad%ZZ'),
    );
  });

  it('refuses a malformed escape MSW itself cannot decode, after the token check', async () => {
    await expectIamError(
      await send('PUT', `${ACLS}/dcos:bad%ZZ`, { description: 'x' }),
      400,
      invalidRid('dcos:bad%ZZ'),
    );
    await expectIamError(await get(`${ACLS}/dcos:superuser/users/%E0%A4%A`), 400, {
      ...BAD_REQUEST,
      description: 'Malformed percent-escape in the request path.',
    });
    expect((await simulator.handle(apiRequest(`${ACLS}/dcos:bad%ZZ`))).status).toBe(401);
    expect(await rids()).toEqual(SEEDED.map((entry) => entry.rid));
  });

  it('answers an existing rid with 409 ERR_ACL_EXISTS and leaves the ACL alone', async () => {
    await expectIamError(await send('PUT', `${ACLS}/dcos:superuser`, { description: 'Other' }), 409, {
      title: 'Conflict',
      description: 'ACL for resource `dcos:superuser` already exists.',
      code: 'ERR_ACL_EXISTS',
    });
    expect(db().acls.get('dcos:superuser')?.description).toBe('Superuser ACL');
    expect(db().acls.get('dcos:superuser')?.groups.get('superusers')).toEqual(new Set(['full']));
  });

  it.each([
    ['no body', undefined, { ...BAD_REQUEST, description: 'Request has bad Content-Type or lacks JSON data.' }],
    ['a JSON array', '[]', { ...BAD_REQUEST, description: 'Request has bad Content-Type or lacks JSON data.' }],
    ['an empty object', {}, hint("'description' is a required property")],
    ['a numeric description', { description: 5 }, hint("5 is not of type 'string'")],
    [
      'an unknown property',
      { description: 'x', users: [] },
      hint("Additional properties are not allowed ('users' was unexpected)"),
    ],
  ])('refuses %s and creates nothing', async (_what, body, error) => {
    await expectIamError(await send('PUT', `${ACLS}/dcos:adminrouter:package`, body), 400, error);
    expect(db().acls.has('dcos:adminrouter:package')).toBe(false);
  });
});

describe('PATCH /acs/api/v1/acls/{rid}', () => {
  it('changes the description: 204, grants untouched', async () => {
    await expectEmpty(
      await send('PATCH', `${ACLS}/dcos:adminrouter:service:marathon`, { description: 'Marathon' }),
      204,
    );
    expect(await (await get(`${ACLS}/dcos:adminrouter:service:marathon`)).json()).toEqual(
      acl('dcos:adminrouter:service:marathon', 'Marathon'),
    );
    expect([...(db().acls.get('dcos:adminrouter:service:marathon')?.groups.keys() ?? [])]).toEqual([
      'developers',
      'data-science',
    ]);
  });

  it('answers an unknown rid with ERR_UNKNOWN_RESOURCE_ID and creates nothing', async () => {
    await expectIamError(
      await send('PATCH', `${ACLS}/dcos:adminrouter:package`, { description: 'x' }),
      400,
      unknownRid('dcos:adminrouter:package'),
    );
    expect(db().acls.has('dcos:adminrouter:package')).toBe(false);
  });

  it('refuses a body without a description and an invalid rid', async () => {
    await expectIamError(
      await send('PATCH', `${ACLS}/dcos:superuser`, {}),
      400,
      hint("'description' is a required property"),
    );
    await expectIamError(await send('PATCH', `${ACLS}/dcos::x`, { description: 'x' }), 400, invalidRid('dcos::x'));
    expect(db().acls.get('dcos:superuser')?.description).toBe('Superuser ACL');
  });
});

describe('DELETE /acs/api/v1/acls/{rid}', () => {
  it('deletes the ACL with its grants; recreating it starts empty', async () => {
    await expectEmpty(await send('DELETE', `${ACLS}/dcos:service:marathon:marathon:services:%252Fdev`), 204);
    expect(await rids()).not.toContain('dcos:service:marathon:marathon:services:/dev');
    await expectIamError(
      await get(`${ACLS}/dcos:service:marathon:marathon:services:%252Fdev/permissions`),
      400,
      unknownRid('dcos:service:marathon:marathon:services:/dev'),
    );
    await expectEmpty(
      await send('PUT', `${ACLS}/dcos:service:marathon:marathon:services:%252Fdev`, { description: 'again' }),
      201,
    );
    expect(await (await get(`${ACLS}/dcos:service:marathon:marathon:services:%252Fdev/permissions`)).json()).toEqual({
      users: [],
      groups: [],
    });
  });

  it('refuses to delete dcos:superuser with ERR_IS_SUPERUSER_ACL', async () => {
    await expectIamError(await send('DELETE', `${ACLS}/dcos:superuser`), 400, {
      ...BAD_REQUEST,
      description: 'The `dcos:superuser` ACL cannot be deleted.',
      code: 'ERR_IS_SUPERUSER_ACL',
    });
    expect(db().acls.get('dcos:superuser')?.groups.get('superusers')).toEqual(new Set(['full']));
  });

  it('answers an unknown rid with ERR_UNKNOWN_RESOURCE_ID', async () => {
    await expectIamError(
      await send('DELETE', `${ACLS}/dcos:adminrouter:package`),
      400,
      unknownRid('dcos:adminrouter:package'),
    );
  });
});

describe('GET /acs/api/v1/acls/{rid}/permissions', () => {
  const action = (rid: string, kind: string, id: string, name: string) => ({
    name,
    url: `${ACLS}/${rid}/${kind}/${id}/${name}`,
  });

  it('lists the groups holding actions, with their urls and {name, url} actions', async () => {
    const rid = 'dcos:adminrouter:service:marathon';
    expect(await (await get(`${ACLS}/${rid}/permissions`)).json()).toEqual({
      users: [],
      groups: [
        {
          gid: 'developers',
          groupurl: '/acs/api/v1/groups/developers',
          actions: [action(rid, 'groups', 'developers', 'full')],
        },
        {
          gid: 'data-science',
          groupurl: '/acs/api/v1/groups/data-science',
          actions: [action(rid, 'groups', 'data-science', 'full')],
        },
      ],
    });
  });

  it('lists the users holding actions, every action of theirs, in grant order', async () => {
    const rid = 'dcos:mesos:master:task:app_id';
    await expectEmpty(await send('PUT', `${ACLS}/${rid}/users/dcos_marathon/read`), 204);
    expect(await (await get(`${ACLS}/${rid}/permissions`)).json()).toEqual({
      users: [
        {
          uid: 'dcos_marathon',
          userurl: '/acs/api/v1/users/dcos_marathon',
          actions: [action(rid, 'users', 'dcos_marathon', 'create'), action(rid, 'users', 'dcos_marathon', 'read')],
        },
        {
          uid: 'dcos_metronome',
          userurl: '/acs/api/v1/users/dcos_metronome',
          actions: [action(rid, 'users', 'dcos_metronome', 'create')],
        },
      ],
      groups: [],
    });
  });

  it('writes `/` as %252F in the action urls', async () => {
    expect(await (await get(`${ACLS}/dcos:secrets:default:%252Fjenkins%252F*/permissions`)).json()).toEqual({
      users: [
        {
          uid: 'jenkins',
          userurl: '/acs/api/v1/users/jenkins',
          actions: [{ name: 'read', url: `${ACLS}/dcos:secrets:default:%252Fjenkins%252F*/users/jenkins/read` }],
        },
      ],
      groups: [],
    });
  });

  it('answers an unknown rid with ERR_UNKNOWN_RESOURCE_ID', async () => {
    await expectIamError(await get(`${ACLS}/dcos:nothing/permissions`), 400, unknownRid('dcos:nothing'));
  });
});

describe('deleting an account removes its grants', () => {
  it('DELETE /users/{uid}: the user leaves every ACL, the ACLs stay', async () => {
    await expectEmpty(await send('PUT', `${ACLS}/dcos:adminrouter:service:marathon/users/carol/read`), 204);
    await expectEmpty(await send('DELETE', '/acs/api/v1/users/carol'), 204);
    const { users } = (await (await get(`${ACLS}/dcos:adminrouter:service:marathon/permissions`)).json()) as {
      users: unknown[];
    };
    expect(users).toEqual([]);
    expect(db().acls.get('dcos:adminrouter:service:marathon')?.users.has('carol')).toBe(false);
    // A new account of the same name starts without the old one's grants.
    await expectEmpty(await send('PUT', '/acs/api/v1/users/carol', { password: 'carol-pass' }), 201);
    expect(await (await get(`${ACLS}/dcos:adminrouter:service:marathon/users/carol`)).json()).toEqual({ array: [] });
  });

  it('DELETE /groups/{gid}: the group leaves every ACL, the ACLs stay', async () => {
    await expectEmpty(await send('DELETE', '/acs/api/v1/groups/developers'), 204);
    const { groups } = (await (await get(`${ACLS}/dcos:adminrouter:service:marathon/permissions`)).json()) as {
      groups: { gid: string }[];
    };
    expect(groups.map((group) => group.gid)).toEqual(['data-science']);
    expect(await (await get(`${ACLS}/dcos:service:marathon:marathon:services:%252Fdev/permissions`)).json()).toEqual({
      users: [],
      groups: [],
    });
  });
});

describe('Admin Router in front of the ACL routes', () => {
  const ROUTES: [string, string, unknown][] = [
    ['GET', ACLS, undefined],
    ['GET', `${ACLS}/dcos:superuser`, undefined],
    ['PUT', `${ACLS}/dcos:adminrouter:package`, { description: 'x' }],
    ['PATCH', `${ACLS}/dcos:superuser`, { description: 'x' }],
    ['DELETE', `${ACLS}/dcos:adminrouter:ops:metadata`, undefined],
    ['GET', `${ACLS}/dcos:superuser/permissions`, undefined],
    ['GET', `${ACLS}/dcos:superuser/users/bob`, undefined],
    ['DELETE', `${ACLS}/dcos:mesos:master:task:app_id/users/dcos_marathon`, undefined],
    ['GET', `${ACLS}/dcos:superuser/users/bob/full`, undefined],
    ['PUT', `${ACLS}/dcos:superuser/users/bob/full`, undefined],
    ['DELETE', `${ACLS}/dcos:mesos:master:task:app_id/users/dcos_marathon/create`, undefined],
    ['GET', `${ACLS}/dcos:adminrouter:service:marathon/groups/developers`, undefined],
    ['DELETE', `${ACLS}/dcos:adminrouter:service:marathon/groups/developers`, undefined],
    ['GET', `${ACLS}/dcos:adminrouter:service:marathon/groups/developers/full`, undefined],
    ['PUT', `${ACLS}/dcos:superuser/groups/operators/full`, undefined],
    ['DELETE', `${ACLS}/dcos:adminrouter:service:marathon/groups/developers/full`, undefined],
  ];
  const withBody = (body: unknown) => (body === undefined ? {} : { body: JSON.stringify(body) });
  const unchanged = () => {
    expect(db().acls.has('dcos:adminrouter:package')).toBe(false);
    expect(db().acls.has('dcos:adminrouter:ops:metadata')).toBe(true);
    expect(db().acls.get('dcos:superuser')?.description).toBe('Superuser ACL');
    expect(db().acls.get('dcos:superuser')?.users.size).toBe(0);
    expect(db().acls.get('dcos:superuser')?.groups.has('operators')).toBe(false);
    expect(db().acls.get('dcos:mesos:master:task:app_id')?.users.get('dcos_marathon')).toEqual(new Set(['create']));
    expect(db().acls.get('dcos:adminrouter:service:marathon')?.groups.get('developers')).toEqual(new Set(['full']));
  };

  it.each(ROUTES)('%s %s needs a token (the HTML 401 page)', async (method, path, body) => {
    const response = await simulator.handle(apiRequest(path, { method, ...withBody(body) }));
    expect(response.status).toBe(401);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    unchanged();
  });

  it.each(ROUTES)(
    '%s %s needs dcos:adminrouter:acs full (bob and alice get the 403 page, nothing changes)',
    async (method, path, body) => {
      for (const [uid, password] of [
        ['bob', 'bob-pass'],
        ['alice', 'alice-pass'],
      ] as const) {
        const other = await loginAs(simulator, uid, password);
        const response = await simulator.handle(iamRequest(method, path, other, body));
        expect(response.status).toBe(403);
        expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      }
      unchanged();
    },
  );

  it.each(ROUTES)('%s %s is allowed for bootstrapuser (a superuser)', async (method, path, body) => {
    const response = await send(method, path, body);
    expect(response.status).toBeLessThan(300);
  });

  it('refuses a cookie-authenticated write without the CSRF header, and takes it with the header', async () => {
    const request = (csrf: boolean) =>
      apiRequest(`${ACLS}/dcos:adminrouter:package`, {
        via: 'cookie',
        token,
        method: 'PUT',
        body: '{"description":"x"}',
        csrf,
      });
    const refused = await simulator.handle(request(false));
    expect(refused.status).toBe(403);
    expect(db().acls.has('dcos:adminrouter:package')).toBe(false);
    await expectEmpty(await simulator.handle(request(true)), 201);
    expect(db().acls.has('dcos:adminrouter:package')).toBe(true);
    const grantRequest = (csrf: boolean) =>
      apiRequest(`${ACLS}/dcos:adminrouter:package/users/bob/full`, { via: 'cookie', token, method: 'PUT', csrf });
    expect((await simulator.handle(grantRequest(false))).status).toBe(403);
    expect(db().acls.get('dcos:adminrouter:package')?.users.has('bob')).toBe(false);
    await expectEmpty(await simulator.handle(grantRequest(true)), 204);
  });
});
