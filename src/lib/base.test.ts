import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appPath, publicPath } from './base.ts';

describe('the console at a mount path (issue 21)', () => {
  it('puts the mount in front of an in-app path, and takes it off again', () => {
    for (const base of ['/', '/security/', '/service/security-console/']) {
      expect(publicPath('/', base)).toBe(base);
      expect(publicPath('/organization/users?q=a', base)).toBe(`${base}organization/users?q=a`);
      expect(appPath(publicPath('/secrets/view/a/b', base), base)).toBe('/secrets/view/a/b');
    }
    expect(appPath('/security', '/security/')).toBe('/');
    expect(appPath('/securityx/users', '/security/')).toBeNull();
    expect(appPath('/organization/users', '/security/')).toBeNull();
  });

  it('round-trips any in-app path at any mount', () => {
    const segment = fc.stringMatching(/^[a-z0-9._~-]{1,10}$/);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 4 }), fc.array(segment, { maxLength: 5 }), (mount, path) => {
        const base = mount.length === 0 ? '/' : `/${mount.join('/')}/`;
        const inApp = `/${path.join('/')}`;
        expect(appPath(publicPath(inApp, base), base)).toBe(inApp);
      }),
    );
  });
});
