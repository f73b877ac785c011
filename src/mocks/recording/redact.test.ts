// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { REDACTED } from './exchange.ts';
import {
  accountFromCookies,
  recordBody,
  recordRequestHeaders,
  recordResponseHeaders,
  redactJson,
  redactParameters,
} from './redact.ts';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJ1aWQiOiJib290c3RyYXB1c2VyIn0.c2lnbmF0dXJl';

describe('What a recording keeps', () => {
  it('redacts tokens, passwords, keys and secret values in JSON, keeping their place, type and count', () => {
    expect(
      redactJson({
        uid: 'bootstrapuser',
        password: 'deleteme',
        token: JWT,
        keys: ['a', 'b'],
        key: 'k',
        value: 'wJalrXUtnFEMI',
        public_key: '-----BEGIN PUBLIC KEY-----',
        client_secret: 's',
        lookup_password: 'lp',
        description: `has ${JWT} inside`,
        nested: { array: [{ private_key: 'p', labels: ['x'] }] },
        count: 3,
      }),
    ).toEqual({
      uid: 'bootstrapuser',
      password: REDACTED,
      token: REDACTED,
      keys: [REDACTED, REDACTED],
      key: REDACTED,
      value: REDACTED,
      public_key: REDACTED,
      client_secret: REDACTED,
      lookup_password: REDACTED,
      description: `has ${REDACTED} inside`,
      nested: { array: [{ private_key: REDACTED, labels: ['x'] }] },
      count: 3,
    });
  });

  it('keeps only the size of bytes (a binary secret), and text with JWTs redacted', () => {
    expect(recordBody(Buffer.from([0, 1, 2, 255]), 'application/octet-stream')).toEqual({ binary: 4 });
    expect(recordBody(Buffer.from(`token ${JWT}`), 'text/html; charset=utf-8')).toEqual({ text: `token ${REDACTED}` });
    expect(recordBody(Buffer.from(''), 'application/json')).toBeNull();
    expect(recordBody(Buffer.from('SAMLResponse=abc&RelayState=r&x=1'), 'application/x-www-form-urlencoded')).toEqual({
      form: { SAMLResponse: REDACTED, RelayState: REDACTED, x: '1' },
    });
  });

  it('redacts credentials in query strings and Location headers', () => {
    expect(redactParameters('state=s&code=c&target=%2Fsecrets')).toBe(
      `state=${encodeURIComponent(REDACTED)}&code=${encodeURIComponent(REDACTED)}&target=%2Fsecrets`,
    );
    expect(recordResponseHeaders({ location: '/cb?code=abc&x=1' }).location).toBe(
      `/cb?code=${encodeURIComponent(REDACTED)}&x=1`,
    );
  });

  it('keeps cookie names and attributes, the Authorization scheme, and nothing of their values', () => {
    const request = recordRequestHeaders({
      cookie: `dcos-acs-auth-cookie=${JWT}; dcos-acs-info-cookie=abc`,
      authorization: `token=${JWT}`,
      'content-type': 'application/json',
      'user-agent': 'x',
    });
    expect(request).toEqual({
      'content-type': 'application/json',
      authorization: `token=${REDACTED}`,
      cookie: `dcos-acs-auth-cookie=${REDACTED}; dcos-acs-info-cookie=${REDACTED}`,
    });
    const response = recordResponseHeaders({
      'set-cookie': [`dcos-acs-auth-cookie=${JWT}; HttpOnly; Path=/`],
      'content-type': 'application/json',
      server: 'openresty',
    });
    expect(response).toEqual({
      'content-type': 'application/json',
      'set-cookie': [`dcos-acs-auth-cookie=${REDACTED}; HttpOnly; Path=/`],
    });
    expect(JSON.stringify([request, response])).not.toContain('eyJ');
  });

  it('reads the account from the info cookie, which is not a secret', () => {
    const info = Buffer.from(JSON.stringify({ uid: 'alice', description: 'Alice' })).toString('base64');
    expect(accountFromCookies(`a=b; dcos-acs-info-cookie=${info}`)).toBe('alice');
    expect(accountFromCookies('a=b')).toBeNull();
  });
});
