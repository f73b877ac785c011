/**
 * Where the console is mounted: `/` at the cluster's root, `/security/` under an Admin Router location, or
 * `/service/<name>/` as a Marathon app (issue 21). One build serves them all: the base is where the entry script was
 * loaded from (every built chunk sits in `<base>assets/`), never a build setting, and the strict CSP stays as it is
 * (`base-uri 'none'` rules out a <base> element). The server puts the mount into index.html's few URLs (deploy/).
 * The API stays at the cluster's root whatever the mount.
 */
export const BASE: string = import.meta.env.DEV ? '/' : new URL('../', import.meta.url).pathname;

/** The router's basename: the mount without its trailing slash (`/` at the root). */
export const ROUTER_BASENAME = BASE === '/' ? '/' : BASE.replace(/\/$/, '');

/** The address bar's path for an in-app path (`/organization/users` → `/security/organization/users`). */
export function publicPath(appPath: string, base: string = BASE): string {
  return `${base}${appPath.replace(/^\//, '')}`;
}

/**
 * The in-app path for an address bar's path on this mount, or null when it lies outside the mount
 * (`/security/organization/users` → `/organization/users`).
 */
export function appPath(pathname: string, base: string = BASE): string | null {
  if (base === '/') return pathname;
  if (pathname === base.replace(/\/$/, '')) return '/';
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : null;
}
