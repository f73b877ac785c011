// @vitest-environment node
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, grant } from '../db/create-db.ts';
import { JENKINS_PUBLIC_KEY, MARATHON_PUBLIC_KEY, METRONOME_PUBLIC_KEY } from '../db/seed-keys.ts';
import { isSha512CryptHash } from '../lib/sha512-crypt.ts';
import { simulator } from '../node.ts';
import {
  apiRequest,
  createServiceKeys,
  expectEmpty,
  expectIamError,
  iamRequest,
  loginAs,
  loginRequest,
  type ServiceKeys,
} from '../test-support.ts';

let token: string;
let keys: ServiceKeys;
beforeAll(async () => {
  token = await loginAs(simulator, 'bootstrapuser', 'deleteme');
  keys = await createServiceKeys();
});

const db = () => simulator.context.defaultDb;
const get = (path: string) => simulator.handle(apiRequest(path, { via: 'token', token }));
const send = (method: string, path: string, body?: unknown) => simulator.handle(iamRequest(method, path, token, body));
const put = (uid: string, body: unknown) => send('PUT', `/acs/api/v1/users/${uid}`, body);
const patch = (uid: string, body: unknown) => send('PATCH', `/acs/api/v1/users/${uid}`, body);
const del = (uid: string) => send('DELETE', `/acs/api/v1/users/${uid}`);
const login = (uid: string, password: string) => simulator.handle(loginRequest({ uid, password }));

const local = (uid: string, description: string) => ({
  uid,
  url: `/acs/api/v1/users/${uid}`,
  description,
  is_remote: false,
  is_service: false,
  provider_type: 'internal',
  provider_id: '',
});
const remote = (uid: string, description: string, providerType: string, providerId: string) => ({
  uid,
  url: `/acs/api/v1/users/${uid}`,
  description,
  is_remote: true,
  is_service: false,
  provider_type: providerType,
  provider_id: providerId,
});
const service = (uid: string, description: string, publicKey: string) => ({
  uid,
  url: `/acs/api/v1/users/${uid}`,
  description,
  is_remote: false,
  is_service: true,
  provider_type: 'internal',
  provider_id: '',
  public_key: publicKey,
});

const USERS = {
  bootstrapuser: local('bootstrapuser', 'Bootstrap superuser'),
  alice: local('alice', 'Alice Operator'),
  bob: local('bob', 'Bob (no permissions)'),
  carol: remote('carol', 'Carol Jensen', 'ldap', ''),
  dave: remote('dave.kim@example.com', 'Dave Kim', 'oidc', 'google-idp'),
  erin: remote('erin.lopez@example.com', 'Erin Lopez', 'saml', 'okta-saml'),
};
const SERVICE_ACCOUNTS = [
  service('dcos_marathon', 'Marathon service account', MARATHON_PUBLIC_KEY),
  service('dcos_metronome', 'Metronome service account', METRONOME_PUBLIC_KEY),
  service('jenkins', 'Jenkins CI pipelines', JENKINS_PUBLIC_KEY),
];
const GROUPS = {
  superusers: {
    gid: 'superusers',
    url: '/acs/api/v1/groups/superusers',
    description: 'Superusers: full access to the cluster',
    provider_type: 'internal',
  },
  operators: {
    gid: 'operators',
    url: '/acs/api/v1/groups/operators',
    description: 'Cluster operators',
    provider_type: 'internal',
  },
  developers: {
    gid: 'developers',
    url: '/acs/api/v1/groups/developers',
    description: 'Application developers',
    provider_type: 'internal',
  },
  dataScience: {
    gid: 'data-science',
    url: '/acs/api/v1/groups/data-science',
    description: 'Data science and analytics',
    provider_type: 'internal',
  },
};

const BAD_REQUEST = { title: 'Bad Request' };
const invalidData = (description: string) => ({ ...BAD_REQUEST, description, code: 'ERR_INVALID_DATA' });
const unknownUser = (uid: string) => ({
  ...BAD_REQUEST,
  description: `User with uid \`${uid}\` not known.`,
  code: 'ERR_UNKNOWN_USER_ID',
});
const hint = (text: string) => ({ ...BAD_REQUEST, description: `Unexpected JSON input. Hint: ${text}` });
const LAST_SUPERUSER = {
  ...BAD_REQUEST,
  description: 'Last member from `superusers` group cannot be removed',
  code: 'ERR_NO_MORE_SUPERUSERS',
};

describe('GET /acs/api/v1/users', () => {
  it('lists the regular users, local and remote, wrapped in {"array":[…]}', async () => {
    const response = await get('/acs/api/v1/users');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual({ array: Object.values(USERS) });
  });

  it('lists only the service accounts, with their public keys, for ?type=service', async () => {
    expect(await (await get('/acs/api/v1/users?type=service')).json()).toEqual({ array: SERVICE_ACCOUNTS });
  });

  it('treats any other ?type as the default', async () => {
    expect(await (await get('/acs/api/v1/users?type=regular')).json()).toEqual({ array: Object.values(USERS) });
  });
});

describe('GET /acs/api/v1/users/{uid}', () => {
  it('answers the User object', async () => {
    const response = await get('/acs/api/v1/users/alice');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(USERS.alice);
  });

  it('answers a percent-encoded uid', async () => {
    expect(await (await get('/acs/api/v1/users/dave.kim%40example.com')).json()).toEqual(USERS.dave);
  });

  it('answers a service account with its public key', async () => {
    expect(await (await get('/acs/api/v1/users/jenkins')).json()).toEqual(SERVICE_ACCOUNTS[2]);
  });

  it('answers an unknown uid with 400 ERR_UNKNOWN_USER_ID', async () => {
    await expectIamError(await get('/acs/api/v1/users/nobody'), 400, unknownUser('nobody'));
  });
});

describe('PUT /acs/api/v1/users/{uid}', () => {
  it('creates a local user: 201 with an empty body, a salted $6$ hash, and a working login', async () => {
    await expectEmpty(await put('frank', { description: 'Frank Ocean', password: 'secret-pw' }), 201);
    expect(await (await get('/acs/api/v1/users/frank')).json()).toEqual(local('frank', 'Frank Ocean'));
    const stored = db().users.get('frank');
    expect(stored?.passwordHash !== undefined && isSha512CryptHash(stored.passwordHash)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('secret-pw');
    expect((await login('frank', 'secret-pw')).status).toBe(200);
    expect((await login('frank', 'secret-px')).status).toBe(401);
  });

  it('defaults the description to "" and accepts a five-character password', async () => {
    await expectEmpty(await put('gina', { password: '12345' }), 201);
    expect(await (await get('/acs/api/v1/users/gina')).json()).toEqual(local('gina', ''));
  });

  it('accepts provider_type internal, an empty provider_id, cluster_url and creator_uid', async () => {
    const body = {
      description: 'Hank',
      password: 'hank-pass',
      provider_type: 'internal',
      provider_id: '',
      cluster_url: 'https://dcos.example.com',
      creator_uid: 'bootstrapuser',
    };
    await expectEmpty(await put('hank', body), 201);
    expect(await (await get('/acs/api/v1/users/hank')).json()).toEqual(local('hank', 'Hank'));
  });

  it('creates a service account from an RSA public key: is_service, listed only under ?type=service', async () => {
    await expectEmpty(await put('ci-bot', { description: 'CI bot', public_key: keys.publicKeyPem }), 201);
    expect(await (await get('/acs/api/v1/users/ci-bot')).json()).toEqual(
      service('ci-bot', 'CI bot', keys.publicKeyPem),
    );
    const services = (await (await get('/acs/api/v1/users?type=service')).json()) as { array: { uid: string }[] };
    expect(services.array.map((user) => user.uid)).toEqual(['dcos_marathon', 'dcos_metronome', 'jenkins', 'ci-bot']);
    const regular = (await (await get('/acs/api/v1/users')).json()) as { array: { uid: string }[] };
    expect(regular.array.map((user) => user.uid)).not.toContain('ci-bot');
    expect(db().users.get('ci-bot')?.passwordHash).toBeUndefined();
  });

  it.each([
    ['ldap', { provider_type: 'ldap' }, remote('ivy', 'Ivy', 'ldap', '')],
    ['ldap with an empty provider_id', { provider_type: 'ldap', provider_id: '' }, remote('ivy', 'Ivy', 'ldap', '')],
    ['oidc', { provider_type: 'oidc', provider_id: 'google-idp' }, remote('ivy', 'Ivy', 'oidc', 'google-idp')],
    ['saml', { provider_type: 'saml', provider_id: 'okta-saml' }, remote('ivy', 'Ivy', 'saml', 'okta-saml')],
  ])('creates a remote %s user without credentials', async (_what, fields, expected) => {
    await expectEmpty(await put('ivy', { description: 'Ivy', ...fields }), 201);
    expect(await (await get('/acs/api/v1/users/ivy')).json()).toEqual(expected);
    expect((await login('ivy', 'anything')).status).toBe(401);
  });

  it.each(['a', 'Az09@.', 'a-', 'a.a', 'a_a', 'a'.repeat(96), 'ldap.username-X09', 'jane.doe@example.com'])(
    'accepts the uid %j',
    async (uid) => {
      await expectEmpty(await put(encodeURIComponent(uid), { description: 'Valid', password: 'valid-pass' }), 201);
      expect(db().users.has(uid)).toBe(true);
    },
  );

  it.each(['a!', '!a', 'a'.repeat(97), 'anonymous', 'a b', 'jürgen', 'a+b', 'a:b'])(
    'refuses the uid %j with ERR_INVALID_USER_ID',
    async (uid) => {
      const response = await put(encodeURIComponent(uid), { description: 'Invalid', password: 'valid-pass' });
      await expectIamError(response, 400, {
        ...BAD_REQUEST,
        description: `Invalid user ID: ${uid}`,
        code: 'ERR_INVALID_USER_ID',
      });
      expect(db().users.has(uid)).toBe(false);
    },
  );

  it('answers an existing uid with 409 ERR_USER_EXISTS and leaves the user alone', async () => {
    const response = await put('alice', { description: 'Impostor', password: 'other-pass' });
    await expectIamError(response, 409, {
      title: 'Conflict',
      description: 'User with id `alice` already exists.',
      code: 'ERR_USER_EXISTS',
    });
    expect(await (await get('/acs/api/v1/users/alice')).json()).toEqual(USERS.alice);
    expect((await login('alice', 'alice-pass')).status).toBe(200);
  });

  it('checks the body before existence, and the credentials before the uid, like the IAM', async () => {
    await expectIamError(
      await put('alice', { password: 'abc' }),
      400,
      invalidData('Password does not match rules: Must be at least 5 characters long.'),
    );
    await expectIamError(
      await put('bad%21uid', {}),
      400,
      invalidData('One of `password` or `public_key` must be provided'),
    );
  });

  it.each([
    ['an empty password', { password: '' }, '`password` must not be empty when provided'],
    ['an empty public key', { public_key: '' }, '`public_key` must not be empty when provided'],
    [
      'an empty password next to a public key',
      { password: '', public_key: 'x' },
      '`password` must not be empty when provided',
    ],
    [
      'an unknown provider type',
      { password: 'valid-pass', provider_type: 'kerberos' },
      'Invalid provider_type: kerberos',
    ],
    ['an empty provider type', { password: 'valid-pass', provider_type: '' }, 'Invalid provider_type: '],
    [
      'neither password nor public key',
      { description: 'Nothing' },
      'One of `password` or `public_key` must be provided',
    ],
    [
      'both password and public key',
      { password: 'valid-pass', public_key: 'x' },
      'One of `password` or `public_key` must be provided',
    ],
    [
      'a four-character password',
      { password: 'abcd' },
      'Password does not match rules: Must be at least 5 characters long.',
    ],
    [
      'a password for an LDAP user',
      { provider_type: 'ldap', password: 'valid-pass' },
      'external provider: `password` is unexpected',
    ],
    [
      'a public key for an OIDC user',
      { provider_type: 'oidc', provider_id: 'google-idp', public_key: 'x' },
      'external provider: `public_key` is unexpected',
    ],
    [
      'an OIDC user without provider_id',
      { provider_type: 'oidc' },
      'Invalid provider_id: provider_id must be provided if provider_type is saml or oidc',
    ],
    [
      'a SAML user with an empty provider_id',
      { provider_type: 'saml', provider_id: '' },
      'Invalid provider_id: provider_id must be provided if provider_type is saml or oidc',
    ],
    [
      'an LDAP user with a provider_id',
      { provider_type: 'ldap', provider_id: 'corp-ldap' },
      'Invalid provider_id: provider_id must not be provided unless provider_type is saml or oidc',
    ],
    [
      'a local user with a provider_id',
      { password: 'valid-pass', provider_id: ' ' },
      'Invalid provider_id: provider_id must not be provided unless provider_type is saml or oidc',
    ],
  ])('refuses %s with 400 ERR_INVALID_DATA and creates nothing', async (_what, body, description) => {
    await expectIamError(await put('newbie', body), 400, invalidData(description));
    expect(db().users.has('newbie')).toBe(false);
  });

  const pem = (key: KeyObject, type: 'spki' | 'pkcs1' | 'pkcs8') => key.export({ type, format: 'pem' }).toString();
  const ecKey = pem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey, 'spki');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const pkcs1 = pem(rsa.publicKey, 'pkcs1');
  const privatePem = pem(rsa.privateKey, 'pkcs8');
  const spki1024 = pem(rsa.publicKey, 'spki');
  const NOT_A_KEY = 'Invalid public key: Could not deserialize key data.';
  it.each([
    ['text that is not a key', 'ThisIsAnInvalidPublicKey', NOT_A_KEY],
    ['an EC public key', ecKey, 'Invalid public key: Key must be of type RSA'],
    ['a PKCS#1 RSA PUBLIC KEY', pkcs1, NOT_A_KEY],
    ['an RSA private key', privatePem, NOT_A_KEY],
    ['SPKI content under a PKCS#1 armor', spki1024.replaceAll('PUBLIC KEY', 'RSA PUBLIC KEY'), NOT_A_KEY],
    ['a truncated key', spki1024.slice(0, 120) + '\n-----END PUBLIC KEY-----\n', NOT_A_KEY],
    ['a key with text before it', `my key:\n${spki1024}`, NOT_A_KEY],
  ])('refuses %s with 400 ERR_INVALID_PUBLIC_KEY', async (_what, publicKey, description) => {
    await expectIamError(await put('svc', { description: 'Service', public_key: publicKey }), 400, {
      ...BAD_REQUEST,
      description,
      code: 'ERR_INVALID_PUBLIC_KEY',
    });
    expect(db().users.has('svc')).toBe(false);
  });

  it('accepts any RSA SubjectPublicKeyInfo PEM, surrounding whitespace included', async () => {
    await expectEmpty(await put('svc', { description: 'Service', public_key: `\n${spki1024}\n` }), 201);
    expect(db().users.get('svc')?.publicKey).toBe(`\n${spki1024}\n`);
  });

  it.each([
    [
      'an unknown property',
      { password: 'valid-pass', someprop: 'x' },
      "Additional properties are not allowed ('someprop' was unexpected)",
    ],
    [
      'two unknown properties',
      { password: 'valid-pass', groups: [], uid: 'x' },
      "Additional properties are not allowed ('groups', 'uid' were unexpected)",
    ],
    ['a numeric password', { password: 12345 }, "12345 is not of type 'string'"],
    ['a null description', { description: null, password: 'valid-pass' }, "None is not of type 'string'"],
    ['a boolean provider_type', { provider_type: true }, "True is not of type 'string'"],
    ['a list as public key', { public_key: ['a', 'b'] }, "['a', 'b'] is not of type 'string'"],
  ])('refuses %s with "Unexpected JSON input" and no code', async (_what, body, text) => {
    await expectIamError(await put('newbie', body), 400, hint(text));
  });

  it.each([
    ['no body', undefined],
    ['a body that is not JSON', 'description=x'],
    ['a JSON array', '[]'],
  ])('refuses %s', async (_what, body) => {
    await expectIamError(await put('newbie', body), 400, {
      ...BAD_REQUEST,
      description: 'Request has bad Content-Type or lacks JSON data.',
    });
  });
});

describe('PATCH /acs/api/v1/users/{uid}', () => {
  it('changes the description: 204 with an empty body, password untouched', async () => {
    await expectEmpty(await patch('alice', { description: 'Alice A. Operator' }), 204);
    expect(await (await get('/acs/api/v1/users/alice')).json()).toEqual(local('alice', 'Alice A. Operator'));
    expect((await login('alice', 'alice-pass')).status).toBe(200);
  });

  it('changes the password: the new one works, the old one no longer does', async () => {
    await expectEmpty(await patch('alice', { password: 'new-alice-pass' }), 204);
    expect((await login('alice', 'new-alice-pass')).status).toBe(200);
    expect((await login('alice', 'alice-pass')).status).toBe(401);
    expect(await (await get('/acs/api/v1/users/alice')).json()).toEqual(USERS.alice);
  });

  it('changes both at once, and accepts an empty description', async () => {
    await expectEmpty(await patch('bob', { description: '', password: 'bobby' }), 204);
    expect(await (await get('/acs/api/v1/users/bob')).json()).toEqual(local('bob', ''));
    expect((await login('bob', 'bobby')).status).toBe(200);
  });

  it('changes the description of service accounts and remote users', async () => {
    await expectEmpty(await patch('jenkins', { description: 'Jenkins' }), 204);
    await expectEmpty(await patch('carol', { description: 'Carol J.' }), 204);
    expect(await (await get('/acs/api/v1/users/jenkins')).json()).toEqual(
      service('jenkins', 'Jenkins', JENKINS_PUBLIC_KEY),
    );
    expect(await (await get('/acs/api/v1/users/carol')).json()).toEqual(remote('carol', 'Carol J.', 'ldap', ''));
  });

  it('needs description or password: 400 ERR_INVALID_DATA, even before looking the user up', async () => {
    await expectIamError(
      await patch('alice', {}),
      400,
      invalidData('One of `description` and `password` must be provided.'),
    );
    await expectIamError(
      await patch('nobody', {}),
      400,
      invalidData('One of `description` and `password` must be provided.'),
    );
  });

  it('answers an unknown uid with 400 ERR_UNKNOWN_USER_ID', async () => {
    await expectIamError(await patch('nobody', { description: 'x' }), 400, unknownUser('nobody'));
  });

  it('refuses a password for a service account', async () => {
    await expectIamError(
      await patch('dcos_marathon', { password: 'new-password' }),
      400,
      invalidData('Password update is not available for service user accounts.'),
    );
  });

  it.each(['carol', 'dave.kim%40example.com', 'erin.lopez@example.com'])(
    'refuses a password for the remote user %s',
    async (uid) => {
      await expectIamError(
        await patch(uid, { password: 'new-password' }),
        400,
        invalidData('Password update is not available for remote user accounts.'),
      );
      expect(db().users.get(decodeURIComponent(uid))?.passwordHash).toBeUndefined();
    },
  );

  it('refuses a short password and then changes nothing, not even the description', async () => {
    await expectIamError(
      await patch('alice', { description: 'Changed', password: 'abcd' }),
      400,
      invalidData('Password does not match rules: Must be at least 5 characters long.'),
    );
    expect(await (await get('/acs/api/v1/users/alice')).json()).toEqual(USERS.alice);
    expect((await login('alice', 'alice-pass')).status).toBe(200);
  });

  it.each([
    [{ description: 'x', is_remote: true }, "Additional properties are not allowed ('is_remote' was unexpected)"],
    [{ password: 123456 }, "123456 is not of type 'string'"],
    [{ description: { text: 'x' } }, "{'text': 'x'} is not of type 'string'"],
  ])('refuses %j with "Unexpected JSON input"', async (body, text) => {
    await expectIamError(await patch('alice', body), 400, hint(text));
  });
});

describe('DELETE /acs/api/v1/users/{uid}', () => {
  it('deletes the user with its memberships and grants: 204, empty body', async () => {
    grant(db(), 'dcos:secrets:default:/alice/*', { uid: 'alice' }, 'full', 'Alice secrets');
    const aliceToken = await loginAs(simulator, 'alice', 'alice-pass');
    await expectEmpty(await del('alice'), 204);
    await expectIamError(await get('/acs/api/v1/users/alice'), 400, unknownUser('alice'));
    expect(db().memberships.get('operators')?.has('alice')).toBe(false);
    expect(db().acls.get('dcos:secrets:default:/alice/*')?.users.has('alice')).toBe(false);
    // The ACL itself stays, as in the IAM.
    expect(db().acls.has('dcos:secrets:default:/alice/*')).toBe(true);
    expect((await login('alice', 'alice-pass')).status).toBe(401);
    const withOldToken = await simulator.handle(
      apiRequest('/acs/api/v1/users/alice/permissions', { via: 'token', token: aliceToken }),
    );
    expect(withOldToken.status).toBe(401);
  });

  it('deletes a service account with its memberships and grants', async () => {
    await expectEmpty(await del('jenkins'), 204);
    expect(db().memberships.get('developers')?.has('jenkins')).toBe(false);
    expect(db().acls.get('dcos:secrets:default:/jenkins/*')?.users.size).toBe(0);
    const services = (await (await get('/acs/api/v1/users?type=service')).json()) as { array: { uid: string }[] };
    expect(services.array.map((user) => user.uid)).toEqual(['dcos_marathon', 'dcos_metronome']);
  });

  it('answers an unknown uid with 400 ERR_UNKNOWN_USER_ID', async () => {
    await expectIamError(await del('nobody'), 400, unknownUser('nobody'));
  });

  it('refuses to delete the last member of superusers with ERR_NO_MORE_SUPERUSERS', async () => {
    await expectIamError(await del('bootstrapuser'), 400, LAST_SUPERUSER);
    expect(db().users.has('bootstrapuser')).toBe(true);
    expect(db().memberships.get('superusers')?.has('bootstrapuser')).toBe(true);
  });

  it('lets a superuser delete itself while another superuser remains', async () => {
    addMember(db(), 'superusers', 'alice');
    await expectEmpty(await del('bootstrapuser'), 204);
    expect([...(db().memberships.get('superusers') ?? [])]).toEqual(['alice']);
    await expectIamError(
      await simulator.handle(
        iamRequest('DELETE', '/acs/api/v1/users/alice', await loginAs(simulator, 'alice', 'alice-pass')),
      ),
      400,
      LAST_SUPERUSER,
    );
  });

  it('refuses to delete the last account holding dcos:superuser in any other way', async () => {
    db().memberships.get('superusers')?.clear();
    grant(db(), 'dcos:superuser', { uid: 'bootstrapuser' }, 'full');
    await expectIamError(await del('bootstrapuser'), 400, {
      ...BAD_REQUEST,
      description: 'At least one account must keep the `dcos:superuser` permission.',
      code: 'ERR_NO_MORE_SUPERUSERS',
    });
    grant(db(), 'dcos:superuser', { uid: 'bob' }, 'full');
    await expectEmpty(await del('bootstrapuser'), 204);
  });

  it('counts only accounts that still exist as superusers', async () => {
    addMember(db(), 'superusers', 'ghost');
    await expectIamError(await del('bootstrapuser'), 400, LAST_SUPERUSER);
  });
});

describe('GET /acs/api/v1/users/{uid}/groups', () => {
  it("lists alice's groups with their membership urls", async () => {
    const response = await get('/acs/api/v1/users/alice/groups');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual({
      array: [{ membershipurl: '/acs/api/v1/groups/operators/users/alice', group: GROUPS.operators }],
    });
  });

  it('lists several groups in group order, for a uid with @', async () => {
    expect(await (await get('/acs/api/v1/users/erin.lopez%40example.com/groups')).json()).toEqual({
      array: [
        { membershipurl: '/acs/api/v1/groups/developers/users/erin.lopez@example.com', group: GROUPS.developers },
        { membershipurl: '/acs/api/v1/groups/data-science/users/erin.lopez@example.com', group: GROUPS.dataScience },
      ],
    });
  });

  it('lists the groups of service accounts and superusers', async () => {
    expect(await (await get('/acs/api/v1/users/jenkins/groups')).json()).toEqual({
      array: [{ membershipurl: '/acs/api/v1/groups/developers/users/jenkins', group: GROUPS.developers }],
    });
    expect(await (await get('/acs/api/v1/users/bootstrapuser/groups')).json()).toEqual({
      array: [{ membershipurl: '/acs/api/v1/groups/superusers/users/bootstrapuser', group: GROUPS.superusers }],
    });
  });

  it('answers {"array":[]} for a user in no group', async () => {
    expect(await (await get('/acs/api/v1/users/bob/groups')).json()).toEqual({ array: [] });
  });

  it('answers an unknown uid with 400 ERR_UNKNOWN_USER_ID', async () => {
    await expectIamError(await get('/acs/api/v1/users/nobody/groups'), 400, unknownUser('nobody'));
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

  it("lists alice's metadata permission through the operators group, and her direct secrets permissions", async () => {
    expect(await (await get('/acs/api/v1/users/alice/permissions')).json()).toEqual({
      direct: [
        {
          rid: 'dcos:secrets:list:default:/group',
          description: 'List the secrets under group',
          aclurl: '/acs/api/v1/acls/dcos:secrets:list:default:%252Fgroup',
          actions: [{ name: 'read', url: '/acs/api/v1/acls/dcos:secrets:list:default:%252Fgroup/users/alice/read' }],
        },
        {
          rid: 'dcos:secrets:default:/group/spark/aws-secret-key',
          description: 'Spark AWS secret key',
          aclurl: '/acs/api/v1/acls/dcos:secrets:default:%252Fgroup%252Fspark%252Faws-secret-key',
          actions: [
            {
              name: 'read',
              url: '/acs/api/v1/acls/dcos:secrets:default:%252Fgroup%252Fspark%252Faws-secret-key/users/alice/read',
            },
          ],
        },
      ],
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
    grant(db(), 'dcos:secrets:list:default:/', { uid: 'bob' }, 'read', 'List secrets');
    grant(db(), 'dcos:secrets:list:default:/', { uid: 'bob' }, 'update');
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

  it("lists a service account's direct grants and its group's grants", async () => {
    expect(await (await get('/acs/api/v1/users/jenkins/permissions')).json()).toEqual({
      direct: [
        {
          rid: 'dcos:secrets:default:/jenkins/*',
          description: 'Jenkins secrets',
          aclurl: '/acs/api/v1/acls/dcos:secrets:default:%252Fjenkins%252F*',
          actions: [
            { name: 'read', url: '/acs/api/v1/acls/dcos:secrets:default:%252Fjenkins%252F*/users/jenkins/read' },
          ],
        },
      ],
      groups: [
        {
          rid: 'dcos:adminrouter:service:marathon',
          gid: 'developers',
          description: 'Marathon UI and API',
          aclurl: '/acs/api/v1/acls/dcos:adminrouter:service:marathon',
          membershipurl: '/acs/api/v1/groups/developers/users/jenkins',
          actions: [{ name: 'full', url: '/acs/api/v1/acls/dcos:adminrouter:service:marathon/groups/developers/full' }],
        },
        {
          rid: 'dcos:service:marathon:marathon:services:/dev',
          gid: 'developers',
          description: 'Marathon apps under /dev',
          aclurl: '/acs/api/v1/acls/dcos:service:marathon:marathon:services:%252Fdev',
          membershipurl: '/acs/api/v1/groups/developers/users/jenkins',
          actions: [
            {
              name: 'full',
              url: '/acs/api/v1/acls/dcos:service:marathon:marathon:services:%252Fdev/groups/developers/full',
            },
          ],
        },
      ],
    });
  });

  it('answers {direct:[],groups:[]} for a user without permissions', async () => {
    expect(await (await get('/acs/api/v1/users/bob/permissions')).json()).toEqual({ direct: [], groups: [] });
  });

  it('answers an unknown uid with 400 ERR_UNKNOWN_USER_ID', async () => {
    await expectIamError(await get('/acs/api/v1/users/nobody/permissions'), 400, unknownUser('nobody'));
  });
});

describe('Admin Router in front of the user routes', () => {
  const ROUTES: [string, string, unknown][] = [
    ['PUT', '/acs/api/v1/users/newbie', { password: 'valid-pass' }],
    ['PATCH', '/acs/api/v1/users/alice', { description: 'x' }],
    ['DELETE', '/acs/api/v1/users/alice', undefined],
    ['GET', '/acs/api/v1/users/alice/groups', undefined],
  ];

  it.each(ROUTES)('%s %s needs a token', async (method, path, body) => {
    const response = await simulator.handle(
      apiRequest(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  });

  it.each(ROUTES)(
    '%s %s needs dcos:adminrouter:acs full (bob gets the 403 page, nothing changes)',
    async (method, path, body) => {
      const bobToken = await loginAs(simulator, 'bob', 'bob-pass');
      const response = await simulator.handle(iamRequest(method, path, bobToken, body));
      expect(response.status).toBe(403);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(db().users.has('newbie')).toBe(false);
      expect(db().users.get('alice')?.description).toBe('Alice Operator');
    },
  );

  it('refuses a cookie-authenticated write without the CSRF header, and takes it with the header', async () => {
    const request = (csrf: boolean) =>
      apiRequest('/acs/api/v1/users/alice', {
        via: 'cookie',
        token,
        method: 'PATCH',
        body: '{"description":"x"}',
        csrf,
      });
    const refused = await simulator.handle(request(false));
    expect(refused.status).toBe(403);
    expect(db().users.get('alice')?.description).toBe('Alice Operator');
    await expectEmpty(await simulator.handle(request(true)), 204);
    expect(db().users.get('alice')?.description).toBe('x');
  });
});
