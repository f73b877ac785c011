// @vitest-environment node
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN_TTL_SECONDS } from '../config.ts';
import { createSimulator, type Simulator } from '../simulator.ts';
import type { RecordedExchange } from './exchange.ts';
import { formatDifferences, readRecording, replay, shapeDifferences } from './replay.ts';

// The recordings under recordings/ (made with `RECORD=dir`, README "Recording a real cluster") replayed against the
// simulator: every difference in status, content type, IAM error code, WWW-Authenticate or JSON shape is reported.
// `REPLAY=path/to/dir npx vitest run src/mocks/recording/replay.test.ts` replays another one (a real cluster's).

const RECORDINGS = resolve(import.meta.dirname, '../../../recordings');
const dirs = process.env.REPLAY
  ? [resolve(process.env.REPLAY)]
  : readdirSync(RECORDINGS, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(RECORDINGS, entry.name));

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ securityMode: 'strict', tokenTtlSeconds: DEFAULT_TOKEN_TTL_SECONDS });
});

describe.each(dirs)('the recording %s', (dir) => {
  it('is there and holds exchanges', () => {
    expect(existsSync(dir)).toBe(true);
    expect(readRecording(dir).length).toBeGreaterThan(0);
  });

  it('replays against the simulator without a difference', async () => {
    const differences = await replay(readRecording(dir), sim);
    expect(differences, formatDifferences(differences)).toEqual([]);
  });

  it('holds no token, password, unseal key or secret value', () => {
    const text = JSON.stringify(readRecording(dir));
    expect(text).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/);
    for (const secret of [
      'deleteme',
      'alice-pass',
      'bob-pass',
      'Pg-8r!ck-Lantern-42',
      'wJalrXUtnFEMI',
      'BEGIN RSA PRIVATE KEY',
      'BEGIN PUBLIC KEY',
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  });
});

describe('the replay reports what differs', () => {
  const login: RecordedExchange = {
    seq: 1,
    account: 'bootstrapuser',
    request: {
      method: 'POST',
      path: '/acs/api/v1/auth/login',
      query: '',
      headers: { 'content-type': 'application/json' },
      body: { json: { uid: 'bootstrapuser', password: '<redacted>' } },
    },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: { json: { token: '<redacted>' } } },
  };

  it('a status, an error code and a shape', async () => {
    const lying: RecordedExchange[] = [
      { ...login, response: { ...login.response, status: 201 } },
      {
        seq: 2,
        account: 'bootstrapuser',
        request: {
          method: 'GET',
          path: '/acs/api/v1/users/nobody',
          query: '',
          headers: { cookie: 'dcos-acs-auth-cookie=<redacted>' },
          body: null,
        },
        response: {
          status: 400,
          headers: { 'content-type': 'application/json' },
          body: { json: { title: 'Bad Request', description: 'x', code: 'ERR_SOMETHING_ELSE' } },
        },
      },
      {
        seq: 3,
        account: 'bootstrapuser',
        request: {
          method: 'GET',
          path: '/secrets/v1/seal-status/default',
          query: '',
          headers: { cookie: 'dcos-acs-auth-cookie=<redacted>' },
          body: null,
        },
        response: {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: { json: { sealed: 'no', threshold: 1, shares: 1, progress: 0, nonce: 'x' } },
        },
      },
      {
        seq: 4,
        account: null,
        request: { method: 'GET', path: '/acs/api/v1/users', query: '', headers: {}, body: null },
        response: {
          status: 404,
          headers: { 'content-type': 'application/json' },
          body: { json: { title: 'Not Found' } },
        },
      },
    ];
    const report = formatDifferences(await replay(lying, sim));
    expect(report).toContain('#1 POST /acs/api/v1/auth/login — status: recorded 201, simulator 200');
    expect(report).toContain(
      '#2 GET /acs/api/v1/users/nobody — code: recorded ERR_SOMETHING_ELSE, simulator ERR_UNKNOWN_USER_ID',
    );
    expect(report).toContain(
      '#3 GET /secrets/v1/seal-status/default .sealed — shape: recorded string, simulator boolean',
    );
    expect(report).toContain(
      '#3 GET /secrets/v1/seal-status/default .nonce — shape: recorded present, simulator missing',
    );
    expect(report).toContain('#4 GET /acs/api/v1/users — status: recorded 404, simulator 401');
    expect(report).toContain('#4 GET /acs/api/v1/users — www-authenticate: recorded none, simulator acsjwt');
    expect(report).toContain(
      '#4 GET /acs/api/v1/users — content-type: recorded application/json, simulator text/html; charset=utf-8',
    );
  });

  it('nothing for a faithful recording', async () => {
    expect(await replay([login], sim)).toEqual([]);
  });

  it('compares list items as the union of their keys', () => {
    expect(
      shapeDifferences(
        { array: [{ uid: 'a' }, { uid: 'b', public_key: 'k' }] },
        { array: [{ uid: 'c', public_key: 'k' }] },
      ),
    ).toEqual([]);
    expect(shapeDifferences({ array: [] }, { array: [{ uid: 'c' }] })).toEqual([]);
    expect(shapeDifferences([{ a: 1 }], [{ a: '1' }])).toEqual(['[].a: number ≠ string']);
  });
});
