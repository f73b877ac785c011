import { SECURITY_MODES, type SecurityMode, type SimDbOptions } from './db/types.ts';

export const DEFAULT_TOKEN_TTL_SECONDS = 5 * 24 * 60 * 60;

/** Reads the simulator's settings from the environment (`SECURITY_MODE`, `SIM_TOKEN_TTL`), refusing bad values. */
export function readSimConfig(env: Record<string, string | undefined> = process.env): SimDbOptions {
  const mode = env.SECURITY_MODE ?? 'strict';
  if (!SECURITY_MODES.includes(mode as SecurityMode)) {
    throw new Error(`SECURITY_MODE must be one of ${SECURITY_MODES.join(', ')}; got "${mode}"`);
  }
  const ttlText = env.SIM_TOKEN_TTL;
  const ttl = ttlText === undefined || ttlText === '' ? DEFAULT_TOKEN_TTL_SECONDS : Number(ttlText);
  if (!Number.isInteger(ttl) || ttl <= 0) throw new Error(`SIM_TOKEN_TTL must be a positive whole number of seconds; got "${ttlText}"`);
  return { securityMode: mode as SecurityMode, tokenTtlSeconds: ttl };
}
