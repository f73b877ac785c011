// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TOKEN_TTL_SECONDS, readSimConfig } from './config.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('readSimConfig', () => {
  it('defaults to strict mode and five-day tokens', () => {
    expect(DEFAULT_TOKEN_TTL_SECONDS).toBe(432000);
    expect(readSimConfig({})).toEqual({ securityMode: 'strict', tokenTtlSeconds: 432000 });
  });

  it.each(['strict', 'permissive', 'disabled'] as const)('honours SECURITY_MODE=%s', (mode) => {
    expect(readSimConfig({ SECURITY_MODE: mode })).toEqual({ securityMode: mode, tokenTtlSeconds: 432000 });
  });

  it('honours SIM_TOKEN_TTL in seconds', () => {
    expect(readSimConfig({ SIM_TOKEN_TTL: '60' })).toEqual({ securityMode: 'strict', tokenTtlSeconds: 60 });
    expect(readSimConfig({ SECURITY_MODE: 'permissive', SIM_TOKEN_TTL: '5' })).toEqual({ securityMode: 'permissive', tokenTtlSeconds: 5 });
  });

  it('treats an empty SIM_TOKEN_TTL as unset', () => {
    expect(readSimConfig({ SIM_TOKEN_TTL: '' })).toEqual({ securityMode: 'strict', tokenTtlSeconds: 432000 });
  });

  it('reads process.env when given no environment', () => {
    vi.stubEnv('SECURITY_MODE', 'disabled');
    vi.stubEnv('SIM_TOKEN_TTL', '30');
    expect(readSimConfig()).toEqual({ securityMode: 'disabled', tokenTtlSeconds: 30 });
  });

  it.each(['lax', 'STRICT', 'off', ''])('refuses SECURITY_MODE=%j with a message naming the valid modes', (mode) => {
    expect(() => readSimConfig({ SECURITY_MODE: mode })).toThrow(
      new Error(`SECURITY_MODE must be one of disabled, permissive, strict; got "${mode}"`),
    );
  });

  it.each(['0', '-60', '1.5', 'abc', '5d', 'NaN', 'Infinity'])('refuses SIM_TOKEN_TTL=%j with a clear message', (ttl) => {
    expect(() => readSimConfig({ SIM_TOKEN_TTL: ttl })).toThrow(
      new Error(`SIM_TOKEN_TTL must be a positive whole number of seconds; got "${ttl}"`),
    );
  });
});
