// What a build says about itself (vite.config.ts: the `define`s the account menu shows, and dist/version.json).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface VersionInfo {
  name: string;
  version: string;
  /** The commit the build came from (short hash), with `-dirty` when the tree had changes; `unknown` outside git. */
  commit: string;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function versionInfo(root: string): VersionInfo {
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { name: string; version: string };
  const hash = git(['-C', root, 'rev-parse', '--short=12', 'HEAD']);
  const dirty = hash !== null && git(['-C', root, 'status', '--porcelain', '--untracked-files=no']) !== '';
  return {
    name: pkg.name,
    version: pkg.version,
    commit: hash === null ? 'unknown' : `${hash}${dirty ? '-dirty' : ''}`,
  };
}
