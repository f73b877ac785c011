// `npm run release`: a versioned tarball an admin can pin and roll back to, like the DC/OS UI's release.tar.gz.
// Builds, then packs dist/ (with its version.json) and deploy/ (nginx, Admin Router and Marathon files), the LICENSE,
// the CHANGELOG and the README under one folder `dcos-security-console-<version>/`, into
// release/dcos-security-console-<version>.tar.gz, with its SHA-256 beside it in `sha256sum` format. The same tree
// gives the same bytes (sorted names, fixed owner and times, gzip without a timestamp), so a hash can be checked by
// building again.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { versionInfo } from './version-info.ts';

export const RELEASE_FILES = ['dist', 'deploy', 'LICENSE', 'CHANGELOG.md', 'README.md'] as const;

export interface PackOptions {
  root: string;
  outDir: string;
  name: string;
  version: string;
  /** Seconds since the epoch for every file's time in the tarball (the commit's time). */
  mtime: number;
}

export interface Packed {
  tarball: string;
  sha256: string;
  folder: string;
}

/** Packs the release files of `root` into `<outDir>/<name>-<version>.tar.gz` and writes its `.sha256`. */
export function packRelease({ root, outDir, name, version, mtime }: PackOptions): Packed {
  for (const file of RELEASE_FILES) if (!existsSync(join(root, file))) throw new Error(`release: ${file} is missing`);
  if (!existsSync(join(root, 'dist', 'version.json')))
    throw new Error('release: dist/version.json is missing (run the build)');
  const folder = `${name}-${version}`;
  const tar = execFileSync(
    'tar',
    [
      '-C',
      root,
      '--sort=name',
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      `--mtime=@${mtime}`,
      '--mode=u+rwX,go+rX,go-w',
      `--transform=s,^,${folder}/,`,
      '--exclude=*.map',
      '--exclude=.vite',
      '-cf',
      '-',
      ...RELEASE_FILES,
    ],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  const gz = gzipSync(tar, { level: 9 });
  mkdirSync(outDir, { recursive: true });
  const tarball = join(outDir, `${folder}.tar.gz`);
  writeFileSync(tarball, gz);
  const sha256 = createHash('sha256').update(gz).digest('hex');
  writeFileSync(`${tarball}.sha256`, `${sha256}  ${folder}.tar.gz\n`);
  return { tarball, sha256, folder };
}

function commitTime(root: string): number {
  try {
    return Number(execFileSync('git', ['-C', root, 'log', '-1', '--format=%ct'], { encoding: 'utf8' }).trim()) || 0;
  } catch {
    return 0;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, '..');
  const info = versionInfo(root);
  if (info.commit.endsWith('-dirty') && process.env.RELEASE_ALLOW_DIRTY !== '1') {
    console.error(
      `release: the tree has uncommitted changes (${info.commit}); commit them, or set RELEASE_ALLOW_DIRTY=1 for a trial.`,
    );
    process.exit(1);
  }
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
  if (!changelog.includes(`## ${info.version}`)) {
    console.error(`release: CHANGELOG.md has no "## ${info.version}" section.`);
    process.exit(1);
  }
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const packed = packRelease({
    root,
    outDir: join(root, 'release'),
    name: info.name,
    version: info.version,
    mtime: commitTime(root),
  });
  console.log(`\n${packed.tarball}\n  version ${info.version}, commit ${info.commit}\n  sha256 ${packed.sha256}`);
}
