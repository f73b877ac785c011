import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { earlyShellScript } from '../early-shell.ts';

/**
 * theme-init.js (public/, the classic script in <head>) gets, in the build, the lines that on a signed-in page ask for
 * the "frame" chunk while the entry still downloads (build/early-shell.ts). Runs before `precompressed`, which leaves
 * theme-init.js alone anyway (only /assets/ is precompressed).
 */
export function earlyShell(): Plugin {
  return {
    name: 'early-shell',
    apply: 'build',
    writeBundle(options, bundle) {
      const frame = Object.values(bundle).find((output) => output.type === 'chunk' && output.name === 'frame');
      if (!options.dir || !frame) throw new Error('early-shell: the build has no "frame" chunk to ask for early');
      appendFileSync(join(options.dir, 'theme-init.js'), earlyShellScript(frame.fileName));
    },
  };
}
