import { getResponse } from 'msw';
import type { SimDbOptions } from './db/types.ts';
import { aclHandlers } from './handlers/acls.ts';
import { authHandlers } from './handlers/auth.ts';
import { controlHandlers } from './handlers/control.ts';
import { faultHandlers } from './handlers/faults.ts';
import { dbSettingsHandlers } from './handlers/db-settings.ts';
import { groupHandlers } from './handlers/groups.ts';
import { idpHandlers } from './handlers/idp.ts';
import { ldapHandlers } from './handlers/ldap.ts';
import { metadataHandlers } from './handlers/metadata.ts';
import { providerHandlers } from './handlers/providers.ts';
import { secretHandlers } from './handlers/secrets.ts';
import { ssoHandlers } from './handlers/sso.ts';
import { userHandlers } from './handlers/users.ts';
import { iamError } from './lib/http.ts';
import { createSimContext, type SimContext } from './sim-context.ts';

/** Path prefixes the simulator answers; everything else belongs to the console. */
export const SIM_PATH_PREFIXES = ['/acs/', '/secrets/v1/', '/dcos-metadata/', '/__sim/'] as const;

export function isSimPath(pathname: string): boolean {
  return SIM_PATH_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

export interface Simulator {
  context: SimContext;
  handlers: ReturnType<typeof createHandlers>;
  /** Answers one request as DC/OS would; unknown API paths get the IAM's 404. */
  handle(request: Request): Promise<Response>;
}

export function createHandlers(sim: SimContext) {
  return [
    // First: a test's injected fault answers before the real handler does.
    ...faultHandlers(sim),
    ...authHandlers(sim),
    ...ssoHandlers(sim),
    ...providerHandlers(sim),
    ...ldapHandlers(sim),
    ...idpHandlers(sim),
    ...dbSettingsHandlers(sim),
    ...userHandlers(sim),
    ...groupHandlers(sim),
    ...aclHandlers(sim),
    ...metadataHandlers(sim),
    ...secretHandlers(sim),
    ...controlHandlers(sim),
  ];
}

export async function createSimulator(options: SimDbOptions): Promise<Simulator> {
  const context = await createSimContext(options);
  const handlers = createHandlers(context);
  return {
    context,
    handlers,
    async handle(request) {
      return (await getResponse(handlers, request)) ?? iamError(404, 'The requested resource could not be found.');
    },
  };
}
