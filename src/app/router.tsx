import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PROTECTED_ROUTE_ID, requireSession } from './require-session.ts';
import { RouteError } from './route-error.tsx';

/** The route table. Pages load lazily; every signed-in page sits under the protected route. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: '/login',
      lazy: async () => ({ Component: (await import('@/features/auth/login-page.tsx')).LoginPage }),
    },
    {
      id: PROTECTED_ROUTE_ID,
      path: '/',
      loader: requireSession(queryClient),
      lazy: async () => ({ Component: (await import('./shell/app-shell.tsx')).AppShell }),
      errorElement: <RouteError />,
      children: [
        {
          index: true,
          lazy: async () => ({ Component: (await import('./home-page.tsx')).HomePage }),
        },
        {
          path: '*',
          lazy: async () => ({ Component: (await import('./not-found-page.tsx')).NotFoundPage }),
        },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
