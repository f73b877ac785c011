import { QueryClient } from '@tanstack/react-query';
import { matchRoutes, type RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ROUTE_SAMPLES } from '../../e2e/route-samples.ts';
import { createRoutes } from './router.tsx';

function joinPath(base: string, path: string | undefined): string {
  if (path === undefined || path === '') return base;
  if (path.startsWith('/')) return path;
  return `${base.replace(/\/$/, '')}/${path}`;
}

/**
 * Every full path pattern a URL can end on: leaf routes, and routes with a path of their own that no index child
 * stands in for (React Router renders such a route alone when no child matches).
 */
function routePatterns(routes: readonly RouteObject[], base = ''): string[] {
  return routes.flatMap((route) => {
    const full = joinPath(base, route.path);
    const children = route.children ?? [];
    if (children.length === 0) return [full];
    const nested = routePatterns(children, full);
    const standsAlone = route.path !== undefined && !nested.includes(full);
    return standsAlone ? [full, ...nested] : nested;
  });
}

/** The pattern of the deepest route a URL renders, built the same way. */
function patternOf(routes: RouteObject[], url: string): string | undefined {
  const matches = matchRoutes(routes, new URL(url, 'http://console.test').pathname);
  return matches?.reduce((pattern, match) => joinPath(pattern, match.route.path), '');
}

const routes = createRoutes(new QueryClient());
const patterns = [...new Set(routePatterns(routes))].sort();

describe('the accessibility matrix follows the route table', () => {
  it('finds the pages of the route table, nested tabs and splats included', () => {
    expect(patterns).toEqual(
      expect.arrayContaining([
        '/',
        '/login',
        '/organization/users',
        '/organization/users/:uid',
        '/organization/users/:uid/permissions',
        '/organization/users/:uid/:tab',
        '/permissions/acls/*',
        '/secrets/view/*',
        '/*',
      ]),
    );
    // Layouts without a path of their own (the shell's error boundary) are not pages.
    expect(patterns.every((p) => p.startsWith('/'))).toBe(true);
  });

  it('has a sample URL in e2e/route-samples.ts for every route pattern', () => {
    const missing = patterns.filter((pattern) => (ROUTE_SAMPLES[pattern] ?? []).length === 0);
    expect(missing, `Route patterns without a sample in e2e/route-samples.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('has no sample for a pattern the router does not have', () => {
    const stale = Object.keys(ROUTE_SAMPLES).filter((pattern) => !patterns.includes(pattern));
    expect(stale, `Samples for patterns that are not in the route table: ${stale.join(', ')}`).toEqual([]);
  });

  it('samples each pattern with URLs that the router sends to that very pattern', () => {
    const wrong = Object.entries(ROUTE_SAMPLES).flatMap(([pattern, samples]) =>
      samples.flatMap((sample) =>
        [sample.url, ...(sample.empty ? [sample.empty.url] : [])]
          .filter((url) => patternOf(routes, url) !== pattern)
          .map((url) => `${url} → ${patternOf(routes, url) ?? 'nothing'} (listed under ${pattern})`),
      ),
    );
    expect(wrong).toEqual([]);
  });
});
