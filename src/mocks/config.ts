import { DEFAULT_SEAL_SHARES, DEFAULT_SEAL_THRESHOLD, sealOptionsProblem } from './db/secrets.ts';
import {
  MAX_SCALE,
  MAX_SEAL_SHARES,
  SECURITY_MODES,
  type SecurityMode,
  type SimDbOptions,
  type SimScale,
} from './db/types.ts';

export const DEFAULT_TOKEN_TTL_SECONDS = 5 * 24 * 60 * 60;

/** The environment variable behind each scale option. */
export const SCALE_ENV: Readonly<Record<keyof SimScale, string>> = {
  users: 'SIM_USERS',
  groups: 'SIM_GROUPS',
  serviceAccounts: 'SIM_SERVICE_ACCOUNTS',
  secrets: 'SIM_SECRETS',
  acls: 'SIM_ACLS',
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

function readShareCount(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const count = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(count >= 1 && count <= MAX_SEAL_SHARES))
    throw new Error(`${name} must be a whole number from 1 to ${MAX_SEAL_SHARES}; got "${text}"`);
  return count;
}

function readFlag(env: Record<string, string | undefined>, name: string): boolean {
  const text = env[name];
  if (text === undefined || text === '' || text === '0' || text === 'false') return false;
  if (text === '1' || text === 'true') return true;
  throw new Error(`${name} must be true, false, 1 or 0; got "${text}"`);
}

/**
 * `SIM_CONTROL=1`: the simulator answers its test-only control API (`/__sim/dbs`, `/__sim/faults`). Only the e2e tests
 * and the bench set it; the demo leaves it off, so no other site's page finds a control surface (issue 19).
 */
export function readSimControl(env: Record<string, string | undefined> = process.env): boolean {
  return readFlag(env, 'SIM_CONTROL');
}

/** Printed when the control API is on, so nobody runs a demo with it unknowingly. */
export const SIM_CONTROL_NOTICE =
  'SIM_CONTROL=1: the test-only control API (/__sim/dbs, /__sim/faults) is ON. Never expose this server.';

/**
 * Reads the simulator's settings from the environment, refusing bad values: `SECURITY_MODE`, `SIM_TOKEN_TTL`;
 * `SIM_USERS`, `SIM_GROUPS`, `SIM_SERVICE_ACCOUNTS`, `SIM_SECRETS`, `SIM_ACLS` (how many extra generated entities every db gets,
 * default 0); `SIM_SEAL_THRESHOLD`, `SIM_SEAL_SHARES` (unseal keys needed and made, default 1 of 1) and `SIM_SEALED`
 * (whether the Secret Store starts sealed, default false).
 */
export function readSimConfig(env: Record<string, string | undefined> = process.env): Required<SimDbOptions> {
  const mode = env.SECURITY_MODE ?? 'strict';
  if (!SECURITY_MODES.includes(mode as SecurityMode)) {
    throw new Error(`SECURITY_MODE must be one of ${SECURITY_MODES.join(', ')}; got "${mode}"`);
  }
  const ttlText = env.SIM_TOKEN_TTL;
  const ttl = ttlText === undefined || ttlText === '' ? DEFAULT_TOKEN_TTL_SECONDS : Number(ttlText);
  if (!Number.isInteger(ttl) || ttl <= 0)
    throw new Error(`SIM_TOKEN_TTL must be a positive whole number of seconds; got "${ttlText}"`);
  const sealThreshold = readShareCount(env, 'SIM_SEAL_THRESHOLD', DEFAULT_SEAL_THRESHOLD);
  const sealShares = readShareCount(env, 'SIM_SEAL_SHARES', DEFAULT_SEAL_SHARES);
  if (sealOptionsProblem(sealThreshold, sealShares) !== null) {
    throw new Error(`SIM_SEAL_THRESHOLD (${sealThreshold}) must not exceed SIM_SEAL_SHARES (${sealShares})`);
  }
  return {
    securityMode: mode as SecurityMode,
    tokenTtlSeconds: ttl,
    users: readCount(env, SCALE_ENV.users),
    groups: readCount(env, SCALE_ENV.groups),
    serviceAccounts: readCount(env, SCALE_ENV.serviceAccounts),
    secrets: readCount(env, SCALE_ENV.secrets),
    acls: readCount(env, SCALE_ENV.acls),
    sealThreshold,
    sealShares,
    sealed: readFlag(env, 'SIM_SEALED'),
  };
}
