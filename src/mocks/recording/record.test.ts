// @vitest-environment node
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecorder, recordApi } from './record.ts';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJ1aWQiOiJhbGljZSJ9.c2ln';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for http-proxy: emits proxyReq, streams the request body, then proxyRes with a streamed answer. */
function fakeExchange(
  proxy: EventEmitter,
  request: { method: string; url: string; headers: Record<string, string>; body?: Buffer },
  response: { status: number; headers: Record<string, string | string[]>; body: Buffer },
) {
  const req = Object.assign(new EventEmitter(), {
    method: request.method,
    url: request.url,
    headers: request.headers,
  }) as unknown as IncomingMessage;
  proxy.emit('proxyReq', {}, req);
  if (request.body) req.emit('data', request.body);
  req.emit('end');
  const res = Object.assign(new EventEmitter(), {
    statusCode: response.status,
    headers: response.headers,
  }) as unknown as IncomingMessage;
  proxy.emit('proxyRes', res, req);
  res.emit('data', response.body);
  res.emit('end');
}

describe('RECORD=dir', () => {
  it('writes each proxied exchange, in order, redacted, with a compressed answer decoded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dcos-record-'));
    dirs.push(dir);
    const recorder = createRecorder(dir);
    const proxy = new EventEmitter();
    recorder.attach(proxy);
    const info = Buffer.from(JSON.stringify({ uid: 'alice' })).toString('base64');
    fakeExchange(
      proxy,
      {
        method: 'PUT',
        url: '/secrets/v1/secret/default/a/b',
        headers: {
          'content-type': 'application/json',
          cookie: `dcos-acs-auth-cookie=${JWT}; dcos-acs-info-cookie=${info}`,
        },
        body: Buffer.from('{"value":"s3cret"}'),
      },
      { status: 201, headers: {}, body: Buffer.alloc(0) },
    );
    fakeExchange(
      proxy,
      {
        method: 'GET',
        url: '/secrets/v1/secret/default/a/b',
        headers: { cookie: `dcos-acs-auth-cookie=${JWT}; dcos-acs-info-cookie=${info}` },
      },
      {
        status: 200,
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync('{"value":"s3cret","labels":[]}'),
      },
    );
    expect(recorder.count()).toBe(2);
    const files = readdirSync(dir).sort();
    expect(files).toEqual([
      '0001-PUT-secrets_v1_secret_default_a_b.json',
      '0002-GET-secrets_v1_secret_default_a_b.json',
    ]);
    const text = files.map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('eyJ');
    const second = JSON.parse(readFileSync(join(dir, files[1] ?? ''), 'utf8')) as {
      account: string;
      response: { body: unknown };
    };
    expect(second.account).toBe('alice');
    expect(second.response.body).toEqual({ json: { value: '<redacted>', labels: [] } });
  });

  it('needs DCOS_URL, and does nothing without RECORD', () => {
    const hook = (plugin: ReturnType<typeof recordApi>) => plugin.config as (config: object) => unknown;
    expect(() => hook(recordApi({ RECORD: join(tmpdir(), 'x') }))({})).toThrow(/set DCOS_URL too/);
    expect(hook(recordApi({}))({})).toBeUndefined();
  });
});
