import type { Plugin } from 'vite';
import type { VersionInfo } from '../../scripts/version-info.ts';

/**
 * dist/version.json: the release and the commit this build came from, beside index.html (no-cache, like it). The
 * account menu shows the same values; deploy/marathon.json's health check reads this file.
 */
export function versionFile(version: VersionInfo): Plugin {
  return {
    name: 'version-file',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'version.json',
        source: `${JSON.stringify({ name: version.name, version: version.version, commit: version.commit })}\n`,
      });
    },
  };
}
