// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { grant } from '../db/entities.ts';
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
const PACKAGE = 'dcos:adminrouter:package';

const BAD_REQUEST = { title: 'Bad Request' };
const error = (code: string, description: string) => ({ ...BAD_REQUEST, description, code });
const unknownRid = (rid: string) =>
  error('ERR_UNKNOWN_RESOURCE_ID', `Protected resource with rid \`${rid}\` not known.`);
const invalidAction = (action: string) =>
  error('ERR_INVALID_ACTION', `Invalid action \`${action}\`: must be one of create, read, update, delete, full.`);
const SUPERUSER_GROUP = error(
  'ERR_IS_SUPERUSER_GROUP',
  'The `superusers` group must have `full` permission on the `dcos:superuser` resource.',
);
const NO_SUPERUSER_LEFT = error(
  'ERR_NO_MORE_SUPERUSERS',
  'At least one account must keep the `dcos:superuser` permission.',
);

/** The same routes for a user (bob) and a group (data-science, which holds nothing on the package ACL). */
const KINDS = [
  {
    kind: 'users',
    id: 'bob',
    noun: 'User',
    table: 'users',
    unknown: error('ERR_UNKNOWN_USER_ID', 'User with uid `ghost` not known.'),
  },
  {
    kind: 'groups',
    id: 'data-science',
    noun: 'Group',
    table: 'groups',
    unknown: error('ERR_UNKNOWN_GROUP_ID', 'Group with gid `ghost` not known.'),
  },
] as const;
type Kind = (typeof KINDS)[number];

const held = (kind: Kind, rid = PACKAGE) => db().acls.get(rid)?.[kind.table].get(kind.id);
const actions = async (kind: Kind, rid = PACKAGE) =>
  ((await (await get(`${ACLS}/${rid}/${kind.kind}/${kind.id}`)).json()) as { array: unknown[] }).array;
const allowed = async (path: string) => ((await (await get(path)).json()) as { allowed: boolean }).allowed;
const createPackageAcl = async () =>
  expectEmpty(await send('PUT', `${ACLS}/${PACKAGE}`, { description: 'Package API' }), 201);

describe.each(KINDS)('PUT /acls/{rid}/$kind/{id}/{action}', (kind) => {
  const path = (action: string, rid = PACKAGE, id: string = kind.id) => `${ACLS}/${rid}/${kind.kind}/${id}/${action}`;

  it('grants one action at a time (204, no body), listed as {name, url} in grant order', async () => {
    await createPackageAcl();
    await expectEmpty(await send('PUT', path('read')), 204);
    await expectEmpty(await send('PUT', path('update')), 204);
    expect(await actions(kind)).toEqual([
      { name: 'read', url: path('read') },
      { name: 'update', url: path('update') },
    ]);
    const permissions = (await (await get(`${ACLS}/${PACKAGE}/permissions`)).json()) as Record<
      string,
      { actions: unknown[] }[]
    >;
    expect(permissions[kind.kind]?.[0]?.actions).toHaveLength(2);
  });

  it('answers the exact action already held with 409 ERR_PERMISSION_EXISTS; another action is still granted', async () => {
    await createPackageAcl();
    await expectEmpty(await send('PUT', path('full')), 204);
    await expectIamError(await send('PUT', path('full')), 409, {
      title: 'Conflict',
      description: `${kind.noun} \`${kind.id}\` already has action \`full\` on resource \`${PACKAGE}\`.`,
      code: 'ERR_PERMISSION_EXISTS',
    });
    await expectEmpty(await send('PUT', path('read')), 204);
    expect(held(kind)).toEqual(new Set(['full', 'read']));
  });

  it('needs the ACL first: ERR_UNKNOWN_RESOURCE_ID, and no ACL is created on the way', async () => {
    await expectIamError(await send('PUT', path('read')), 400, unknownRid(PACKAGE));
    expect(db().acls.has(PACKAGE)).toBe(false);
  });

  it('needs the account to exist', async () => {
    await createPackageAcl();
    await expectIamError(await send('PUT', path('read', PACKAGE, 'ghost')), 400, kind.unknown);
    expect(db().acls.get(PACKAGE)?.[kind.table].size).toBe(0);
  });

  it.each(['write', 'FULL', 'all', 'admin'])('refuses the action %j with ERR_INVALID_ACTION', async (action) => {
    await createPackageAcl();
    await expectIamError(await send('PUT', path(action)), 400, invalidAction(action));
    expect(held(kind)).toBeUndefined();
  });

  it('refuses an invalid rid before anything else', async () => {
    await expectIamError(
      await send('PUT', path('write', 'dcos::x', 'ghost')),
      400,
      error('ERR_INVALID_RESOURCE_ID', 'Invalid resource ID: dcos::x'),
    );
  });
});

describe.each(KINDS)('DELETE /acls/{rid}/$kind/{id}/{action}', (kind) => {
  const path = (action: string, id: string = kind.id) => `${ACLS}/${PACKAGE}/${kind.kind}/${id}/${action}`;
  const notInAcl = error(
    `ERR_${kind.noun.toUpperCase()}_NOT_IN_ACL`,
    `${kind.noun} \`${kind.id}\` is not part of ACL for resource \`${PACKAGE}\``,
  );

  it('revokes one action; revoking the last one takes the account out of the ACL', async () => {
    await createPackageAcl();
    await send('PUT', path('read'));
    await send('PUT', path('delete'));
    await expectEmpty(await send('DELETE', path('read')), 204);
    expect(held(kind)).toEqual(new Set(['delete']));
    await expectEmpty(await send('DELETE', path('delete')), 204);
    expect(await actions(kind)).toEqual([]);
    expect(await (await get(`${ACLS}/${PACKAGE}/permissions`)).json()).toEqual({ users: [], groups: [] });
    await expectIamError(await send('DELETE', path('delete')), 400, notInAcl);
  });

  it('answers an action the account does not hold with ERR_ACTION_NOT_YET_STORED (full does not count as read)', async () => {
    await createPackageAcl();
    await send('PUT', path('full'));
    await expectIamError(
      await send('DELETE', path('read')),
      400,
      error(
        'ERR_ACTION_NOT_YET_STORED',
        `Action \`read\` unknown for ${kind.kind.slice(0, -1)} \`${kind.id}\` in ACL for resource \`${PACKAGE}\``,
      ),
    );
    expect(held(kind)).toEqual(new Set(['full']));
  });

  it(`answers an account without an entry with ERR_${kind.noun.toUpperCase()}_NOT_IN_ACL`, async () => {
    await createPackageAcl();
    await expectIamError(await send('DELETE', path('read')), 400, notInAcl);
  });

  it('answers an unknown ACL, account or action with their own errors', async () => {
    await expectIamError(await send('DELETE', path('read')), 400, unknownRid(PACKAGE));
    await createPackageAcl();
    await expectIamError(await send('DELETE', path('read', 'ghost')), 400, kind.unknown);
    await expectIamError(await send('DELETE', path('everything')), 400, invalidAction('everything'));
  });
});

describe.each(KINDS)('GET and DELETE /acls/{rid}/$kind/{id}', (kind) => {
  const path = (id: string = kind.id, rid = PACKAGE) => `${ACLS}/${rid}/${kind.kind}/${id}`;

  it('lists nothing for a known account without an entry, and refuses unknown accounts and rids', async () => {
    await createPackageAcl();
    expect(await (await get(path())).json()).toEqual({ array: [] });
    await expectIamError(await get(path('ghost')), 400, kind.unknown);
    await expectIamError(
      await get(path(kind.id, 'dcos:adminrouter:licensing')),
      400,
      unknownRid('dcos:adminrouter:licensing'),
    );
  });

  it('DELETE takes every action of the account at once', async () => {
    await createPackageAcl();
    for (const action of ['create', 'read', 'full']) await send('PUT', `${path()}/${action}`);
    await expectEmpty(await send('DELETE', path()), 204);
    expect(held(kind)).toBeUndefined();
    expect(await (await get(path())).json()).toEqual({ array: [] });
    await expectIamError(
      await send('DELETE', path()),
      400,
      error(
        `ERR_${kind.noun.toUpperCase()}_NOT_IN_ACL`,
        `${kind.noun} \`${kind.id}\` is not part of ACL for resource \`${PACKAGE}\``,
      ),
    );
  });
});

describe('GET /acls/{rid}/users/{uid}/{action}: is the user allowed?', () => {
  const check = (rid: string, uid: string, action: string) =>
    allowed(`${ACLS}/${rid.replaceAll('/', '%252F')}/users/${uid}/${action}`);

  it('answers from direct grants: the action itself, or full for any action', async () => {
    await createPackageAcl();
    await send('PUT', `${ACLS}/${PACKAGE}/users/bob/read`);
    const response = await get(`${ACLS}/${PACKAGE}/users/bob/read`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ allowed: true });
    expect(await check(PACKAGE, 'bob', 'update')).toBe(false);
    await send('PUT', `${ACLS}/${PACKAGE}/users/bob/full`);
    expect(await check(PACKAGE, 'bob', 'update')).toBe(true);
  });

  it("counts the user's groups: erin through data-science on the slashed rids", async () => {
    expect(await check('dcos:secrets:default:/data-science/*', 'erin.lopez@example.com', 'read')).toBe(true);
    expect(await check('dcos:secrets:default:/data-science/*', 'erin.lopez@example.com', 'update')).toBe(false);
    expect(await check('dcos:service:marathon:marathon:services:/dev', 'erin.lopez@example.com', 'delete')).toBe(true);
    expect(await check('dcos:service:marathon:marathon:services:/dev', 'dave.kim@example.com', 'read')).toBe(false);
  });

  it('says yes to a superuser for any rid, even one without an ACL, and no to others there', async () => {
    expect(db().acls.has('dcos:adminrouter:ops:exhibitor')).toBe(false);
    expect(await check('dcos:adminrouter:ops:exhibitor', 'bootstrapuser', 'full')).toBe(true);
    expect(await check('dcos:adminrouter:ops:exhibitor', 'bob', 'full')).toBe(false);
    grant(db(), 'dcos:superuser', { uid: 'bob' }, 'read');
    expect(await check('dcos:adminrouter:ops:exhibitor', 'bob', 'delete')).toBe(true);
  });

  it("is the IAM's answer, not the security mode's: permissive mode does not enforce dcos:mesos, the grants still say no", async () => {
    simulator.context.reset({ securityMode: 'permissive' });
    expect(await check('dcos:mesos:master:task:app_id', 'bob', 'create')).toBe(false);
    expect(await check('dcos:mesos:master:task:app_id', 'dcos_marathon', 'create')).toBe(true);
  });

  it('refuses an unknown user, an invalid action and an invalid rid', async () => {
    await expectIamError(
      await get(`${ACLS}/dcos:superuser/users/ghost/read`),
      400,
      error('ERR_UNKNOWN_USER_ID', 'User with uid `ghost` not known.'),
    );
    await expectIamError(await get(`${ACLS}/dcos:superuser/users/bob/own`), 400, invalidAction('own'));
    await expectIamError(
      await get(`${ACLS}/superuser/users/bob/read`),
      400,
      error('ERR_INVALID_RESOURCE_ID', 'Invalid resource ID: superuser'),
    );
  });
});

describe('GET /acls/{rid}/groups/{gid}/{action}: is the group allowed?', () => {
  const check = (rid: string, gid: string, action: string) =>
    allowed(`${ACLS}/${rid.replaceAll('/', '%252F')}/groups/${gid}/${action}`);

  it("answers from the group's own grants only", async () => {
    expect(await check('dcos:secrets:default:/data-science/*', 'data-science', 'read')).toBe(true);
    expect(await check('dcos:secrets:default:/data-science/*', 'data-science', 'delete')).toBe(false);
    expect(await check('dcos:adminrouter:service:marathon', 'developers', 'update')).toBe(true);
    // A member's direct grant is not the group's.
    grant(db(), 'dcos:adminrouter:ops:metadata', { uid: 'carol' }, 'full');
    expect(await check('dcos:adminrouter:ops:metadata', 'developers', 'read')).toBe(false);
  });

  it('says yes for any rid to a group holding dcos:superuser', async () => {
    expect(await check('dcos:made:up', 'superusers', 'delete')).toBe(true);
    expect(await check('dcos:made:up', 'operators', 'read')).toBe(false);
  });

  it('refuses an unknown group', async () => {
    await expectIamError(
      await get(`${ACLS}/dcos:superuser/groups/ghost/read`),
      400,
      error('ERR_UNKNOWN_GROUP_ID', 'Group with gid `ghost` not known.'),
    );
  });
});

describe('superuser protections', () => {
  it('keeps `full` of the superusers group on dcos:superuser, one action or the whole entry', async () => {
    await expectIamError(await send('DELETE', `${ACLS}/dcos:superuser/groups/superusers/full`), 400, SUPERUSER_GROUP);
    await expectIamError(await send('DELETE', `${ACLS}/dcos:superuser/groups/superusers`), 400, SUPERUSER_GROUP);
    expect(db().acls.get('dcos:superuser')?.groups.get('superusers')).toEqual(new Set(['full']));
  });

  it("lets other actions of the superusers group and other accounts' superuser grants go", async () => {
    await expectEmpty(await send('PUT', `${ACLS}/dcos:superuser/groups/superusers/read`), 204);
    await expectEmpty(await send('DELETE', `${ACLS}/dcos:superuser/groups/superusers/read`), 204);
    await expectEmpty(await send('PUT', `${ACLS}/dcos:superuser/users/bob/full`), 204);
    await expectEmpty(await send('DELETE', `${ACLS}/dcos:superuser/users/bob/full`), 204);
    await expectEmpty(await send('PUT', `${ACLS}/dcos:superuser/groups/operators/full`), 204);
    await expectEmpty(await send('DELETE', `${ACLS}/dcos:superuser/groups/operators`), 204);
    expect(db().acls.get('dcos:superuser')?.users.size).toBe(0);
    expect([...(db().acls.get('dcos:superuser')?.groups.keys() ?? [])]).toEqual(['superusers']);
  });

  it('refuses a revoke that would leave no account with superuser access (ERR_NO_MORE_SUPERUSERS)', async () => {
    // A state the API never makes (the last member of `superusers` cannot leave), set up directly: bob is the only one.
    db().memberships.get('superusers')?.clear();
    grant(db(), 'dcos:superuser', { uid: 'bob' }, 'full');
    grant(db(), 'dcos:superuser', { uid: 'bob' }, 'read');
    const bob = await loginAs(simulator, 'bob', 'bob-pass');
    const as = (method: string, path: string) => simulator.handle(iamRequest(method, path, bob));
    await expectEmpty(await as('DELETE', `${ACLS}/dcos:superuser/users/bob/read`), 204);
    await expectIamError(await as('DELETE', `${ACLS}/dcos:superuser/users/bob/full`), 400, NO_SUPERUSER_LEFT);
    await expectIamError(await as('DELETE', `${ACLS}/dcos:superuser/users/bob`), 400, NO_SUPERUSER_LEFT);
    expect(db().acls.get('dcos:superuser')?.users.get('bob')).toEqual(new Set(['full']));
    // With another superuser around, bob may go.
    grant(db(), 'dcos:superuser', { gid: 'operators' }, 'full');
    await expectEmpty(await as('DELETE', `${ACLS}/dcos:superuser/users/bob`), 204);
  });
});

describe('a grant made through the API authorizes at Admin Router', () => {
  const bobGetsUsers = async () => {
    const bob = await loginAs(simulator, 'bob', 'bob-pass');
    return (await simulator.handle(apiRequest('/acs/api/v1/users', { via: 'cookie', token: bob }))).status;
  };

  it('bob, granted dcos:adminrouter:acs full directly, may use the IAM until it is revoked', async () => {
    expect(await bobGetsUsers()).toBe(403);
    await expectEmpty(await send('PUT', `${ACLS}/dcos:adminrouter:acs`, { description: 'IAM API' }), 201);
    await expectEmpty(await send('PUT', `${ACLS}/dcos:adminrouter:acs/users/bob/read`), 204);
    expect(await bobGetsUsers()).toBe(403); // Admin Router wants full
    await expectEmpty(await send('PUT', `${ACLS}/dcos:adminrouter:acs/users/bob/full`), 204);
    expect(await bobGetsUsers()).toBe(200);
    await expectEmpty(await send('DELETE', `${ACLS}/dcos:adminrouter:acs/users/bob`), 204);
    expect(await bobGetsUsers()).toBe(403);
  });

  it('bob, added to a group granted dcos:adminrouter:acs full, may use the IAM', async () => {
    await send('PUT', `${ACLS}/dcos:adminrouter:acs`, { description: 'IAM API' });
    await expectEmpty(await send('PUT', `${ACLS}/dcos:adminrouter:acs/groups/developers/full`), 204);
    expect(await bobGetsUsers()).toBe(403);
    await expectEmpty(await send('PUT', '/acs/api/v1/groups/developers/users/bob'), 204);
    expect(await bobGetsUsers()).toBe(200);
    await expectEmpty(await send('DELETE', `${ACLS}/dcos:adminrouter:acs/groups/developers/full`), 204);
    expect(await bobGetsUsers()).toBe(403);
  });
});
