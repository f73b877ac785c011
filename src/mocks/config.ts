import { MAX_SCALE, SECURITY_MODES, type SecurityMode, type SimDbOptions, type SimScale } from './db/types.ts';

export const DEFAULT_TOKEN_TTL_SECONDS = 5 * 24 * 60 * 60;

/** The environment variable behind each scale option. */
export const SCALE_ENV: Readonly<Record<keyof SimScale, string>> = {
  users: 'SIM_USERS',
  groups: 'SIM_GROUPS',
  serviceAccounts: 'SIM_SERVICE_ACCOUNTS',
};

export function isScaleCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SCALE;
}

function readCount(env: Record<string, string | undefined>, name: string): number {
  const text = env[name];
  if (text === undefined || text === '') return 0;
  const count = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!isScaleCount(count)) throw new Error(`${name} must be a whole number from 0 to ${MAX_SCALE}; got "${text}"`);
  return count;
}

/**
 * Reads the simulator's settings from the environment, refusing bad values: `SECURITY_MODE`, `SIM_TOKEN_TTL`, and
 * `SIM_USERS`, `SIM_GROUPS`, `SIM_SERVICE_ACCOUNTS` (how many extra generated entities every db gets, default 0).
 */
export function readSimConfig(env: Record<string, string | undefined> = process.env): Required<SimDbOptions> {
  const mode = env.SECURITY_MODE ?? 'strict';
  if (!SECURITY_MODES.includes(mode as SecurityMode)) {
    throw new Error(`SECURITY_MODE must be one of ${SECURITY_MODES.join(', ')}; got "${mode}"`);
  }
  const ttlText = env.SIM_TOKEN_TTL;
  const ttl = ttlText === undefined || ttlText === '' ? DEFAULT_TOKEN_TTL_SECONDS : Number(ttlText);
  if (!Number.isInteger(ttl) || ttl <= 0) throw new Error(`SIM_TOKEN_TTL must be a positive whole number of seconds; got "${ttlText}"`);
  return {
    securityMode: mode as SecurityMode,
    tokenTtlSeconds: ttl,
    users: readCount(env, SCALE_ENV.users),
    groups: readCount(env, SCALE_ENV.groups),
    serviceAccounts: readCount(env, SCALE_ENV.serviceAccounts),
  };
}
