import { setupServer } from 'msw/node';
import { DEFAULT_TOKEN_TTL_SECONDS } from './config.ts';
import { createSimulator } from './simulator.ts';

/** The simulator for unit tests: the same handlers, intercepting fetch in the test process. */
export const simulator = await createSimulator(
  { securityMode: 'strict', tokenTtlSeconds: DEFAULT_TOKEN_TTL_SECONDS },
  { control: true },
);
export const server = setupServer(...simulator.handlers);
