// @vitest-environment node
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, grant } from '../db/create-db.ts';
import { MAX_SECRET_VALUE_BYTES, deriveUnsealKeys } from '../db/secrets.ts';
import type { Action, SecurityMode, SimDb, SimDbOptions } from '../db/types.ts';
import { simulator } from '../node.ts';
import { SIM_DB_COOKIE } from '../sim-context.ts';
import { ORIGIN, loginAs } from '../test-support.ts';
import { AUTH_COOKIE, CSRF_HEADER, CSRF_VALUE } from './guard.ts';

let root: string;
let alice: string;
let bob: string;
beforeAll(async () => {
  root = await loginAs(simulator, 'bootstrapuser', 'deleteme');
  alice = await loginAs(simulator, 'alice', 'alice-pass');
  bob = await loginAs(simulator, 'bob', 'bob-pass');
});

interface Send {
  token?: string;
  via?: 'token' | 'cookie';
  dbId?: string;
  contentType?: string;
  accept?: string;
  body?: string | Uint8Array;
  csrf?: boolean;
}

/** A request to the Secrets API; a string body defaults to `Content-Type: application/json`, bytes to octet-stream. */
function request(method: string, path: string, send: Send = {}): Request {
  const { token = root, via = 'token', dbId, accept, body, csrf = false } = send;
  const headers = new Headers();
  const cookies: string[] = [];
  if (dbId !== undefined) cookies.push(`${SIM_DB_COOKIE}=${dbId}`);
  if (token !== '') {
    if (via === 'cookie') cookies.push(`${AUTH_COOKIE}=${token}`);
    else headers.set('Authorization', `token=${token}`);
  }
  if (cookies.length > 0) headers.set('Cookie', cookies.join('; '));
  if (csrf) headers.set(CSRF_HEADER, CSRF_VALUE);
  if (accept !== undefined) headers.set('Accept', accept);
  const contentType =
    send.contentType ??
    (body === undefined ? undefined : typeof body === 'string' ? 'application/json' : 'application/octet-stream');
  if (contentType !== undefined) headers.set('Content-Type', contentType);
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : new Uint8Array(body) }),
  });
}

const call = (method: string, path: string, send?: Send) => simulator.handle(request(method, path, send));
const secretPath = (path: string) => `/secrets/v1/secret/default/${path}`;
const getSecret = (path: string, send?: Send) => call('GET', secretPath(path), send);
const list = (path: string, send?: Send) => call('GET', `${secretPath(path)}?list=true`, send);
const putText = (path: string, body: unknown, send?: Send) =>
  call('PUT', secretPath(path), { ...send, body: JSON.stringify(body) });
const db = () => simulator.context.defaultDb;
/** A per-test db, for options the default db does not have. */
const freshDb = (options: Partial<SimDbOptions> = {}): SimDb => simulator.context.createDb(options);

async function expectMessage(response: Response, status: number, message: string | RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toBe('application/json');
  const body = (await response.json()) as { message: unknown };
  expect(Object.keys(body)).toEqual(['message']);
  if (typeof message === 'string') expect(body.message).toBe(message);
  else expect(body.message).toMatch(message);
}

async function expectEmpty(response: Response, status: 201 | 204) {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toBeNull();
  expect(await response.text()).toBe('');
}

const expectForbidden = (response: Response) =>
  expectMessage(response, 403, /^Forbidden: this needs the permission dcos:secrets:/);
const expectSealed = (response: Response) => expectMessage(response, 503, 'Secret store is sealed');

const DEMO_PATHS = [
  'db-password',
  'group/spark/aws-secret-key',
  'group/spark/config/log-level',
  'hdfs/keytab',
  'jenkins/private-key',
];
const AWS_KEY = {
  value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  author: 'bootstrapuser',
  created: '2024-02-02T14:05:47.000Z',
  description: 'AWS secret access key for the Spark event log bucket',
  labels: ['spark', 'aws'],
};

function keytabBytes(): Uint8Array {
  const secret = db().secrets.get('hdfs/keytab');
  if (secret?.kind !== 'binary') throw new Error('hdfs/keytab is not binary');
  return secret.bytes;
}

describe('GET /secrets/v1/secret/default/{path}', () => {
  it('answers a text secret as the Secret JSON', async () => {
    const response = await getSecret('group/spark/aws-secret-key');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.json()).toEqual(AWS_KEY);
  });

  it.each(['*/*', 'application/json', 'application/*', 'text/html, application/json;q=0.5'])(
    'serves a text secret for Accept: %s',
    async (accept) => {
      const response = await getSecret('db-password', { accept });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { value: string }).value).toBe('Pg-8r!ck-Lantern-42');
    },
  );

  it.each([undefined, '*/*', 'application/octet-stream', 'application/*', 'application/json, */*;q=0.1'])(
    'answers a binary secret as raw application/octet-stream bytes for Accept: %s',
    async (accept) => {
      const response = await getSecret('hdfs/keytab', accept === undefined ? {} : { accept });
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('application/octet-stream');
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes).toEqual(keytabBytes());
      expect([bytes[0], bytes[1]]).toEqual([0x05, 0x02]);
    },
  );

  it.each(['application/json', 'application/octet-stream;q=0, application/json', 'text/plain'])(
    'refuses a binary secret with 400 "Unsupported Accept header" for Accept: %s',
    async (accept) => {
      await expectMessage(
        await getSecret('hdfs/keytab', { accept }),
        400,
        /^Unsupported Accept header: this is a binary secret/,
      );
    },
  );

  it.each(['application/octet-stream', 'text/plain', 'application/json;q=0'])(
    'refuses a text secret for Accept: %s',
    async (accept) => {
      await expectMessage(
        await getSecret('db-password', { accept }),
        400,
        /^Unsupported Accept header: this is a text secret/,
      );
    },
  );

  it('answers 404 for a missing secret and for a folder that holds secrets', async () => {
    await expectMessage(await getSecret('no/such/secret'), 404, 'Secret "no/such/secret" not found.');
    await expectMessage(await getSecret('group/spark'), 404, 'Secret "group/spark" not found.');
  });

  it('decodes a percent-encoded path', async () => {
    const response = await getSecret('group%2Fspark%2Faws-secret-key');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(AWS_KEY);
  });

  it.each(['group//spark', 'group/spark/', '%2Fdb-password', 'db.password', 'db%20password', 'caf%C3%A9'])(
    'refuses the path %j with 400',
    async (path) => {
      await expectMessage(await getSecret(path), 400, /^Invalid secret path/);
    },
  );

  it('refuses a path that is not valid percent-encoding with 400', async () => {
    await expectMessage(await getSecret('bad%E0%A4%A'), 400, 'The secret path is not valid percent-encoding.');
  });

  it('refuses the empty path with 400 unless listing', async () => {
    await expectMessage(await call('GET', '/secrets/v1/secret/default/'), 400, /^Invalid secret path ""/);
    await expectMessage(await call('GET', '/secrets/v1/secret/default'), 400, /^Invalid secret path ""/);
  });

  it.each([
    '/secrets/v1/secret/other/db-password',
    '/secrets/v1/secret/',
    '/secrets/v1/secret',
    '/secrets/v1/secret/Default/db-password',
  ])('answers 404 for a store other than default: %s', async (path) => {
    await expectMessage(await call('GET', path), 404, /^Store ".*" not found; only "default" is supported\.$/);
  });

  it('answers without a token with the Admin Router 401 page', async () => {
    const response = await getSecret('db-password', { token: '' });
    expect(response.status).toBe(401);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  });

  it('answers other methods with 405', async () => {
    const response = await call('POST', secretPath('db-password'), { body: '{"value":"x"}' });
    await expectMessage(response, 405, 'Method POST not allowed.');
    expect(response.headers.get('Allow')).toBe('GET, PUT, PATCH, DELETE');
  });
});

describe('GET /secrets/v1/secret/default/{path}?list=true', () => {
  it('lists every secret path in the store for the empty path, sorted, as {"array": […]}', async () => {
    const response = await call('GET', '/secrets/v1/secret/default/?list=true');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual({ array: DEMO_PATHS });
    expect(await (await call('GET', '/secrets/v1/secret/default?list=true')).json()).toEqual({ array: DEMO_PATHS });
  });

  it('lists every path under a folder, at any depth, relative to it', async () => {
    await putText('group/api-key', { value: 'k' });
    expect(await (await list('group')).json()).toEqual({
      array: ['api-key', 'spark/aws-secret-key', 'spark/config/log-level'],
    });
    expect(await (await list('group/spark')).json()).toEqual({ array: ['aws-secret-key', 'config/log-level'] });
    expect(await (await list('group/spark/config')).json()).toEqual({ array: ['log-level'] });
    expect(await (await list('group/')).json()).toEqual({
      array: ['api-key', 'spark/aws-secret-key', 'spark/config/log-level'],
    });
  });

  it('sorts by code unit, like Go', async () => {
    for (const path of ['sort/b', 'sort/B', 'sort/a-z', 'sort/a_z', 'sort/a/z', 'sort/10', 'sort/9'])
      await putText(path, { value: 'v' });
    expect(await (await list('sort')).json()).toEqual({ array: ['10', '9', 'B', 'a-z', 'a/z', 'a_z', 'b'] });
  });

  it('lists a folder that is also a secret, without the secret itself', async () => {
    await putText('group', { value: 'top' });
    expect(await (await list('group')).json()).toEqual({ array: ['spark/aws-secret-key', 'spark/config/log-level'] });
    expect(
      ((await call('GET', '/secrets/v1/secret/default/?list=true').then((r) => r.json())) as { array: string[] }).array,
    ).toContain('group');
  });

  it('answers 404 when nothing is under a path, even one that names a secret', async () => {
    await expectMessage(await list('hdfs/keytab'), 404, 'No secrets under "hdfs/keytab".');
    await expectMessage(await list('nothing'), 404, 'No secrets under "nothing".');
    await expectMessage(await list('gro'), 404, 'No secrets under "gro".');
  });

  it('lists an empty store as {"array": []}', async () => {
    db().secrets.clear();
    const response = await call('GET', '/secrets/v1/secret/default/?list=true');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ array: [] });
  });

  it.each(['1', 't', 'T', 'TRUE', 'true', 'True'])('lists for ?list=%s (Go ParseBool)', async (value) => {
    expect(await (await call('GET', `${secretPath('group/spark')}?list=${value}`)).json()).toEqual({
      array: ['aws-secret-key', 'config/log-level'],
    });
  });

  it.each(['false', '0', 'yes', ''])('reads the value for ?list=%s', async (value) => {
    await expectMessage(
      await call('GET', `${secretPath('group/spark')}?list=${value}`),
      404,
      'Secret "group/spark" not found.',
    );
    expect((await call('GET', `${secretPath('db-password')}?list=${value}`)).status).toBe(200);
  });

  it('refuses an invalid folder with 400', async () => {
    await expectMessage(await list('group//spark'), 400, /^Invalid secret path/);
  });

  it('answers another store with 404', async () => {
    await expectMessage(await call('GET', '/secrets/v1/secret/vault/?list=true'), 404, /^Store "vault" not found/);
  });

  // How fast is for `npm run bench` (its simulator figure: 10,000 secrets within 50 ms); tests hold no timings.
  it('lists all 10,005 secrets at the root, in byte order, and the same again on the next request', async () => {
    const big = freshDb({ secrets: 10_000 });
    const root10k = async () =>
      (await (
        await simulator.handle(request('GET', '/secrets/v1/secret/default/?list=true', { dbId: big.id }))
      ).json()) as { array: string[] };
    const first = await root10k();
    expect(first.array).toHaveLength(10_005);
    expect(new Set(first.array).size).toBe(10_005);
    expect(first.array).toEqual([...first.array].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(await root10k()).toEqual(first);
  });
});

describe('list permissions: dcos:secrets:list:default:/[<path>] read, on the folder or an ancestor', () => {
  it('lets alice list group and every folder below it (her grant is on /group)', async () => {
    for (const [path, keys] of [
      ['group', ['spark/aws-secret-key', 'spark/config/log-level']],
      ['group/spark', ['aws-secret-key', 'config/log-level']],
      ['group/spark/config', ['log-level']],
    ] as const) {
      const response = await list(path, { token: alice });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ array: keys });
    }
    await expectMessage(await list('group/nothing', { token: alice }), 404, 'No secrets under "group/nothing".');
  });

  it('refuses alice the root, other folders and look-alike folders', async () => {
    await expectForbidden(await call('GET', '/secrets/v1/secret/default/?list=true', { token: alice }));
    await expectForbidden(await list('hdfs', { token: alice }));
    await putText('groupies/x', { value: 'v' });
    await expectForbidden(await list('groupies', { token: alice }));
  });

  it('names the rid of the listed folder in the 403', async () => {
    await expectMessage(
      await list('hdfs', { token: alice }),
      403,
      'Forbidden: this needs the permission dcos:secrets:list:default:/hdfs read.',
    );
    await expectMessage(
      await call('GET', '/secrets/v1/secret/default/?list=true', { token: bob }),
      403,
      'Forbidden: this needs the permission dcos:secrets:list:default:/ read.',
    );
  });

  it('refuses bob everywhere', async () => {
    await expectForbidden(await call('GET', '/secrets/v1/secret/default/?list=true', { token: bob }));
    await expectForbidden(await list('group', { token: bob }));
    await expectForbidden(await list('group/spark', { token: bob }));
  });

  it('lets a grant on / list everything', async () => {
    grant(db(), 'dcos:secrets:list:default:/', { uid: 'bob' }, 'read');
    expect(await (await call('GET', '/secrets/v1/secret/default/?list=true', { token: bob })).json()).toEqual({
      array: DEMO_PATHS,
    });
    expect((await list('hdfs', { token: bob })).status).toBe(200);
  });

  it('does not let a grant on a sub-folder list its parent', async () => {
    grant(db(), 'dcos:secrets:list:default:/group/spark', { uid: 'bob' }, 'read');
    expect((await list('group/spark', { token: bob })).status).toBe(200);
    expect((await list('group/spark/config', { token: bob })).status).toBe(200);
    await expectForbidden(await list('group', { token: bob }));
  });

  it('accepts full, refuses other actions, and honours group grants', async () => {
    grant(db(), 'dcos:secrets:list:default:/hdfs', { uid: 'bob' }, 'update');
    await expectForbidden(await list('hdfs', { token: bob }));
    grant(db(), 'dcos:secrets:list:default:/hdfs', { uid: 'bob' }, 'full');
    expect((await list('hdfs', { token: bob })).status).toBe(200);
    grant(db(), 'dcos:secrets:list:default:/jenkins', { gid: 'operators' }, 'read');
    expect(await (await list('jenkins', { token: alice })).json()).toEqual({ array: ['private-key'] });
  });

  it('does not filter the list by per-secret permissions', async () => {
    const keys = ((await (await list('group/spark', { token: alice })).json()) as { array: string[] }).array;
    expect(keys).toContain('config/log-level');
    await expectForbidden(await getSecret('group/spark/config/log-level', { token: alice }));
  });
});

describe('PUT /secrets/v1/secret/default/{path} (create)', () => {
  it('creates a text secret: 201 with an empty body, the creator as author, the time as created', async () => {
    const before = Date.now();
    await expectEmpty(await putText('team/app/db/password', { value: 's3cr3t' }), 201);
    const response = await getSecret('team/app/db/password');
    expect(response.status).toBe(200);
    const secret = (await response.json()) as typeof AWS_KEY;
    expect(secret).toEqual({
      value: 's3cr3t',
      author: 'bootstrapuser',
      created: secret.created,
      description: '',
      labels: [],
    });
    expect(secret.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(secret.created)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(secret.created)).toBeLessThanOrEqual(Date.now());
  });

  it('records the creating uid as the author', async () => {
    grant(db(), 'dcos:secrets:default:/bob-secret', { uid: 'bob' }, 'create');
    grant(db(), 'dcos:secrets:default:/bob-secret', { uid: 'bob' }, 'read');
    await expectEmpty(await putText('bob-secret', { value: 'mine' }, { token: bob }), 201);
    expect(((await (await getSecret('bob-secret', { token: bob })).json()) as { author: string }).author).toBe('bob');
  });

  it('stores description and labels, and ignores author, created and the path the DC/OS UI sends', async () => {
    const body = {
      value: 'v',
      description: 'Payments API key',
      labels: ['payments', 'prod'],
      author: 'mallory',
      created: '2001-01-01T00:00:00Z',
      path: 'x',
    };
    await expectEmpty(await putText('payments/api-key', body), 201);
    const secret = (await (await getSecret('payments/api-key')).json()) as typeof AWS_KEY;
    expect(secret).toMatchObject({
      value: 'v',
      description: 'Payments API key',
      labels: ['payments', 'prod'],
      author: 'bootstrapuser',
    });
    expect(secret.created).not.toBe('2001-01-01T00:00:00Z');
  });

  it('accepts a JSON content type with parameters and an empty value', async () => {
    await expectEmpty(
      await call('PUT', secretPath('empty'), { body: '{"value":""}', contentType: 'Application/JSON; charset=utf-8' }),
      201,
    );
    expect(((await (await getSecret('empty')).json()) as { value: string }).value).toBe('');
  });

  it('creates a binary secret from application/octet-stream bytes, served back byte for byte', async () => {
    const bytes = new Uint8Array([0, 1, 2, 0xff, 0xfe, 0x80, 10, 13]);
    await expectEmpty(await call('PUT', secretPath('certs/blob'), { body: bytes }), 201);
    const response = await getSecret('certs/blob', { accept: '*/*' });
    expect(response.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(db().secrets.get('certs/blob')).toMatchObject({ kind: 'binary', author: 'bootstrapuser' });
  });

  it('stores a JSON-looking octet-stream body as binary', async () => {
    await expectEmpty(
      await call('PUT', secretPath('raw'), { body: '{"value":"x"}', contentType: 'application/octet-stream' }),
      201,
    );
    await expectMessage(await getSecret('raw', { accept: 'application/json' }), 400, /^Unsupported Accept header/);
  });

  it.each([
    ['text/plain', 'plain'],
    ['application/x-www-form-urlencoded', 'value=x'],
    ['multipart/form-data', 'x'],
  ])('refuses Content-Type %s with 400 "Unsupported Content-Type header"', async (contentType, body) => {
    await expectMessage(
      await call('PUT', secretPath('x'), { body, contentType }),
      400,
      'Unsupported Content-Type header',
    );
    expect(db().secrets.has('x')).toBe(false);
  });

  it('refuses a body without a Content-Type with 400', async () => {
    const req = request('PUT', secretPath('x'));
    await expectMessage(
      await simulator.handle(new Request(req, { body: '{"value":"x"}' })),
      400,
      'Unsupported Content-Type header',
    );
  });

  it.each([
    ['not JSON', '{value: x}', 'The request body must be a JSON object such as {"value": "…"}.'],
    ['an array', '["x"]', 'The request body must be a JSON object such as {"value": "…"}.'],
    ['no value', '{"description":"d"}', '"value" is required.'],
    ['a number value', '{"value":42}', '"value" must be a string.'],
    ['a null value', '{"value":null}', '"value" must be a string.'],
    ['a non-string description', '{"value":"x","description":1}', '"description" must be a string.'],
    ['labels that are not a list', '{"value":"x","labels":"a"}', '"labels" must be an array of strings.'],
    ['labels that are not strings', '{"value":"x","labels":[1]}', '"labels" must be an array of strings.'],
    ['an unknown property', '{"value":"x","ttl":5}', 'Unexpected properties: ttl.'],
  ])('refuses %s with 400', async (_what, body, message) => {
    await expectMessage(await call('PUT', secretPath('x'), { body }), 400, message);
    expect(db().secrets.has('x')).toBe(false);
  });

  it('answers 409 when the secret exists, leaving it unchanged', async () => {
    await expectMessage(await putText('db-password', { value: 'other' }), 409, 'Secret "db-password" already exists.');
    await expectMessage(
      await call('PUT', secretPath('hdfs/keytab'), { body: new Uint8Array([1]) }),
      409,
      'Secret "hdfs/keytab" already exists.',
    );
    expect(((await (await getSecret('db-password')).json()) as { value: string }).value).toBe('Pg-8r!ck-Lantern-42');
  });

  it('may create a secret beside or below another one', async () => {
    await expectEmpty(await putText('db-password/rotated', { value: 'v' }), 201);
    await expectEmpty(await putText('group/spark/config', { value: 'v' }), 201);
  });

  it.each(['a//b', 'a/b/', '%2Fa', 'a b', 'a.b', 'ä', 'a/*', 'a/.b', 'a%2F%2Fb'])(
    'refuses the path %j with 400',
    async (path) => {
      await expectMessage(await putText(path, { value: 'v' }), 400, /^Invalid secret path/);
    },
  );

  it.each(['a', 'A-Z_0-9', 'group/spark/aws-secret-key2', '__dcos_base64__keytab', 'a/b/c/d/e/f'])(
    'accepts the path %j',
    async (path) => {
      await expectEmpty(await putText(path, { value: 'v' }), 201);
      expect(db().secrets.has(path)).toBe(true);
    },
  );

  describe('size limit: 1 MiB − 1 KiB of value', () => {
    it('is 1,047,552 bytes', () => {
      expect(MAX_SECRET_VALUE_BYTES).toBe(1_047_552);
    });

    it('accepts a text value of exactly the limit and refuses one byte more with 413', async () => {
      await expectEmpty(await putText('big/ok', { value: 'x'.repeat(MAX_SECRET_VALUE_BYTES) }), 201);
      await expectMessage(
        await putText('big/too', { value: 'x'.repeat(MAX_SECRET_VALUE_BYTES + 1) }),
        413,
        'Secret value is 1047553 bytes; the limit is 1047552 bytes (1 MiB minus 1 KiB of metadata).',
      );
      expect(db().secrets.has('big/too')).toBe(false);
    });

    it('counts the UTF-8 bytes of a text value, not its characters', async () => {
      const half = MAX_SECRET_VALUE_BYTES / 2;
      await expectEmpty(await putText('big/utf8-ok', { value: 'é'.repeat(half) }), 201);
      await expectMessage(
        await putText('big/utf8-too', { value: 'é'.repeat(half) + 'x' }),
        413,
        /^Secret value is 1047553 bytes/,
      );
    });

    it('applies to binary values', async () => {
      await expectEmpty(
        await call('PUT', secretPath('big/bin-ok'), { body: new Uint8Array(MAX_SECRET_VALUE_BYTES) }),
        201,
      );
      await expectMessage(
        await call('PUT', secretPath('big/bin-too'), { body: new Uint8Array(MAX_SECRET_VALUE_BYTES + 1) }),
        413,
        /^Secret value is 1047553 bytes/,
      );
    });

    it('applies to PATCH', async () => {
      await expectMessage(
        await call('PATCH', secretPath('db-password'), {
          body: JSON.stringify({ value: 'x'.repeat(MAX_SECRET_VALUE_BYTES + 1) }),
        }),
        413,
        /limit/,
      );
      await expectMessage(
        await call('PATCH', secretPath('db-password'), { body: new Uint8Array(MAX_SECRET_VALUE_BYTES + 1) }),
        413,
        /limit/,
      );
    });
  });

  it('refuses a cookie-authenticated write without the CSRF header, and takes it with', async () => {
    const refused = await call('PUT', secretPath('csrf'), { via: 'cookie', body: '{"value":"v"}' });
    expect(refused.status).toBe(403);
    expect(db().secrets.has('csrf')).toBe(false);
    await expectEmpty(await call('PUT', secretPath('csrf'), { via: 'cookie', csrf: true, body: '{"value":"v"}' }), 201);
  });
});

describe('PATCH /secrets/v1/secret/default/{path} (update)', () => {
  it('replaces a text value: 204, keeping description, labels, author and created', async () => {
    await expectEmpty(
      await call('PATCH', secretPath('group/spark/aws-secret-key'), { body: '{"value":"rotated"}' }),
      204,
    );
    expect(await (await getSecret('group/spark/aws-secret-key')).json()).toEqual({ ...AWS_KEY, value: 'rotated' });
  });

  it('replaces description and labels when given', async () => {
    await expectEmpty(
      await call('PATCH', secretPath('db-password'), { body: '{"value":"n","description":"New","labels":[]}' }),
      204,
    );
    expect(await (await getSecret('db-password')).json()).toMatchObject({ value: 'n', description: 'New', labels: [] });
  });

  it('keeps the original author when someone else updates', async () => {
    grant(db(), 'dcos:secrets:default:/db-password', { uid: 'bob' }, 'update');
    await expectEmpty(
      await call('PATCH', secretPath('db-password'), { token: bob, body: '{"value":"bob was here"}' }),
      204,
    );
    expect(db().secrets.get('db-password')).toMatchObject({
      value: 'bob was here',
      author: 'bootstrapuser',
      created: '2024-01-15T09:30:12.000Z',
    });
  });

  it('switches a text secret to binary with application/octet-stream, and back with JSON', async () => {
    const bytes = new Uint8Array([0xde, 0xad, 0xbe, 0xef]);
    await expectEmpty(await call('PATCH', secretPath('db-password'), { body: bytes }), 204);
    const binary = await getSecret('db-password');
    expect(binary.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(new Uint8Array(await binary.arrayBuffer())).toEqual(bytes);

    await expectEmpty(await call('PATCH', secretPath('db-password'), { body: '{"value":"text again"}' }), 204);
    expect(await (await getSecret('db-password')).json()).toEqual({
      value: 'text again',
      author: 'bootstrapuser',
      created: '2024-01-15T09:30:12.000Z',
      description: '',
      labels: [],
    });
  });

  it('replaces binary bytes', async () => {
    await expectEmpty(await call('PATCH', secretPath('hdfs/keytab'), { body: new Uint8Array([7, 7, 7]) }), 204);
    expect(new Uint8Array(await (await getSecret('hdfs/keytab')).arrayBuffer())).toEqual(new Uint8Array([7, 7, 7]));
  });

  it('answers 404 for a missing secret, creating nothing', async () => {
    await expectMessage(
      await call('PATCH', secretPath('nope'), { body: '{"value":"x"}' }),
      404,
      'Secret "nope" not found.',
    );
    expect(db().secrets.has('nope')).toBe(false);
  });

  it('refuses other content types and bad bodies with 400', async () => {
    await expectMessage(
      await call('PATCH', secretPath('db-password'), { body: 'x', contentType: 'text/plain' }),
      400,
      'Unsupported Content-Type header',
    );
    await expectMessage(await call('PATCH', secretPath('db-password'), { body: '{}' }), 400, '"value" is required.');
    await expectMessage(
      await call('PATCH', secretPath('db-password'), { body: '{"value":"x","extra":1}' }),
      400,
      'Unexpected properties: extra.',
    );
  });
});

describe('DELETE /secrets/v1/secret/default/{path}', () => {
  it('deletes: 204, then 404 on read, and gone from the list', async () => {
    await expectEmpty(await call('DELETE', secretPath('group/spark/config/log-level')), 204);
    await expectMessage(
      await getSecret('group/spark/config/log-level'),
      404,
      'Secret "group/spark/config/log-level" not found.',
    );
    expect(await (await list('group')).json()).toEqual({ array: ['spark/aws-secret-key'] });
    await expectMessage(await list('group/spark/config'), 404, 'No secrets under "group/spark/config".');
  });

  it('answers 404 for a missing secret, and for a folder', async () => {
    await expectMessage(await call('DELETE', secretPath('nope')), 404, 'Secret "nope" not found.');
    await expectMessage(await call('DELETE', secretPath('group')), 404, 'Secret "group" not found.');
    expect(db().secrets.size).toBe(5);
  });

  it('refuses a cookie-authenticated delete without the CSRF header', async () => {
    expect((await call('DELETE', secretPath('db-password'), { via: 'cookie' })).status).toBe(403);
    expect(db().secrets.has('db-password')).toBe(true);
  });
});

describe('value permissions: dcos:secrets:default:/<path>, exactly', () => {
  const METHODS: readonly [string, Action, Send][] = [
    ['GET', 'read', {}],
    ['PUT', 'create', { body: '{"value":"v"}' }],
    ['PATCH', 'update', { body: '{"value":"v"}' }],
    ['DELETE', 'delete', {}],
  ];

  it.each(METHODS)('%s needs %s (or full) on the exact rid', async (method, action, send) => {
    const path = method === 'PUT' ? 'team/new' : 'team/old';
    if (method !== 'PUT') await putText('team/old', { value: 'old' });
    const others = (['create', 'read', 'update', 'delete'] as const).filter((other) => other !== action);
    for (const other of others) grant(db(), `dcos:secrets:default:/${path}`, { uid: 'bob' }, other);
    await expectMessage(
      await call(method, secretPath(path), { ...send, token: bob }),
      403,
      `Forbidden: this needs the permission dcos:secrets:default:/${path} ${action}.`,
    );
    grant(db(), `dcos:secrets:default:/${path}`, { uid: 'bob' }, action);
    expect((await call(method, secretPath(path), { ...send, token: bob })).status).toBeLessThan(300);
  });

  it('lets full cover every action', async () => {
    grant(db(), 'dcos:secrets:default:/team/full', { uid: 'bob' }, 'full');
    await expectEmpty(await putText('team/full', { value: 'a' }, { token: bob }), 201);
    expect((await getSecret('team/full', { token: bob })).status).toBe(200);
    await expectEmpty(await call('PATCH', secretPath('team/full'), { token: bob, body: '{"value":"b"}' }), 204);
    await expectEmpty(await call('DELETE', secretPath('team/full'), { token: bob }), 204);
  });

  it('does not inherit from folders, wildcards, or the list permission', async () => {
    for (const rid of [
      'dcos:secrets:default:/',
      'dcos:secrets:default:/group',
      'dcos:secrets:default:/group/spark',
      'dcos:secrets:default:/group/spark/',
      'dcos:secrets:default:/group/spark/*',
      'dcos:secrets:default:/group/*',
      'dcos:secrets:default:group/spark/aws-secret-key',
      'dcos:secrets:list:default:/',
    ]) {
      grant(db(), rid, { uid: 'bob' }, 'full');
    }
    await expectForbidden(await getSecret('group/spark/aws-secret-key', { token: bob }));
    await expectForbidden(await call('DELETE', secretPath('group/spark/aws-secret-key'), { token: bob }));
    await expectForbidden(await putText('group/spark/new', { value: 'v' }, { token: bob }));
  });

  it('does not let a grant on a secret cover the secrets below it', async () => {
    await putText('app/x', { value: 'v' });
    await putText('app', { value: 'v' });
    grant(db(), 'dcos:secrets:default:/app', { uid: 'bob' }, 'full');
    expect((await getSecret('app', { token: bob })).status).toBe(200);
    await expectForbidden(await getSecret('app/x', { token: bob }));
  });

  it('lets alice read the one group secret she holds, and nothing else', async () => {
    const response = await getSecret('group/spark/aws-secret-key', { token: alice });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(AWS_KEY);
    await expectForbidden(await getSecret('group/spark/config/log-level', { token: alice }));
    await expectForbidden(await getSecret('db-password', { token: alice }));
    await expectForbidden(
      await call('PATCH', secretPath('group/spark/aws-secret-key'), { token: alice, body: '{"value":"x"}' }),
    );
    await expectForbidden(await call('DELETE', secretPath('group/spark/aws-secret-key'), { token: alice }));
    await expectForbidden(await putText('group/spark/new', { value: 'v' }, { token: alice }));
  });

  it('refuses bob every secret operation', async () => {
    await expectForbidden(await getSecret('db-password', { token: bob }));
    await expectForbidden(await getSecret('hdfs/keytab', { token: bob }));
    await expectForbidden(await putText('bob/new', { value: 'v' }, { token: bob }));
    await expectForbidden(await call('PATCH', secretPath('db-password'), { token: bob, body: '{"value":"x"}' }));
    await expectForbidden(await call('DELETE', secretPath('db-password'), { token: bob }));
    expect(db().secrets.has('bob/new')).toBe(false);
    expect(db().secrets.get('db-password')).toMatchObject({ value: 'Pg-8r!ck-Lantern-42' });
  });

  it('refuses before telling whether a secret exists', async () => {
    await expectForbidden(await getSecret('no/such', { token: bob }));
    await expectForbidden(await putText('db-password', { value: 'v' }, { token: bob }));
    await expectForbidden(
      await call('PUT', secretPath('db-password'), { token: bob, body: 'x', contentType: 'text/plain' }),
    );
  });

  it('honours grants through a group', async () => {
    grant(db(), 'dcos:secrets:default:/db-password', { gid: 'operators' }, 'read');
    expect((await getSecret('db-password', { token: alice })).status).toBe(200);
  });

  it('lets any dcos:superuser holder do everything, through a group or directly', async () => {
    await expectEmpty(await putText('root/new', { value: 'v' }), 201);
    grant(db(), 'dcos:superuser', { uid: 'bob' }, 'read');
    expect((await getSecret('root/new', { token: bob })).status).toBe(200);
    await expectEmpty(await call('DELETE', secretPath('root/new'), { token: bob }), 204);
    expect((await call('GET', '/secrets/v1/secret/default/?list=true', { token: bob })).status).toBe(200);
  });

  it.each<SecurityMode>(['disabled', 'permissive', 'strict'])(
    'enforces secrets permissions in %s mode',
    async (securityMode) => {
      const { id: dbId } = freshDb({ securityMode });
      await expectForbidden(await getSecret('db-password', { token: bob, dbId }));
      await expectForbidden(await call('GET', '/secrets/v1/secret/default/?list=true', { token: bob, dbId }));
      await expectForbidden(await putText('x', { value: 'v' }, { token: bob, dbId }));
      await expectForbidden(await getSecret('group/spark/config/log-level', { token: alice, dbId }));
      expect((await getSecret('group/spark/aws-secret-key', { token: alice, dbId })).status).toBe(200);
      expect((await getSecret('db-password', { dbId })).status).toBe(200);
      expect((await call('PUT', '/secrets/v1/seal/default', { token: bob, dbId })).status).toBe(403);
      expect((await call('GET', '/secrets/v1/store', { token: alice, dbId })).status).toBe(403);
    },
  );
});

const WRONG_KEY = "Unsealing failed: the key is not one of the secret store's unseal keys.";
const unsealKey = (dbId: string, i = 0) => deriveUnsealKeys(dbId, i + 1)[i] ?? '';
const unseal = (key: string, send?: Send) =>
  call('PUT', '/secrets/v1/unseal/default', { ...send, body: JSON.stringify({ key }) });
const sealStatusOf = async (send?: Send) =>
  (await call('GET', '/secrets/v1/seal-status/default', send)).json() as Promise<unknown>;

describe('GET /secrets/v1/seal-status/default and /secrets/v1/store', () => {
  it('answers the SealStatus to any signed-in account', async () => {
    for (const token of [root, alice, bob]) {
      const response = await call('GET', '/secrets/v1/seal-status/default', { token });
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('application/json');
      expect(await response.json()).toEqual({ sealed: false, threshold: 1, shares: 1, progress: 0 });
    }
  });

  it('answers other stores with 404 and no token with 401', async () => {
    await expectMessage(await call('GET', '/secrets/v1/seal-status/other'), 404, /^Store "other" not found/);
    expect((await call('GET', '/secrets/v1/seal-status/default', { token: '' })).status).toBe(401);
  });

  it('lists the one store, vault-backed and initialized, with its seal state, to a superuser', async () => {
    const backend = {
      name: 'default',
      description: 'DC/OS default secret store',
      driver: 'vault',
      initialized: true,
      sealed: false,
    };
    const response = await call('GET', '/secrets/v1/store');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ array: [backend] });
    expect(await (await call('GET', '/secrets/v1/store/default')).json()).toEqual(backend);
    await expectMessage(await call('GET', '/secrets/v1/store/other'), 404, /^Store "other" not found/);
    expect((await call('GET', '/secrets/v1/store', { token: '' })).status).toBe(401);

    db().seal.sealed = true;
    expect(await (await call('GET', '/secrets/v1/store')).json()).toEqual({ array: [{ ...backend, sealed: true }] });
  });

  it('refuses the store list and each store to an account without dcos:superuser with 403, as DC/OS does', async () => {
    grant(db(), 'dcos:secrets:list:default:/', { uid: 'bob' }, 'full');
    for (const token of [alice, bob]) {
      await expectMessage(
        await call('GET', '/secrets/v1/store', { token }),
        403,
        'Forbidden: the secret store backends are shown only to dcos:superuser.',
      );
      await expectMessage(
        await call('GET', '/secrets/v1/store/default', { token }),
        403,
        'Forbidden: the secret store backends are shown only to dcos:superuser.',
      );
    }
  });
});

describe('GET /secrets/v1/ping and /secrets/v1/init/default', () => {
  it('answers ping with the text pong to any signed-in account, and 401 without a token', async () => {
    for (const token of [root, bob]) {
      const response = await call('GET', '/secrets/v1/ping', { token });
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toBe('pong');
    }
    expect((await call('GET', '/secrets/v1/ping', { token: '' })).status).toBe(401);
  });

  it('answers init with initialized and the unseal keys still encrypted, to a superuser only', async () => {
    const { id: dbId } = freshDb({ sealThreshold: 2, sealShares: 3 });
    const response = await call('GET', '/secrets/v1/init/default', { dbId });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { initialized: boolean; keys: string[] };
    expect(body.initialized).toBe(true);
    expect(body.keys).toHaveLength(3);
    for (const key of body.keys) expect(deriveUnsealKeys(dbId, 3)).not.toContain(key);
    await expectMessage(
      await call('GET', '/secrets/v1/init/default', { token: alice, dbId }),
      403,
      /needs dcos:superuser/,
    );
    await expectMessage(await call('GET', '/secrets/v1/init/other', { dbId }), 404, /^Store "other" not found/);
  });
});

describe('PUT /secrets/v1/auto-unseal/default', () => {
  it('unseals with a key from init as it comes (seal, init, auto-unseal, seal-status as DC/OS tests it)', async () => {
    await expectEmpty(await call('PUT', '/secrets/v1/seal/default'), 204);
    expect(await sealStatusOf()).toMatchObject({ sealed: true });
    const { keys } = (await (await call('GET', '/secrets/v1/init/default')).json()) as { keys: string[] };
    const response = await call('PUT', '/secrets/v1/auto-unseal/default', { body: JSON.stringify({ key: keys[0] }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sealed: false, threshold: 1, shares: 1, progress: 0 });
    expect(await sealStatusOf()).toMatchObject({ sealed: false });
  });

  it('answers a plain share or anything else with 500, and non-superusers with 403', async () => {
    await call('PUT', '/secrets/v1/seal/default');
    for (const key of [unsealKey('default'), 'wrong']) {
      await expectMessage(
        await call('PUT', '/secrets/v1/auto-unseal/default', { body: JSON.stringify({ key }) }),
        500,
        /^Unsealing failed/,
      );
    }
    await expectMessage(
      await call('PUT', '/secrets/v1/auto-unseal/default', { token: alice, body: '{"key":"k"}' }),
      403,
      /needs dcos:superuser/,
    );
    expect(db().seal.sealed).toBe(true);
  });
});

describe('PUT /secrets/v1/seal/default', () => {
  it('seals the store for a superuser: 204 with no body, as DC/OS answers', async () => {
    await expectEmpty(await call('PUT', '/secrets/v1/seal/default'), 204);
    expect(await sealStatusOf()).toEqual({ sealed: true, threshold: 1, shares: 1, progress: 0 });
    await expectEmpty(await call('PUT', '/secrets/v1/seal/default'), 204);
  });

  it('refuses anyone but a superuser with 403, leaving the store unsealed', async () => {
    grant(db(), 'dcos:secrets:list:default:/', { uid: 'bob' }, 'full');
    grant(db(), 'dcos:adminrouter:secrets', { uid: 'bob' }, 'full');
    for (const token of [alice, bob]) {
      await expectMessage(
        await call('PUT', '/secrets/v1/seal/default', { token }),
        403,
        'Forbidden: sealing and unsealing the secret store needs dcos:superuser.',
      );
    }
    expect(db().seal.sealed).toBe(false);
  });

  it('answers another store with 404, and a cookie write without the CSRF header with 403', async () => {
    await expectMessage(await call('PUT', '/secrets/v1/seal/other'), 404, /^Store "other" not found/);
    expect((await call('PUT', '/secrets/v1/seal/default', { via: 'cookie' })).status).toBe(403);
    expect(db().seal.sealed).toBe(false);
    expect((await call('PUT', '/secrets/v1/seal/default', { via: 'cookie', csrf: true })).status).toBe(204);
  });

  it('makes every secret read, write and list answer 503 while sealed', async () => {
    await call('PUT', '/secrets/v1/seal/default');
    await expectSealed(await getSecret('db-password'));
    await expectSealed(await getSecret('hdfs/keytab'));
    await expectSealed(await getSecret('no/such'));
    await expectSealed(await call('GET', '/secrets/v1/secret/default/?list=true'));
    await expectSealed(await list('group'));
    await expectSealed(await putText('new', { value: 'v' }));
    await expectSealed(await call('PATCH', secretPath('db-password'), { body: '{"value":"v"}' }));
    await expectSealed(await call('DELETE', secretPath('db-password')));
    expect(db().secrets.has('new')).toBe(false);
    expect(db().secrets.has('db-password')).toBe(true);
  });

  it('still answers 401, 403 and 400 before 503 while sealed', async () => {
    await call('PUT', '/secrets/v1/seal/default');
    expect((await getSecret('db-password', { token: '' })).status).toBe(401);
    await expectForbidden(await getSecret('db-password', { token: bob }));
    await expectForbidden(await list('hdfs', { token: alice }));
    await expectMessage(await getSecret('a//b'), 400, /^Invalid secret path/);
    await expectMessage(
      await call('PUT', secretPath('x'), { body: 'x', contentType: 'text/plain' }),
      400,
      'Unsupported Content-Type header',
    );
    await expectSealed(await list('group', { token: alice }));
    await expectSealed(await getSecret('group/spark/aws-secret-key', { token: alice }));
  });
});

describe('PUT /secrets/v1/unseal/default', () => {
  it('unseals the default db with its one key, which is the same on every start', async () => {
    const expected = createHash('sha256').update('dcos-sim-unseal-key:default:0').digest('hex');
    expect(db().seal.keys).toEqual([expected]);
    await call('PUT', '/secrets/v1/seal/default');
    const response = await unseal(expected);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual({ sealed: false, threshold: 1, shares: 1, progress: 0 });
    expect((await getSecret('db-password')).status).toBe(200);
  });

  it('accepts the key in upper case and with surrounding blanks', async () => {
    await call('PUT', '/secrets/v1/seal/default');
    expect(await (await unseal(` ${unsealKey('default').toUpperCase()}\n`)).json()).toMatchObject({ sealed: false });
  });

  it('unseals 2 of 3 shares step by step; a repeated share and a wrong key do not count', async () => {
    const sealed = freshDb({ sealThreshold: 2, sealShares: 3, sealed: true });
    const dbId = sealed.id;
    const [k1 = '', , k3 = ''] = deriveUnsealKeys(dbId, 3);
    expect(sealed.seal.keys).toEqual(deriveUnsealKeys(dbId, 3));
    expect(await sealStatusOf({ dbId })).toEqual({ sealed: true, threshold: 2, shares: 3, progress: 0 });
    await expectSealed(await getSecret('db-password', { dbId }));

    expect(await (await unseal(k1, { dbId })).json()).toEqual({ sealed: true, threshold: 2, shares: 3, progress: 1 });
    expect(await (await unseal(k1, { dbId })).json()).toEqual({ sealed: true, threshold: 2, shares: 3, progress: 1 });

    await expectMessage(await unseal('0'.repeat(64), { dbId }), 500, WRONG_KEY);
    await expectMessage(await unseal(unsealKey('default'), { dbId }), 500, WRONG_KEY);
    expect(await sealStatusOf({ dbId })).toEqual({ sealed: true, threshold: 2, shares: 3, progress: 1 });

    expect(await (await unseal(k3, { dbId })).json()).toEqual({ sealed: false, threshold: 2, shares: 3, progress: 0 });
    expect((await getSecret('db-password', { dbId })).status).toBe(200);
    expect(await (await call('GET', '/secrets/v1/store', { dbId })).json()).toMatchObject({
      array: [{ sealed: false }],
    });
  });

  it('forgets partial progress when sealed again', async () => {
    const { id: dbId } = freshDb({ sealThreshold: 3, sealShares: 3, sealed: true });
    const [k1 = '', k2 = '', k3 = ''] = deriveUnsealKeys(dbId, 3);
    await unseal(k1, { dbId });
    await unseal(k2, { dbId });
    expect(await sealStatusOf({ dbId })).toMatchObject({ progress: 2 });
    await expectEmpty(await call('PUT', '/secrets/v1/seal/default', { dbId }), 204);
    expect(await sealStatusOf({ dbId })).toEqual({ sealed: true, threshold: 3, shares: 3, progress: 0 });
    expect(await (await unseal(k3, { dbId })).json()).toMatchObject({ sealed: true, progress: 1 });
  });

  it('answers an unsealed store with its status for a right key, and with 500 for a wrong one, as DC/OS does', async () => {
    const response = await unseal(unsealKey('default'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sealed: false, threshold: 1, shares: 1, progress: 0 });
    await expectMessage(await unseal('wrongkey'), 500, WRONG_KEY);
    expect(db().seal.sealed).toBe(false);
  });

  it.each([
    ['no body', undefined],
    ['not JSON', 'key'],
    ['no key', '{}'],
    ['a number key', '{"key":1}'],
    ['an extra property', '{"key":"k","reset":true}'],
  ])('refuses %s with 400', async (_what, body) => {
    await call('PUT', '/secrets/v1/seal/default');
    await expectMessage(
      await call('PUT', '/secrets/v1/unseal/default', body === undefined ? {} : { body }),
      400,
      'The request body must be {"key": "<unseal key>"}.',
    );
    expect(db().seal.sealed).toBe(true);
  });

  it('refuses anyone but a superuser with 403, and another store with 404', async () => {
    await call('PUT', '/secrets/v1/seal/default');
    for (const token of [alice, bob])
      await expectMessage(await unseal(unsealKey('default'), { token }), 403, /needs dcos:superuser/);
    expect(db().seal.sealed).toBe(true);
    await expectMessage(
      await call('PUT', '/secrets/v1/unseal/other', { body: '{"key":"k"}' }),
      404,
      /^Store "other" not found/,
    );
  });

  it('lets a superuser through a group membership seal and unseal', async () => {
    addMember(db(), 'superusers', 'alice');
    expect((await call('PUT', '/secrets/v1/seal/default', { token: alice })).status).toBe(204);
    expect(await (await unseal(unsealKey('default'), { token: alice })).json()).toMatchObject({ sealed: false });
  });
});
