import { getResponse, type RequestHandler } from 'msw';
import type { SimDbOptions } from './db/types.ts';
import { aclHandlers } from './handlers/acls.ts';
import { adminRouterHandlers } from './handlers/admin-router.ts';
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

/**
 * How a simulator is served. `control`: the test-only control API under `/__sim/` (test databases, faults, settings)
 * is answered. Off for the demo (`npm start`, `npm run dev`, `npm run sim` without `SIM_CONTROL=1`): a page on another
 * site must find no control surface to post to (issue 19). The simulated identity provider and `/__sim/health` are
 * always there; they change nothing.
 */
export interface SimulatorOptions {
  control?: boolean;
}

export function createHandlers(sim: SimContext, { control = false }: SimulatorOptions = {}) {
  return [
    // First: a test's injected fault answers before the real handler does.
    ...(control ? faultHandlers(sim) : []),
    // Then Admin Router's token check in front of the IAM, before any IAM route is matched (docs/decisions/006).
    ...adminRouterHandlers(sim),
    ...authHandlers(sim),
    ...ssoHandlers(sim),
    ...providerHandlers(sim),
    ...ldapHandlers(sim),
    ...idpHandlers(sim),
    ...(control ? dbSettingsHandlers(sim) : []),
    ...userHandlers(sim),
    ...groupHandlers(sim),
    ...aclHandlers(sim),
    ...metadataHandlers(sim),
    ...secretHandlers(sim),
    ...controlHandlers(sim, control),
  ];
}

/** A handler's method and path test as MSW applies them (`HttpHandler`); other kinds of handler have neither. */
interface HttpLike {
  info: { path?: unknown };
  matchMethod?: (method: string) => boolean;
}

/**
 * A test on the request's URL (origin and path) that passes whenever MSW's own match of the handler's path would:
 * `*` is anything, `:name` one segment or more (path-to-regexp's parameter is narrower), any case, with or without
 * a trailing slash. A regular expression, a predicate or an unusual pattern always passes, and MSW decides.
 */
function pathTest(path: unknown): (url: string) => boolean {
  if (typeof path !== 'string' || !/^[\w*:/.~-]*$/.test(path)) return () => true;
  const source = path
    .split(/(\*|:\w+)/)
    .map((part) => (part === '*' ? '.*' : /^:\w+$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const pattern = new RegExp(`^${source}/?$`, 'i');
  return (url) => pattern.test(url);
}

/**
 * The handlers a request may match, in their order. MSW tries every handler in turn and, for each, parses the
 * request's cookies and compiles the handler's path into a regular expression again: with 80 handlers that was about
 * half of a small request's time in the simulator (README, Performance). Here each path is compiled once, the handlers whose method or path
 * cannot match are left out, and MSW still decides among the rest exactly as before.
 */
export function handlerPicker(handlers: readonly RequestHandler[]): (request: Request) => RequestHandler[] {
  const tests = handlers.map((handler) => {
    const http = handler as unknown as HttpLike;
    const path = pathTest(http.info.path);
    const method = http.matchMethod?.bind(handler);
    return (request: Request, url: string) => (method ? method(request.method) : true) && path(url);
  });
  return (request) => {
    const { origin, pathname } = new URL(request.url);
    const url = `${origin}${pathname}`;
    return handlers.filter((_, i) => tests[i]?.(request, url) ?? true);
  };
}

export async function createSimulator(options: SimDbOptions, serving: SimulatorOptions = {}): Promise<Simulator> {
  const context = await createSimContext(options);
  const handlers = createHandlers(context, serving);
  const pick = handlerPicker(handlers);
  return {
    context,
    handlers,
    async handle(request) {
      return (await getResponse(pick(request), request)) ?? iamError(404, 'The requested resource could not be found.');
    },
  };
}
