import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import { orgPaths } from '@/lib/paths.ts';
import { PROTECTED_ROUTE_ID, requireSession } from './require-session.ts';
import { RouteError } from './route-error.tsx';

/** Shown while the first route's code and data load. */
function PageLoading() {
  return (
    <p className="app-main muted" role="status">
      Loading…
    </p>
  );
}

/** The route table. Pages load lazily; every signed-in page sits under the protected route. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: '/login',
      HydrateFallback: PageLoading,
      lazy: async () => ({ Component: (await import('@/features/auth/login-page.tsx')).LoginPage }),
    },
    {
      id: PROTECTED_ROUTE_ID,
      path: '/',
      loader: requireSession(queryClient),
      HydrateFallback: PageLoading,
      lazy: async () => ({ Component: (await import('./shell/app-shell.tsx')).AppShell }),
      errorElement: <RouteError />,
      children: [
        {
          // A page that fails keeps the shell around its error: navigation and sign-out stay at hand.
          errorElement: <RouteError />,
          children: [
            { index: true, lazy: async () => ({ Component: (await import('./home-page.tsx')).HomePage }) },
            { path: 'organization', loader: () => redirect(orgPaths.users()) },
            { path: 'organization/users', lazy: async () => ({ Component: (await import('@/features/organization/users/users-page.tsx')).UsersPage }) },
            {
              path: 'organization/users/:uid/:tab?',
              lazy: async () => ({ Component: (await import('@/features/organization/users/user-detail-page.tsx')).UserDetailPage }),
            },
            { path: 'organization/groups', lazy: async () => ({ Component: (await import('@/features/organization/groups/groups-page.tsx')).GroupsPage }) },
            {
              path: 'organization/groups/:gid/:tab?',
              lazy: async () => ({ Component: (await import('@/features/organization/groups/group-detail-page.tsx')).GroupDetailPage }),
            },
            {
              path: 'organization/service-accounts',
              lazy: async () => ({ Component: (await import('@/features/organization/service-accounts/service-accounts-page.tsx')).ServiceAccountsPage }),
            },
            {
              path: 'organization/service-accounts/:uid/:tab?',
              lazy: async () => ({ Component: (await import('@/features/organization/service-accounts/service-account-detail-page.tsx')).ServiceAccountDetailPage }),
            },
            { path: 'secrets', lazy: async () => ({ Component: (await import('@/features/secrets/secrets-page.tsx')).SecretsPage }) },
            { path: 'secrets/new', lazy: async () => ({ Component: (await import('@/features/secrets/secret-create-page.tsx')).SecretCreatePage }) },
            { path: 'secrets/view/*', lazy: async () => ({ Component: (await import('@/features/secrets/secret-detail-page.tsx')).SecretDetailPage }) },
            { path: '*', lazy: async () => ({ Component: (await import('./not-found-page.tsx')).NotFoundPage }) },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
