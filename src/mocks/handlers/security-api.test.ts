// @vitest-environment node
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulator } from '../node.ts';
import { ORIGIN, apiRequest, loginAs } from '../test-support.ts';

// The simulated cluster's API as a client meets it (ASVS V4), the rules it keeps whatever the console checks first
// (V2) and the tokens it accepts (V9.1.3).

let admin: string;
beforeAll(async () => {
  admin = await loginAs(simulator, 'bootstrapuser', 'deleteme');
});

const db = () => simulator.context.defaultDb;

/** A request as the superuser, with a body of the given content type. */
function send(method: string, path: string, body?: string, contentType = 'application/json'): Promise<Response> {
  const headers = new Headers({ Authorization: `token=${admin}` });
  if (body !== undefined) headers.set('Content-Type', contentType);
  return simulator.handle(
    new Request(`${ORIGIN}${path}`, { method, headers, ...(body === undefined ? {} : { body }) }),
  );
}

/** What a request could have changed. */
function stateOf() {
  const d = db();
  return JSON.stringify({
    users: [...d.users.values()],
    groups: [...d.groups.values()],
    memberships: [...d.memberships].map(([gid, members]) => [gid, [...members]]),
    acls: [...d.acls.keys()],
    secrets: [...d.secrets.keys()],
    oidc: [...d.sso.oidc.keys()],
    ldap: d.ldap.config,
  });
}

describe('Responses', () => {
  it('[ASVS 4.1.1] every answer with a body names its media type, matching the body, and text carries its charset', async () => {
    const requests: [string, string, string?][] = [
      ['GET', '/acs/api/v1/users'],
      ['GET', '/acs/api/v1/users/alice/permissions'],
      ['GET', '/acs/api/v1/users/nobody/permissions'],
      ['GET', '/acs/api/v1/auth/jwks'],
      ['GET', '/acs/api/v1/auth/providers'],
      ['GET', '/acs/api/v1/auth/login?oidc-provider=nope'],
      ['GET', '/acs/api/v1/no-such-endpoint'],
      ['PUT', '/acs/api/v1/users/alice', '{"description":"x","password":"secret-pass"}'],
      ['PUT', '/acs/api/v1/groups/g', '{"description":"x","extra":1}'],
      ['GET', '/secrets/v1/secret/default/db-password'],
      ['GET', '/secrets/v1/secret/default/hdfs/keytab'],
      ['GET', '/secrets/v1/secret/default/nope'],
      ['GET', '/secrets/v1/secret/default/?list=true'],
      ['POST', '/secrets/v1/secret/default/db-password', '{}'],
      ['GET', '/secrets/v1/seal-status/default'],
      ['GET', '/dcos-metadata/bootstrap-config.json'],
      ['GET', '/dcos-metadata/ui-config.json'],
    ];
    const answers: [string, Response][] = [];
    for (const [method, path, body] of requests) answers.push([`${method} ${path}`, await send(method, path, body)]);
    // Without a session: Admin Router's HTML page, and the IAM's JSON refusal of a sign-in.
    answers.push(['GET /acs/api/v1/users (signed out)', await simulator.handle(apiRequest('/acs/api/v1/users'))]);
    answers.push([
      'POST /acs/api/v1/auth/login (wrong)',
      await simulator.handle(
        apiRequest('/acs/api/v1/auth/login', { method: 'POST', body: '{"uid":"x","password":"y"}' }),
      ),
    ]);
    answers.push([
      'GET /dcos-metadata/bootstrap-config.json (bob)',
      await simulator.handle(
        apiRequest('/dcos-metadata/bootstrap-config.json', { token: await loginAs(simulator, 'bob', 'bob-pass') }),
      ),
    ]);
    for (const [what, response] of answers) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      const type = response.headers.get('Content-Type');
      if (bytes.length === 0) continue;
      expect(type, what).not.toBeNull();
      const text = new TextDecoder().decode(bytes);
      const media = (type ?? '').split(';')[0]?.trim();
      if (media === 'application/json') expect(() => JSON.parse(text) as unknown, what).not.toThrow();
      else if (media === 'text/html') expect(text, what).toMatch(/^<!DOCTYPE html>/i);
      else expect(media, what).toBe('application/octet-stream');
      if (media?.startsWith('text/')) expect(type, what).toMatch(/;\s*charset=utf-8$/i);
    }
  });
});

describe('Methods', () => {
  it('[ASVS 4.1.4] a method the IAM or the metadata does not define for a path is refused and changes nothing', async () => {
    const before = stateOf();
    const unused: [string, string][] = [
      ['POST', '/acs/api/v1/users'],
      ['POST', '/acs/api/v1/users/alice'],
      ['DELETE', '/acs/api/v1/users'],
      ['POST', '/acs/api/v1/groups'],
      ['POST', '/acs/api/v1/groups/operators'],
      ['PATCH', '/acs/api/v1/acls'],
      ['POST', '/acs/api/v1/acls/dcos:superuser/users/bob/full'],
      ['PATCH', '/acs/api/v1/groups/superusers/users/bob'],
      ['PUT', '/acs/api/v1/auth/login'],
      ['DELETE', '/acs/api/v1/auth/jwks'],
      ['PUT', '/acs/api/v1/auth/jwks'],
      ['POST', '/acs/api/v1/auth/logout'],
      ['PATCH', '/acs/api/v1/ldap/config'],
      ['PUT', '/dcos-metadata/bootstrap-config.json'],
      ['DELETE', '/dcos-metadata/ui-config.json'],
    ];
    const accepted: string[] = [];
    for (const [method, path] of unused) {
      const response = await send(method, path, '{"description":"x","uid":"bootstrapuser","password":"deleteme"}');
      if (response.status < 400 || response.status >= 500) accepted.push(`${method} ${path}: ${response.status}`);
    }
    expect(accepted, 'unused methods that were not refused').toEqual([]);
    expect(stateOf()).toBe(before);
  });

  it('[ASVS 4.1.4] the Secret Store refuses other methods on a secret with 405 and the ones it allows', async () => {
    const before = JSON.stringify([...db().secrets]);
    for (const method of ['POST', 'OPTIONS']) {
      const response = await send(method, '/secrets/v1/secret/default/db-password', '{"value":"overwritten"}');
      expect(response.status, method).toBe(405);
      expect(response.headers.get('Allow')).toBe('GET, PUT, PATCH, DELETE');
    }
    expect(JSON.stringify([...db().secrets])).toBe(before);
  });
});

describe('Business rules the cluster keeps, whatever the client checked', () => {
  it('[ASVS 2.3.2] the last superuser cannot be removed by any route: membership, grant, group, ACL or account', async () => {
    const attempts: [string, string, string][] = [
      ['DELETE', '/acs/api/v1/groups/superusers/users/bootstrapuser', 'ERR_NO_MORE_SUPERUSERS'],
      ['DELETE', '/acs/api/v1/users/bootstrapuser', 'ERR_NO_MORE_SUPERUSERS'],
      ['DELETE', '/acs/api/v1/acls/dcos:superuser/groups/superusers/full', 'ERR_IS_SUPERUSER_GROUP'],
      ['DELETE', '/acs/api/v1/acls/dcos:superuser/groups/superusers', 'ERR_IS_SUPERUSER_GROUP'],
      ['DELETE', '/acs/api/v1/groups/superusers', 'ERR_IS_SUPERUSER_GROUP'],
      ['DELETE', '/acs/api/v1/acls/dcos:superuser', 'ERR_IS_SUPERUSER_ACL'],
    ];
    const before = stateOf();
    for (const [method, path, code] of attempts) {
      const response = await send(method, path);
      expect(response.status, path).toBe(400);
      expect(((await response.json()) as { code?: string }).code, path).toBe(code);
    }
    expect(stateOf()).toBe(before);
    expect((await send('GET', '/acs/api/v1/users')).status).toBe(200);
  });

  it('[ASVS 2.2.2] ids, resource ids, secret paths and the secret size limit are enforced by the cluster, not only the console', async () => {
    const before = stateOf();
    const refusals: [string, string, string, number][] = [
      ['PUT', '/acs/api/v1/users/bad%20uid', '{"description":"x","password":"secret-pass"}', 400],
      ['PUT', '/acs/api/v1/groups/bad%2Fgroup', '{"description":"x"}', 400],
      ['PUT', '/acs/api/v1/acls/dcos::empty-segment', '{"description":"x"}', 400],
      ['PUT', '/acs/api/v1/acls/not-dcos:x', '{"description":"x"}', 400],
      ['PUT', `/acs/api/v1/acls/dcos:${'x'.repeat(600)}`, '{"description":"x"}', 400],
      ['PUT', '/secrets/v1/secret/default/a//b', '{"value":"x"}', 400],
      ['PUT', '/secrets/v1/secret/default/a%20b', '{"value":"x"}', 400],
      ['PUT', '/secrets/v1/secret/default/too-big', JSON.stringify({ value: 'x'.repeat(1024 * 1024 - 1024 + 1) }), 413],
    ];
    for (const [method, path, body, status] of refusals)
      expect((await send(method, path, body)).status, path.slice(0, 80)).toBe(status);
    expect(stateOf()).toBe(before);
    // The limit itself is allowed: 1 MiB − 1 KiB.
    expect(
      (
        await send(
          'PUT',
          '/secrets/v1/secret/default/at-the-limit',
          JSON.stringify({ value: 'x'.repeat(1024 * 1024 - 1024) }),
        )
      ).status,
    ).toBe(201);
  });

  it('[ASVS 2.2.1] takes only a JSON object of the expected shape: other media, arrays, unknown fields and wrong types are refused', async () => {
    const before = stateOf();
    const bodies: [string, string, string][] = [
      ['/acs/api/v1/users/zed', '{"description":"z","password":"secret-pass"}', 'text/plain'],
      ['/acs/api/v1/users/zed', 'description=z&password=secret-pass', 'application/x-www-form-urlencoded'],
      ['/acs/api/v1/users/zed', '<user><description>z</description></user>', 'application/xml'],
      ['/acs/api/v1/users/zed', '[{"description":"z","password":"secret-pass"}]', 'application/json'],
      ['/acs/api/v1/users/zed', '{"description":"z","password":"secret-pass","is_superuser":true}', 'application/json'],
      ['/acs/api/v1/users/zed', '{"description":5,"password":"secret-pass"}', 'application/json'],
      ['/acs/api/v1/groups/zed', '{"description":["z"]}', 'application/json'],
      ['/secrets/v1/secret/default/zed', '{"value":"z","store":"other"}', 'application/json'],
      ['/secrets/v1/secret/default/zed', '{"value":5}', 'application/json'],
    ];
    for (const [path, body, type] of bodies)
      expect((await send('PUT', path, body, type)).status, `${type} ${body}`).toBe(400);
    expect(stateOf()).toBe(before);
  });

  it('[ASVS 2.2.3] refuses combinations that make no sense together: password and token, password and public key', async () => {
    const before = stateOf();
    const login = await simulator.handle(
      apiRequest('/acs/api/v1/auth/login', {
        method: 'POST',
        body: JSON.stringify({ uid: 'bootstrapuser', password: 'deleteme', token: 'x' }),
      }),
    );
    expect(login.status).toBe(400);
    expect(login.headers.getSetCookie()).toEqual([]);
    const both = await send(
      'PUT',
      '/acs/api/v1/users/zed',
      JSON.stringify({ description: 'z', password: 'secret-pass', public_key: '-----BEGIN PUBLIC KEY-----' }),
    );
    expect(both.status).toBe(400);
    const neither = await send('PUT', '/acs/api/v1/users/zed', JSON.stringify({ description: 'z' }));
    expect(neither.status).toBe(400);
    expect(stateOf()).toBe(before);
  });
});

describe('Where the key that checks a token comes from', () => {
  /** A token for bootstrapuser signed by an attacker's own key, with the given extra header fields. */
  async function attackerToken(header: (publicJwk: Record<string, unknown>) => Record<string, unknown>) {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), alg: 'RS256', use: 'sig' };
    return new SignJWT({ uid: 'bootstrapuser' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...header(jwk) })
      .setExpirationTime('1h')
      .sign(privateKey);
  }
  const status = async (token: string) =>
    (await simulator.handle(apiRequest('/acs/api/v1/users', { via: 'token', token }))).status;

  it('[ASVS 9.1.3] a token that carries its own key (jwk header), even under the cluster’s kid, is refused', async () => {
    expect(await status(await attackerToken((jwk) => ({ jwk, kid: simulator.context.keys.kid })))).toBe(401);
  });

  it('[ASVS 9.1.3] a token that points at a key elsewhere (jku, x5u) is refused: only the cluster’s own key counts', async () => {
    expect(await status(await attackerToken(() => ({ jku: 'https://evil.example/jwks.json', kid: 'evil' })))).toBe(401);
    expect(
      await status(
        await attackerToken(() => ({ x5u: 'https://evil.example/cert.pem', kid: simulator.context.keys.kid })),
      ),
    ).toBe(401);
    // The cluster's own token is accepted: what is refused is the key, not the account.
    expect(await status(admin)).toBe(200);
  });
});
