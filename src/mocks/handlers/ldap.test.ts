// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { GROUPS_BASE, PEOPLE_BASE, presetLdapConfig } from '../db/directory.ts';
import { simulator } from '../node.ts';
import { expectEmpty, expectIamError, iamRequest, loginAs, loginRequest } from '../test-support.ts';

let token: string;
beforeAll(async () => {
  token = await loginAs(simulator, 'bootstrapuser', 'deleteme');
});

const db = () => simulator.context.defaultDb;
const send = (method: string, path: string, body?: unknown) => simulator.handle(iamRequest(method, path, token, body));
const LDAP = '/acs/api/v1/ldap';
const invalid = (description: string) => ({ title: 'Bad Request', description, code: 'ERR_LDAP_CONFIG_INVALID' });
const test = async (uid: string, password: string) => {
  const response = await send('POST', `${LDAP}/config/test`, { uid, password });
  return { status: response.status, body: (await response.json()) as unknown };
};

describe('LDAP configuration', () => {
  it('is preset to the simulated directory and can be deleted, after which it is not available', async () => {
    expect(await (await send('GET', `${LDAP}/config`)).json()).toEqual(presetLdapConfig());
    await expectEmpty(await send('DELETE', `${LDAP}/config`), 204);
    const notAvailable = {
      title: 'Bad Request',
      description: 'No LDAP configuration stored yet.',
      code: 'ERR_LDAP_CONFIG_NOT_AVAILABLE',
    };
    await expectIamError(await send('GET', `${LDAP}/config`), 400, notAvailable);
    await expectIamError(await send('DELETE', `${LDAP}/config`), 400, notAvailable);
    await expectIamError(await send('POST', `${LDAP}/importuser`, { username: 'grace' }), 400, notAvailable);
  });

  it('stores a valid configuration with 200 and an empty body, without contacting the directory', async () => {
    const config = {
      host: 'nowhere.example',
      port: 636,
      'enforce-starttls': false,
      'use-ldaps': true,
      dntemplate: 'uid=%(username)s,ou=people,dc=example,dc=com',
    };
    const response = await send('PUT', `${LDAP}/config`, config);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(db().ldap.config).toEqual(config);
  });

  it.each([
    [
      { dntemplate: 'uid=x,ou=people' },
      'Set either `dntemplate` (simple bind) or `user-search` (search bind), not both.',
    ],
    [{ 'user-search': undefined }, 'Set `dntemplate` (simple bind) or `user-search` (search bind).'],
    [
      { 'user-search': { 'search-base': PEOPLE_BASE, 'search-filter-template': '(uid=%(user)s)' } },
      '`user-search.search-filter-template` must contain %(username)s.',
    ],
    [
      { 'user-search': { 'search-base': PEOPLE_BASE, 'search-filter-template': 'uid=%(username)s' } },
      '`user-search.search-filter-template` is not a valid LDAP search filter, e.g. (uid=%(username)s).',
    ],
    [
      { 'group-search': { 'search-base': GROUPS_BASE, 'search-filter-template': '(cn=%(username)s)' } },
      '`group-search.search-filter-template` must contain %(groupname)s.',
    ],
    [
      { 'lookup-password': undefined },
      '`lookup-dn` and `lookup-password` go together: set both, or neither for an anonymous lookup.',
    ],
    [{ port: 70000 }, '`port` must be between 1 and 65535.'],
    [{ 'ca-certs': 'hello' }, '`ca-certs` must be PEM (-----BEGIN CERTIFICATE----- …).'],
  ])('refuses %o with ERR_LDAP_CONFIG_INVALID', async (change, description) => {
    const config = JSON.parse(JSON.stringify({ ...presetLdapConfig(), ...change })) as unknown;
    await expectIamError(await send('PUT', `${LDAP}/config`, config), 400, invalid(description));
  });

  it('checks the schema of nested objects too', async () => {
    await expectIamError(
      await send('PUT', `${LDAP}/config`, { ...presetLdapConfig(), 'user-search': { 'search-base': PEOPLE_BASE } }),
      400,
      {
        title: 'Bad Request',
        description: "Unexpected JSON input. Hint: 'search-filter-template' is a required property",
      },
    );
    await expectIamError(await send('PUT', `${LDAP}/config`, { ...presetLdapConfig(), port: '389' }), 400, {
      title: 'Bad Request',
      description: "Unexpected JSON input. Hint: '389' is not of type 'integer'",
    });
  });
});

describe('POST /ldap/config/test', () => {
  it('answers 200 TEST_PASSED for good credentials', async () => {
    expect(await test('carol', 'carol-pass')).toEqual({
      status: 200,
      body: { code: 'TEST_PASSED', description: 'Directory back-end reached and all tests passed.' },
    });
  });

  it('answers 502 with the failing step as JSON', async () => {
    expect(await test('carol', 'wrong')).toEqual({
      status: 502,
      body: {
        code: 'AUTHENTICATION_FAILED',
        description: `The directory refused the password for uid=carol,${PEOPLE_BASE}.`,
      },
    });
    expect((await test('nobody', 'x')).body).toMatchObject({ code: 'USER_NOT_FOUND' });
    // A filter-injection attempt is escaped: it matches nobody.
    expect((await test('*', 'x')).body).toMatchObject({ code: 'USER_NOT_FOUND' });
  });

  it('reports connection, TLS and lookup problems', async () => {
    const put = (change: object) => send('PUT', `${LDAP}/config`, { ...presetLdapConfig(), ...change });
    await put({ host: 'ldap.example.org' });
    expect((await test('carol', 'carol-pass')).body).toEqual({
      code: 'CONNECTION_FAILED',
      description: 'Could not connect to ldap.example.org:389: name or service not known.',
    });
    await put({ 'use-ldaps': true });
    expect((await test('carol', 'carol-pass')).body).toMatchObject({ code: 'TLS_FAILED' });
    await put({ 'lookup-password': 'nope' });
    expect((await test('carol', 'carol-pass')).body).toMatchObject({ code: 'LOOKUP_BIND_FAILED' });
  });

  it('works with a DN template (simple bind)', async () => {
    const simple = Object.fromEntries(
      Object.entries(presetLdapConfig()).filter(
        ([key]) => !['user-search', 'lookup-dn', 'lookup-password'].includes(key),
      ),
    );
    await send('PUT', `${LDAP}/config`, { ...simple, dntemplate: `uid=%(username)s,${PEOPLE_BASE}` });
    expect((await test('grace', 'grace-pass')).status).toBe(200);
  });
});

describe('Importing from the directory', () => {
  it('imports a user by username as an LDAP user named after the entry', async () => {
    await expectEmpty(await send('POST', `${LDAP}/importuser`, { username: 'grace' }), 201);
    expect(db().users.get('grace')).toEqual({
      uid: 'grace',
      description: 'Grace Hopper',
      isService: false,
      providerType: 'ldap',
      providerId: '',
    });
    await expectIamError(await send('POST', `${LDAP}/importuser`, { username: 'grace' }), 409, {
      title: 'Conflict',
      description: 'User with uid `grace` already exists.',
      code: 'ERR_USER_EXISTS',
    });
  });

  it('says when the user is not in the directory, and when the search itself failed', async () => {
    const missing = await send('POST', `${LDAP}/importuser`, { username: 'mallory' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { code: string }).code).toBe('ERR_LDAP_IMPORT_USER_NOT_FOUND');
    await send('PUT', `${LDAP}/config`, { ...presetLdapConfig(), host: 'down.example.com' });
    await expectIamError(await send('POST', `${LDAP}/importuser`, { username: 'grace' }), 400, {
      title: 'Bad Request',
      description: 'The directory search failed: Could not connect to down.example.com:389: name or service not known.',
      code: 'ERR_LDAP_IMPORT_SEARCH_FAILED',
    });
  });

  it('imports a group with its members (201)', async () => {
    await expectEmpty(await send('POST', `${LDAP}/importgroup`, { groupname: 'engineering' }), 201);
    expect(db().groups.get('engineering')).toEqual({
      gid: 'engineering',
      description: 'Engineering (directory)',
      providerType: 'ldap',
    });
    expect([...(db().memberships.get('engineering') ?? [])]).toEqual(['carol', 'grace', 'heidi']);
    expect(db().users.get('heidi')?.providerType).toBe('ldap');
  });

  it('answers 202 with imported_user_count when some members cannot be imported', async () => {
    const response = await send('POST', `${LDAP}/importgroup`, { groupname: 'auditors' });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ imported_user_count: 1 });
    expect([...(db().memberships.get('auditors') ?? [])]).toEqual(['judy']);
    expect(db().users.get('alice')?.providerType).toBe('internal');
  });

  it('says when the group is not in the directory', async () => {
    const response = await send('POST', `${LDAP}/importgroup`, { groupname: 'nope' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('ERR_LDAP_IMPORT_GROUP_NOT_FOUND');
  });
});

describe('Signing in with directory credentials (POST /auth/login)', () => {
  const login = async (uid: string, password: string) => simulator.handle(loginRequest({ uid, password }));

  it('signs the seeded LDAP user carol in as a remote user', async () => {
    const response = await login('carol', 'carol-pass');
    expect(response.status).toBe(200);
    const info = response.headers.getSetCookie()[1] ?? '';
    expect(JSON.parse(atob(/=([^;]+)/.exec(info)?.[1] ?? ''))).toEqual({
      uid: 'carol',
      description: 'Carol Jensen',
      is_remote: true,
    });
  });

  it('imports a directory user on first sign-in', async () => {
    expect((await login('ivan', 'ivan-pass')).status).toBe(200);
    expect(db().users.get('ivan')).toMatchObject({ providerType: 'ldap', description: 'Ivan Petrov' });
  });

  it('refuses a wrong password or an unknown uid with the usual ERR_INVALID_CREDENTIALS', async () => {
    for (const [uid, password] of [
      ['carol', 'wrong'],
      ['nobody', 'x'],
    ] as const) {
      await expectIamError(await login(uid, password), 401, {
        title: 'Unauthorized',
        description: 'Invalid credentials.',
        code: 'ERR_INVALID_CREDENTIALS',
      });
    }
    expect(db().users.has('nobody')).toBe(false);
  });

  it('says ERR_LDAP_AUTH_FAILED to a known LDAP user when the directory cannot be asked', async () => {
    await send('DELETE', `${LDAP}/config`);
    await expectIamError(await login('carol', 'carol-pass'), 401, {
      title: 'Unauthorized',
      description: 'LDAP authentication failed: no LDAP configuration is stored.',
      code: 'ERR_LDAP_AUTH_FAILED',
    });
  });

  it('never lets a local user sign in with the directory password', async () => {
    expect((await test('alice', 'alice-directory-pass')).status).toBe(200);
    await expectIamError(await login('alice', 'alice-directory-pass'), 401, {
      title: 'Unauthorized',
      description: 'Invalid credentials.',
      code: 'ERR_INVALID_CREDENTIALS',
    });
    expect((await login('alice', 'alice-pass')).status).toBe(200);
  });
});
