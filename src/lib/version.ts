/**
 * The console's release: the version from package.json and the commit it was built from, put in by the build
 * (vite.config.ts `define`; the same values as the build's `version.json`). Shown in the account menu, so an admin can
 * tell which release a cluster runs and roll back to the one before.
 */
export const CONSOLE_VERSION: { version: string; commit: string } = {
  version: __CONSOLE_VERSION__,
  commit: __CONSOLE_COMMIT__,
};
