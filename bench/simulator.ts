import { DEMO } from './browser.ts';
import { summarize, type Summary } from './stats.ts';

export const SIMULATOR_LISTS = {
  users: '/acs/api/v1/users',
  secrets: '/secrets/v1/secret/default/?list=true',
} as const;

/**
 * Median time for the simulator to answer a 10,000-item list over HTTP (request sent → body fully read), so that a
 * slow simulator never hides, or stands in for, the console's own cost. Two warm-up requests are not counted.
 */
export async function measureSimulatorList(
  baseURL: string,
  path: string,
  requests: number,
  expectAtLeast: number,
): Promise<Summary> {
  const login = await fetch(`${baseURL}/acs/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(DEMO),
  });
  if (!login.ok) throw new Error(`bench sign-in failed: HTTP ${login.status}`);
  // Held in memory only, never printed or written: the bench's own session for the API.
  const { token } = (await login.json()) as { token: string };
  const headers = { Authorization: `token=${token}`, Accept: 'application/json' };
  const times: number[] = [];
  for (let i = 0; i < requests + 2; i++) {
    const start = performance.now();
    const response = await fetch(`${baseURL}${path}`, { headers });
    const body = (await response.json()) as { array?: unknown[] };
    const ms = performance.now() - start;
    if (!response.ok || !Array.isArray(body.array)) throw new Error(`GET ${path}: HTTP ${response.status}`);
    if (body.array.length < expectAtLeast)
      throw new Error(`GET ${path} listed ${body.array.length}, expected at least ${expectAtLeast}`);
    if (i >= 2) times.push(ms);
  }
  return summarize(times);
}
