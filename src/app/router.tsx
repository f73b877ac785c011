import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import { LoginPage } from '@/features/auth/login-page.tsx';
import { orgPaths, paths } from '@/lib/paths.ts';
import { knownSession, readSessionInfo } from '@/lib/session.ts';
import { PROTECTED_ROUTE_ID } from './route-ids.ts';
import { RouteError } from './route-error.tsx';
import { ROUTER_BASENAME } from '@/lib/base.ts';

/** Shown while the first route's code and data load: a page of its own, so it has a main landmark and an h1. */
function PageLoading() {
  return (
    <main className="app-main">
      <h1 className="visually-hidden">DC/OS Security Console</h1>
      <p className="muted" role="status">
        Loading…
      </p>
    </main>
  );
}

type LazyComponent = () => Promise<{ Component: ComponentType }>;

const accountPermissionsTab: LazyComponent = async () => ({
  Component: (await import('@/features/permissions/permissions-tab.tsx')).AccountPermissionsTab,
});

/**
 * The tabs of a detail page: the page renders most tabs itself from the `:tab` segment; Permissions belongs to the
 * permissions feature and renders in the page's <Outlet /> (features do not import each other).
 */
function detailTabs(permissionsTab: LazyComponent): RouteObject[] {
  return [
    { index: true },
    { path: 'permissions', handle: { tab: 'permissions' }, lazy: permissionsTab },
    { path: ':tab' },
  ];
}

/**
 * A list page's loader: starts the page's first read while its code downloads (and alongside the session check),
 * instead of once it has rendered. Not awaited: the page shows its own loading and error states, and a fresh cached
 * answer is not asked again. Without a known session the protected route sends to sign-in: nothing to read then.
 * Search and sort changes of the page itself do not run it again.
 */
function prefetching(queryClient: QueryClient, read: FirstRead): Pick<RouteObject, 'loader' | 'shouldRevalidate'> {
  return {
    loader: () => {
      // Errors stay in the cache for the page to explain.
      if (readSessionInfo() ?? knownSession())
        routeLoaders()
          .then(({ firstReads }) => firstReads[read](queryClient))
          .catch(() => undefined);
      return null;
    },
    shouldRevalidate: () => false,
  };
}

/** The signed-in routes' loaders, in the shell's chunk (route-loaders.ts says why). */
const routeLoaders = () => import('./route-loaders.ts');
type FirstRead = keyof Awaited<ReturnType<typeof routeLoaders>>['firstReads'];

/** The Settings pages share one chunk and one import (the entry lists each import's files). */
const settingsPages = () => import('./settings-pages.ts');

/** The route table. Pages load lazily; every signed-in page sits under the protected route. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: '/login',
      // The first page of most visits is part of the entry, with no loader: the router starts without waiting for one,
      // and the form paints in the first render, with no second round trip.
      Component: LoginPage,
    },
    // The end of a single sign-on run in the re-authentication popup (src/lib/sso-popup.ts).
    { path: paths.ssoDone(), lazy: async () => ({ Component: (await import('./sso-done-page.tsx')).SsoDonePage }) },
    {
      id: PROTECTED_ROUTE_ID,
      path: '/',
      loader: async (args) => (await routeLoaders()).requireSession(queryClient)(args),
      // Typing in a search box changes only the query string: checking the session again there would delay every
      // keystroke's URL update (and lose fast typing). Retry (revalidate) and every new path still check it.
      shouldRevalidate: ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
        currentUrl.pathname === nextUrl.pathname && currentUrl.search !== nextUrl.search
          ? false
          : defaultShouldRevalidate,
      HydrateFallback: PageLoading,
      lazy: async () => ({ Component: (await import('./shell/app-shell.tsx')).AppShell }),
      errorElement: <RouteError standalone />,
      children: [
        {
          // A page that fails keeps the shell around its error: navigation and sign-out stay at hand.
          errorElement: <RouteError />,
          children: [
            { index: true, lazy: async () => ({ Component: (await import('./home-page.tsx')).HomePage }) },
            { path: 'organization', loader: () => redirect(orgPaths.users()) },
            {
              path: 'organization/users',
              ...prefetching(queryClient, 'users'),
              lazy: async () => ({
                Component: (await import('@/features/organization/users/users-page.tsx')).UsersPage,
              }),
            },
            {
              path: 'organization/users/:uid',
              lazy: async () => ({
                Component: (await import('@/features/organization/users/user-detail-page.tsx')).UserDetailPage,
              }),
              children: detailTabs(accountPermissionsTab),
            },
            {
              path: 'organization/groups',
              ...prefetching(queryClient, 'groups'),
              lazy: async () => ({
                Component: (await import('@/features/organization/groups/groups-page.tsx')).GroupsPage,
              }),
            },
            {
              path: 'organization/groups/:gid',
              lazy: async () => ({
                Component: (await import('@/features/organization/groups/group-detail-page.tsx')).GroupDetailPage,
              }),
              children: detailTabs(async () => ({
                Component: (await import('@/features/permissions/permissions-tab.tsx')).GroupPermissionsTab,
              })),
            },
            {
              path: 'organization/service-accounts',
              ...prefetching(queryClient, 'serviceAccounts'),
              lazy: async () => ({
                Component: (await import('@/features/organization/service-accounts/service-accounts-page.tsx'))
                  .ServiceAccountsPage,
              }),
            },
            {
              path: 'organization/service-accounts/:uid',
              lazy: async () => ({
                Component: (await import('@/features/organization/service-accounts/service-account-detail-page.tsx'))
                  .ServiceAccountDetailPage,
              }),
              children: detailTabs(accountPermissionsTab),
            },
            {
              path: 'permissions',
              lazy: async () => ({ Component: (await import('@/features/permissions/acls-page.tsx')).AclsPage }),
            },
            {
              path: 'permissions/check',
              lazy: async () => ({ Component: (await import('@/features/permissions/check-page.tsx')).CheckPage }),
            },
            {
              path: 'permissions/who',
              lazy: async () => ({ Component: (await import('@/features/permissions/who-page.tsx')).WhoPage }),
            },
            {
              path: 'permissions/acls/*',
              lazy: async () => ({
                Component: (await import('@/features/permissions/acl-detail-page.tsx')).AclDetailPage,
              }),
            },
            {
              path: 'secrets',
              ...prefetching(queryClient, 'secrets'),
              lazy: async () => ({ Component: (await import('@/features/secrets/secrets-page.tsx')).SecretsPage }),
            },
            {
              path: 'secrets/new',
              lazy: async () => ({
                Component: (await import('@/features/secrets/secret-create-page.tsx')).SecretCreatePage,
              }),
            },
            {
              path: 'secrets/view/*',
              lazy: async () => ({
                Component: (await import('@/features/secrets/secret-detail-page.tsx')).SecretDetailPage,
              }),
            },
            { path: 'settings', lazy: async () => ({ Component: (await settingsPages()).ProvidersPage }) },
            {
              path: 'settings/new/:kind',
              lazy: async () => ({ Component: (await settingsPages()).ProviderCreatePage }),
            },
            { path: 'settings/directory', lazy: async () => ({ Component: (await settingsPages()).DirectoryPage }) },
            {
              path: 'settings/iam-file',
              lazy: async () => ({ Component: (await import('@/features/iam-file/iam-file-page.tsx')).IamFilePage }),
            },
            { path: 'settings/:kind/:id', lazy: async () => ({ Component: (await settingsPages()).ProviderEditPage }) },
            { path: '*', lazy: async () => ({ Component: (await import('./not-found-page.tsx')).NotFoundPage }) },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  // Mounted anywhere (lib/base.ts): the router's paths are the app's, the address bar's carry the mount in front.
  return createBrowserRouter(createRoutes(queryClient), { basename: ROUTER_BASENAME });
}
