import { getResponse, matchRequestUrl, type HttpHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { createSimulator, handlerPicker } from './simulator.ts';

const ORIGIN = 'http://127.0.0.1:4174';
/** MSW's own tests of a handler (its method test is private in MSW's types, public at run time). */
const mswMatches = (handler: HttpHandler, method: string, url: URL): boolean =>
  (handler as unknown as { matchMethod: (method: string) => boolean }).matchMethod(method) &&
  (typeof handler.info.path === 'function' || matchRequestUrl(url, handler.info.path).matches);

/** Every path the handlers declare, with its parameters filled in several ways, and paths no handler declares. */
function samplePaths(paths: string[]): string[] {
  const fills = ['alice', 'dcos:secrets:default:%2Fgroup%2Fspark', 'A.b-c~d', 'x%20y'];
  const out = new Set<string>([
    '/',
    '/acs/api/v1/',
    '/acs/api/v1/users/',
    '/ACS/API/V1/USERS',
    '/secrets/v1/secret/default/a/b',
    '/nowhere',
    '/acs/api/v1/users/alice/extra/deep',
  ]);
  for (const path of paths) {
    for (const fill of fills) {
      const filled = path.replace(/^\*/, '').replace(/:\w+/g, fill);
      out.add(filled);
      out.add(`${filled}/`);
    }
  }
  return [...out];
}

describe('handlerPicker', () => {
  it('keeps every handler MSW itself would match, in order, for every method and path the handlers declare', async () => {
    const sim = await createSimulator({ securityMode: 'strict', tokenTtlSeconds: 3600 }, { control: true });
    const handlers = sim.handlers;
    const pick = handlerPicker(sim.handlers);
    const paths = samplePaths(handlers.map((h) => h.info.path).filter((p): p is string => typeof p === 'string'));
    let compared = 0;
    for (const method of ['GET', 'PUT', 'PATCH', 'POST', 'DELETE', 'HEAD']) {
      for (const path of paths) {
        const request = new Request(`${ORIGIN}${path}?q=1`, { method });
        const url = new URL(request.url);
        const matching = handlers.filter((h) => mswMatches(h, method, url));
        const picked = pick(request);
        // Nothing MSW would match is left out, and the order is the handlers' own.
        expect(
          matching.filter((h) => !picked.includes(h)),
          `${method} ${path}`,
        ).toEqual([]);
        expect(picked).toEqual(handlers.filter((h) => picked.includes(h)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('leaves out the handlers whose method or path cannot match', async () => {
    const sim = await createSimulator({ securityMode: 'strict', tokenTtlSeconds: 3600 }, { control: true });
    const pick = handlerPicker(sim.handlers);
    const headers = (request: Request) => pick(request).map((h) => h.info.header);
    const users = headers(new Request(`${ORIGIN}/acs/api/v1/users`));
    expect(users).toContain('GET */acs/api/v1/users');
    expect(users).not.toContain('GET */acs/api/v1/users/:uid');
    expect(users).not.toContain('PUT */acs/api/v1/users/:uid');
    expect(users.length).toBeLessThan(sim.handlers.length / 4);
    expect(headers(new Request(`${ORIGIN}/acs/api/v1/users/alice`, { method: 'PUT' }))).toContain(
      'PUT */acs/api/v1/users/:uid',
    );
  });

  it('answers through the picked handlers exactly as through all of them', async () => {
    const sim = await createSimulator({ securityMode: 'strict', tokenTtlSeconds: 3600 }, { control: true });
    const requests = (): [string, RequestInit?][] => [
      ['/__sim/health'],
      ['/dcos-metadata/bootstrap-config.json'],
      ['/acs/api/v1/users'],
      [
        '/acs/api/v1/auth/login',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ uid: 'bootstrapuser', password: 'wrong' }),
        },
      ],
      ['/acs/api/v1/users/alice', { method: 'POST' }],
      ['/acs/api/v1/nothing-here'],
      ['/secrets/v1/secret/default/db-password'],
    ];
    for (const [path, init] of requests()) {
      const all = (await getResponse(sim.handlers, new Request(`${ORIGIN}${path}`, init))) ?? null;
      const picked = await sim.handle(new Request(`${ORIGIN}${path}`, init));
      // No handler at all: the simulator's own 404, as before.
      if (all === null) expect(picked.status, path).toBe(404);
      else expect([picked.status, await picked.text()], path).toEqual([all.status, await all.text()]);
    }
  });
});
