import { describe, expect, it } from 'vitest';
import { legacyRoute } from './legacy-routes.ts';
import { safeRedirectTarget } from './safe-redirect.ts';

const ORIGIN = 'https://cluster.example';

describe('the DC/OS UI’s hash routes (issue 21)', () => {
  it('takes Admin Router’s 401 redirect to the sign-in page, keeping a page of this console', () => {
    const at = (url: string, base = '/') => legacyRoute(`#/login?redirect=${encodeURIComponent(url)}`, ORIGIN, base);
    expect(at(`${ORIGIN}/organization/users?q=al`)).toBe('/login?redirect=%2Forganization%2Fusers%3Fq%3Dal');
    expect(at(`${ORIGIN}/security/secrets/view/a/b`, '/security/')).toBe('/login?redirect=%2Fsecrets%2Fview%2Fa%2Fb');
    expect(at('/organization/groups')).toBe('/login?redirect=%2Forganization%2Fgroups');
  });

  it('drops a redirect elsewhere: another site, outside the mount, or one of the old UI’s own pages', () => {
    const at = (url: string, base = '/') => legacyRoute(`#/login?redirect=${encodeURIComponent(url)}`, ORIGIN, base);
    for (const url of [
      'https://evil.example/organization/users',
      '//evil.example/x',
      `${ORIGIN}/service/marathon/`,
      `${ORIGIN}/#/services`,
      'javascript:alert(1)',
    ]) {
      expect(at(url, url.includes('/service/') ? '/security/' : '/'), url).toBe('/login');
    }
    expect(legacyRoute('#/login', ORIGIN, '/')).toBe('/login');
  });

  it('whatever the redirect, the sign-in page then follows only a same-origin path', () => {
    for (const url of ['/.//evil.example', `${ORIGIN}/..//evil.example`, `${ORIGIN}/%2e//evil.example`]) {
      const login = legacyRoute(`#/login?redirect=${encodeURIComponent(url)}`, ORIGIN, '/') ?? '';
      const redirect = new URL(login, ORIGIN).searchParams.get('redirect');
      expect(safeRedirectTarget(redirect, ORIGIN), url).toBe('/');
    }
  });

  it('maps the old pages to the console’s, and anything else to the overview', () => {
    expect(legacyRoute('#/organization/users', ORIGIN, '/')).toBe('/organization/users');
    expect(legacyRoute('#/organization/users/alice', ORIGIN, '/')).toBe('/organization/users/alice');
    expect(legacyRoute('#/organization/groups/ops', ORIGIN, '/')).toBe('/organization/groups/ops');
    expect(legacyRoute('#/organization/service-accounts', ORIGIN, '/')).toBe('/organization/service-accounts');
    expect(legacyRoute('#/secrets', ORIGIN, '/')).toBe('/secrets');
    expect(legacyRoute('#/settings/identity-providers', ORIGIN, '/')).toBe('/settings');
    expect(legacyRoute('#/settings/directory', ORIGIN, '/')).toBe('/settings/directory');
    expect(legacyRoute('#/access-denied', ORIGIN, '/')).toBe('/');
    expect(legacyRoute('#/services/overview', ORIGIN, '/')).toBe('/');
    expect(legacyRoute('#/organization/users/%', ORIGIN, '/')).toBe('/');
  });

  it('leaves a page alone when the hash is not a route', () => {
    expect(legacyRoute('', ORIGIN, '/')).toBeNull();
    expect(legacyRoute('#main', ORIGIN, '/')).toBeNull();
  });
});
