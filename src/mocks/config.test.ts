// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TOKEN_TTL_SECONDS, readSimConfig } from './config.ts';

const NO_EXTRAS = {
  users: 0,
  groups: 0,
  serviceAccounts: 0,
  secrets: 0,
  acls: 0,
  sealThreshold: 1,
  sealShares: 1,
  sealed: false,
};
const SEAL_DEFAULTS = { sealThreshold: 1, sealShares: 1, sealed: false };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('readSimConfig', () => {
  it('defaults to strict mode and five-day tokens', () => {
    expect(DEFAULT_TOKEN_TTL_SECONDS).toBe(432000);
    expect(readSimConfig({})).toEqual({ securityMode: 'strict', tokenTtlSeconds: 432000, ...NO_EXTRAS });
  });

  it.each(['strict', 'permissive', 'disabled'] as const)('honours SECURITY_MODE=%s', (mode) => {
    expect(readSimConfig({ SECURITY_MODE: mode })).toEqual({
      securityMode: mode,
      tokenTtlSeconds: 432000,
      ...NO_EXTRAS,
    });
  });

  it('honours SIM_TOKEN_TTL in seconds', () => {
    expect(readSimConfig({ SIM_TOKEN_TTL: '60' })).toEqual({
      securityMode: 'strict',
      tokenTtlSeconds: 60,
      ...NO_EXTRAS,
    });
    expect(readSimConfig({ SECURITY_MODE: 'permissive', SIM_TOKEN_TTL: '5' })).toEqual({
      securityMode: 'permissive',
      tokenTtlSeconds: 5,
      ...NO_EXTRAS,
    });
  });

  it('treats an empty SIM_TOKEN_TTL as unset', () => {
    expect(readSimConfig({ SIM_TOKEN_TTL: '' })).toEqual({
      securityMode: 'strict',
      tokenTtlSeconds: 432000,
      ...NO_EXTRAS,
    });
  });

  it('reads process.env when given no environment', () => {
    vi.stubEnv('SECURITY_MODE', 'disabled');
    vi.stubEnv('SIM_TOKEN_TTL', '30');
    for (const name of [
      'SIM_USERS',
      'SIM_GROUPS',
      'SIM_SERVICE_ACCOUNTS',
      'SIM_SECRETS',
      'SIM_ACLS',
      'SIM_SEAL_THRESHOLD',
      'SIM_SEAL_SHARES',
      'SIM_SEALED',
    ]) {
      vi.stubEnv(name, '');
    }
    expect(readSimConfig()).toEqual({ securityMode: 'disabled', tokenTtlSeconds: 30, ...NO_EXTRAS });
  });

  it.each(['lax', 'STRICT', 'off', ''])('refuses SECURITY_MODE=%j with a message naming the valid modes', (mode) => {
    expect(() => readSimConfig({ SECURITY_MODE: mode })).toThrow(
      new Error(`SECURITY_MODE must be one of disabled, permissive, strict; got "${mode}"`),
    );
  });

  it.each(['0', '-60', '1.5', 'abc', '5d', 'NaN', 'Infinity'])(
    'refuses SIM_TOKEN_TTL=%j with a clear message',
    (ttl) => {
      expect(() => readSimConfig({ SIM_TOKEN_TTL: ttl })).toThrow(
        new Error(`SIM_TOKEN_TTL must be a positive whole number of seconds; got "${ttl}"`),
      );
    },
  );

  it('reads SIM_USERS, SIM_GROUPS and SIM_SERVICE_ACCOUNTS as counts of extra generated entities', () => {
    expect(readSimConfig({ SIM_USERS: '10000', SIM_GROUPS: '50', SIM_SERVICE_ACCOUNTS: '7' })).toEqual({
      securityMode: 'strict',
      tokenTtlSeconds: 432000,
      users: 10000,
      groups: 50,
      serviceAccounts: 7,
      secrets: 0,
      acls: 0,
      ...SEAL_DEFAULTS,
    });
    expect(readSimConfig({ SIM_USERS: '0', SIM_GROUPS: '', SIM_SERVICE_ACCOUNTS: '100000' })).toEqual({
      securityMode: 'strict',
      tokenTtlSeconds: 432000,
      users: 0,
      groups: 0,
      serviceAccounts: 100000,
      secrets: 0,
      acls: 0,
      ...SEAL_DEFAULTS,
    });
  });

  it('reads the scale from process.env when given no environment', () => {
    vi.stubEnv('SIM_USERS', '12');
    vi.stubEnv('SIM_GROUPS', '3');
    vi.stubEnv('SIM_SERVICE_ACCOUNTS', '4');
    expect(readSimConfig()).toMatchObject({ users: 12, groups: 3, serviceAccounts: 4 });
  });

  it.each([
    ['SIM_USERS', '-1'],
    ['SIM_USERS', '1.5'],
    ['SIM_USERS', '1e3'],
    ['SIM_USERS', ' 5'],
    ['SIM_GROUPS', 'ten'],
    ['SIM_GROUPS', '0x10'],
    ['SIM_SERVICE_ACCOUNTS', 'Infinity'],
    ['SIM_SERVICE_ACCOUNTS', '100001'],
    ['SIM_SECRETS', '-3'],
    ['SIM_SECRETS', '100001'],
    ['SIM_ACLS', '1e4'],
    ['SIM_ACLS', '100001'],
  ])('refuses %s=%j with a clear message', (name, value) => {
    expect(() => readSimConfig({ [name]: value })).toThrow(
      new Error(`${name} must be a whole number from 0 to 100000; got "${value}"`),
    );
  });

  it('reads SIM_SECRETS as the count of extra generated secrets', () => {
    expect(readSimConfig({ SIM_SECRETS: '10000' })).toEqual({
      securityMode: 'strict',
      tokenTtlSeconds: 432000,
      ...NO_EXTRAS,
      secrets: 10000,
    });
    expect(readSimConfig({ SIM_SECRETS: '' }).secrets).toBe(0);
  });

  it('reads SIM_ACLS as the count of extra generated ACLs', () => {
    expect(readSimConfig({ SIM_ACLS: '10000' })).toEqual({
      securityMode: 'strict',
      tokenTtlSeconds: 432000,
      ...NO_EXTRAS,
      acls: 10000,
    });
    expect(readSimConfig({ SIM_ACLS: '' }).acls).toBe(0);
  });

  it('reads SIM_SEAL_THRESHOLD, SIM_SEAL_SHARES and SIM_SEALED', () => {
    expect(readSimConfig({ SIM_SEAL_THRESHOLD: '2', SIM_SEAL_SHARES: '3', SIM_SEALED: 'true' })).toEqual({
      securityMode: 'strict',
      tokenTtlSeconds: 432000,
      ...NO_EXTRAS,
      sealThreshold: 2,
      sealShares: 3,
      sealed: true,
    });
    expect(readSimConfig({ SIM_SEAL_SHARES: '10', SIM_SEALED: '1' })).toMatchObject({
      sealThreshold: 1,
      sealShares: 10,
      sealed: true,
    });
    expect(readSimConfig({ SIM_SEAL_THRESHOLD: '', SIM_SEAL_SHARES: '', SIM_SEALED: '' })).toMatchObject(SEAL_DEFAULTS);
    for (const no of ['0', 'false']) expect(readSimConfig({ SIM_SEALED: no }).sealed).toBe(false);
  });

  it.each([
    ['SIM_SEAL_THRESHOLD', '0'],
    ['SIM_SEAL_THRESHOLD', '11'],
    ['SIM_SEAL_SHARES', '0'],
    ['SIM_SEAL_SHARES', '11'],
    ['SIM_SEAL_SHARES', '2.5'],
    ['SIM_SEAL_SHARES', 'three'],
  ])('refuses %s=%j with a clear message', (name, value) => {
    expect(() => readSimConfig({ [name]: value })).toThrow(
      new Error(`${name} must be a whole number from 1 to 10; got "${value}"`),
    );
  });

  it('refuses a seal threshold above the number of shares', () => {
    expect(() => readSimConfig({ SIM_SEAL_THRESHOLD: '2' })).toThrow(
      new Error('SIM_SEAL_THRESHOLD (2) must not exceed SIM_SEAL_SHARES (1)'),
    );
    expect(() => readSimConfig({ SIM_SEAL_THRESHOLD: '4', SIM_SEAL_SHARES: '3' })).toThrow(
      new Error('SIM_SEAL_THRESHOLD (4) must not exceed SIM_SEAL_SHARES (3)'),
    );
  });

  it.each(['yes', 'TRUE', 'on', '2'])('refuses SIM_SEALED=%j', (value) => {
    expect(() => readSimConfig({ SIM_SEALED: value })).toThrow(
      new Error(`SIM_SEALED must be true, false, 1 or 0; got "${value}"`),
    );
  });
});
