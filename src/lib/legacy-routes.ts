import { appPath } from './base.ts';
import { orgPaths, paths, secretPaths, settingsPaths } from './paths.ts';

/**
 * The DC/OS UI's hash routes that a console at the same mount may be opened with (issue 21): Admin Router's own 401
 * page sends a browser to `/#/login?redirect=<the URL it was on>`, and bookmarks and runbooks hold `#/organization/…`.
 * Each lands where it meant; a redirect is kept when it is a page of this console (checked again by the sign-in page,
 * lib/safe-redirect.ts), and dropped otherwise.
 */
const PAGES: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [/^\/organization\/users\/([^/]+)/, (m) => orgPaths.user(decodeURIComponent(m[1] ?? ''))],
  [/^\/organization\/groups\/([^/]+)/, (m) => orgPaths.group(decodeURIComponent(m[1] ?? ''))],
  [/^\/organization\/service-accounts\/([^/]+)/, (m) => orgPaths.serviceAccount(decodeURIComponent(m[1] ?? ''))],
  [/^\/organization\/groups\/?$/, () => orgPaths.groups()],
  [/^\/organization\/service-accounts\/?$/, () => orgPaths.serviceAccounts()],
  [/^\/organization(\/users)?\/?$/, () => orgPaths.users()],
  [/^\/secrets\/?$/, () => secretPaths.list()],
  [/^\/settings\/identity-providers/, () => settingsPaths.providers()],
  [/^\/settings\/directory/, () => settingsPaths.directory()],
];

/** The in-app path an old hash route means, or null when `hash` is not one (`#main`, empty). */
export function legacyRoute(hash: string, origin: string, base: string): string | null {
  if (!hash.startsWith('#/')) return null;
  let route: URL;
  try {
    route = new URL(hash.slice(1), 'http://legacy.invalid');
  } catch {
    return paths.home();
  }
  if (route.pathname === '/login') {
    const redirect = route.searchParams.get('redirect');
    let target: string | undefined;
    if (redirect) {
      try {
        const url = new URL(redirect, origin);
        const inApp = url.origin === origin ? appPath(url.pathname, base) : null;
        // The old UI's own pages (`/#/services`) come back as the mount's root with a hash: they are not ours.
        if (inApp !== null && !(inApp === '/' && url.hash.startsWith('#/'))) target = `${inApp}${url.search}`;
      } catch {
        target = undefined;
      }
    }
    return paths.login(target);
  }
  for (const [pattern, to] of PAGES) {
    const match = pattern.exec(route.pathname);
    if (match) {
      // A malformed escape in an id (`#/organization/users/%`) names no page.
      try {
        return to(match);
      } catch {
        return paths.home();
      }
    }
  }
  return paths.home();
}
