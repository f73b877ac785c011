import { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { groupQueries } from '@/api/groups.ts';
import { secretQueries } from '@/api/secrets.ts';
import { userQueries } from '@/api/users.ts';
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
  const args = { request: new Request(`http://console.test/${path}`), params: {}, context: undefined } as unknown as LoaderFunctionArgs;
  return { result: await route.loader(args), route };
}

const LISTS = [
  ['organization/users', userQueries.list('user').queryKey],
  ['organization/service-accounts', userQueries.list('service').queryKey],
  ['organization/groups', groupQueries.list().queryKey],
  ['secrets', secretQueries.list().queryKey],
] as const;

describe('list pages start their first read on entering the route, alongside their code', () => {
  it.each(LISTS)('%s reads its list without waiting for the page to render', async (path, key) => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    const queryClient = new QueryClient();
    const { result } = await enter(queryClient, path);
    // The loader does not wait for the answer (the page shows its own loading state) …
    expect(result).toBeNull();
    expect(queryClient.getQueryState(key)?.fetchStatus).toBe('fetching');
    // … which lands in the cache the page reads.
    await expect.poll(() => queryClient.getQueryState(key)?.status).toBe('success');
  });

  it('reads nothing without a session (the protected route sends to sign-in instead)', async () => {
    const queryClient = new QueryClient();
    await enter(queryClient, 'organization/users');
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
  });

  it('is not run again when only the page’s search or sort changes', async () => {
    const { route } = await enter(new QueryClient(), 'organization/users');
    expect(route.shouldRevalidate?.({ currentUrl: new URL('http://console.test/organization/users'), nextUrl: new URL('http://console.test/organization/users?q=a') } as never)).toBe(false);
  });
});
