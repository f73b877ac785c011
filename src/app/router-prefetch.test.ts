import { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { groupQueries } from '@/api/groups.ts';
import { secretQueries } from '@/api/secrets.ts';
import { userQueries } from '@/api/users.ts';
import { server } from '@/mocks/node.ts';
import { createRoutes } from './router.tsx';

function findRoute(routes: readonly RouteObject[], path: string): RouteObject | undefined {
  for (const route of routes) {
    if (route.path === path) return route;
    const inChildren = findRoute(route.children ?? [], path);
    if (inChildren) return inChildren;
  }
  return undefined;
}

/** Runs a route's own loader as React Router does on entering it (its page code is not loaded here). */
async function enter(queryClient: QueryClient, path: string) {
  const route = findRoute(createRoutes(queryClient), path);
  if (typeof route?.loader !== 'function') throw new Error(`${path} has no loader`);
  const args = {
    request: new Request(`http://console.test/${path}`),
    params: {},
    context: undefined,
  } as unknown as LoaderFunctionArgs;
  return { result: await route.loader(args), route };
}

/** Each list page, the read it starts at once, and the list it ends with (the secrets page asks the seal first). */
const LISTS = [
  ['organization/users', userQueries.list('user').queryKey, userQueries.list('user').queryKey],
  ['organization/service-accounts', userQueries.list('service').queryKey, userQueries.list('service').queryKey],
  ['organization/groups', groupQueries.list().queryKey, groupQueries.list().queryKey],
  ['secrets', secretQueries.sealStatus().queryKey, secretQueries.list().queryKey],
] as const;

describe('list pages start their first read on entering the route, alongside their code', () => {
  it.each(LISTS)('%s reads its list without waiting for the page to render', async (path, first, list) => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    const queryClient = new QueryClient();
    const { result } = await enter(queryClient, path);
    // The loader does not wait for the answer (the page shows its own loading state), nor for the loaders' module …
    expect(result).toBeNull();
    // … the read starts once that module is there (it travels with the shell, which the page needs anyway) …
    await expect.poll(() => queryClient.getQueryState(first)).toBeDefined();
    // … which lands in the cache the page reads.
    await expect.poll(() => queryClient.getQueryState(list)?.status).toBe('success');
  });

  it('does not ask a sealed secret store for its list (as the secrets page does not)', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    const lists: string[] = [];
    const count = ({ request }: { request: Request }) => {
      if (request.url.includes('?list=true')) lists.push(request.url);
    };
    server.use(
      http.get('*/secrets/v1/seal-status/default', () =>
        HttpResponse.json({ sealed: true, threshold: 1, shares: 1, progress: 0 }),
      ),
    );
    server.events.on('request:start', count);
    const queryClient = new QueryClient();
    await enter(queryClient, 'secrets');
    await expect.poll(() => queryClient.getQueryState(secretQueries.sealStatus().queryKey)?.status).toBe('success');
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.events.removeListener('request:start', count);
    expect(lists).toEqual([]);
    expect(queryClient.getQueryState(secretQueries.list().queryKey)).toBeUndefined();
  });

  it('reads nothing without a session (the protected route sends to sign-in instead)', async () => {
    const queryClient = new QueryClient();
    await enter(queryClient, 'organization/users');
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
  });

  it('is not run again when only the page’s search or sort changes', async () => {
    const { route } = await enter(new QueryClient(), 'organization/users');
    expect(
      route.shouldRevalidate?.({
        currentUrl: new URL('http://console.test/organization/users'),
        nextUrl: new URL('http://console.test/organization/users?q=a'),
      } as never),
    ).toBe(false);
  });
});
