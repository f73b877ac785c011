// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packRelease, RELEASE_FILES } from '../scripts/release.ts';

/** A tree with the files a release takes, and a source map that it must leave out. */
function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'release-'));
  mkdirSync(join(root, 'dist/assets'), { recursive: true });
  mkdirSync(join(root, 'deploy'));
  writeFileSync(join(root, 'dist/index.html'), '<!doctype html>');
  writeFileSync(join(root, 'dist/version.json'), '{"version":"9.8.7"}');
  writeFileSync(join(root, 'dist/assets/index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'dist/assets/index-abc.js.map'), '{}');
  mkdirSync(join(root, 'dist/.vite'));
  writeFileSync(join(root, 'dist/.vite/manifest.json'), '{}');
  writeFileSync(join(root, 'deploy/nginx.conf'), 'events {}');
  for (const file of ['LICENSE', 'CHANGELOG.md', 'README.md']) writeFileSync(join(root, file), file);
  return root;
}

describe('npm run release (issue 21)', () => {
  it('packs dist/ and deploy/ with the licence, changelog and README under one versioned folder, with its SHA-256', () => {
    const root = tree();
    const out = join(root, 'release');
    const packed = packRelease({
      root,
      outDir: out,
      name: 'dcos-security-console',
      version: '9.8.7',
      mtime: 1_700_000_000,
    });
    expect(packed.tarball).toBe(join(out, 'dcos-security-console-9.8.7.tar.gz'));
    const listed = execFileSync('tar', ['-tzf', packed.tarball], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual(
      expect.arrayContaining([
        'dcos-security-console-9.8.7/dist/index.html',
        'dcos-security-console-9.8.7/dist/version.json',
        'dcos-security-console-9.8.7/dist/assets/index-abc.js',
        'dcos-security-console-9.8.7/deploy/nginx.conf',
        'dcos-security-console-9.8.7/LICENSE',
        'dcos-security-console-9.8.7/CHANGELOG.md',
        'dcos-security-console-9.8.7/README.md',
      ]),
    );
    expect(listed.every((name) => name.startsWith('dcos-security-console-9.8.7/'))).toBe(true);
    // The build's own bookkeeping stays out: source maps and Vite's manifest (which the budgets test reads).
    expect(listed.some((name) => name.endsWith('.map') || name.includes('/.vite'))).toBe(false);
    const hash = createHash('sha256').update(readFileSync(packed.tarball)).digest('hex');
    expect(packed.sha256).toBe(hash);
    expect(readFileSync(`${packed.tarball}.sha256`, 'utf8')).toBe(`${hash}  dcos-security-console-9.8.7.tar.gz\n`);
  });

  it('gives the same bytes for the same tree, so a release can be checked by building it again', () => {
    const root = tree();
    const first = packRelease({ root, outDir: join(root, 'a'), name: 'x', version: '1.0.0', mtime: 1 }).sha256;
    const second = packRelease({ root, outDir: join(root, 'b'), name: 'x', version: '1.0.0', mtime: 1 }).sha256;
    expect(second).toBe(first);
  });

  it('refuses a tree without a built version.json or one of the release files', () => {
    for (const missing of ['dist/version.json', ...RELEASE_FILES.filter((f) => f !== 'dist' && f !== 'deploy')]) {
      const root = tree();
      execFileSync('rm', ['-f', join(root, missing)]);
      expect(
        () => packRelease({ root, outDir: join(root, 'out'), name: 'x', version: '1.0.0', mtime: 1 }),
        missing,
      ).toThrow(/missing/);
    }
  });

  it('releases the version package.json is at, and CHANGELOG.md describes it', () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8')).toContain(`## ${version} `);
    expect(readFileSync(new URL('../deploy/marathon.json', import.meta.url), 'utf8')).toContain(
      `dcos-security-console-${version}.tar.gz`,
    );
  });
});
