import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { LOGIN_ROUTE_MODULE, SHELL_CHUNK_NAME, SHELL_ROUTE_MODULE } from './budgets.ts';

/** One chunk of Vite's build manifest (dist/.vite/manifest.json); only the fields read here. */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface LazyBytes extends Size {
  /** The module that is loaded lazily (a route's page, or a heavy part such as CSV or key generation). */
  module: string;
  file: string;
  /**
   * What opening it downloads beyond what is already there: the entry, and for pages inside the shell the shell's
   * chunks too. Its own chunk plus the shared chunks it imports first.
   */
  added: Size & { files: string[] };
}

export interface BuildBytes {
  login: { js: Size; css: Size; files: string[] };
  /** Every JS chunk the entry does not load up front (route modules and the shared chunks they import). */
  chunks: (Size & { file: string })[];
  /** Every lazily imported module. */
  lazy: LazyBytes[];
}

export function readManifest(distDir: string): Manifest {
  const path = join(distDir, '.vite', 'manifest.json');
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(`Cannot read ${path}: build first (vite build writes it; build.manifest is on). ${String(error)}`);
  }
}

/**
 * gzip at zlib's default level (what Vite reports and most servers use) and brotli at quality 11 (what a build
 * step that precompresses would use): the sizes a user downloads.
 */
export function compressedSize(bytes: Buffer): Size {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

function sum(sizes: readonly Size[]): Size {
  return sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}

/** The chunk's file and every chunk it imports statically (what the browser must fetch before running it). */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const child of manifest[key]?.imports ?? []) staticClosure(manifest, child, into);
  return into;
}

/** Bytes of the sign-in page and of every lazily loaded chunk, from a build's manifest. */
export function measureBuild(distDir: string): BuildBytes {
  const manifest = readManifest(distDir);
  const cache = new Map<string, Size>();
  const sizeOf = (file: string) => {
    let size = cache.get(file);
    if (!size) {
      size = compressedSize(readFileSync(join(distDir, file)));
      cache.set(file, size);
    }
    return size;
  };
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry && key.endsWith('index.html'));
  if (!entryKey) throw new Error('The manifest has no index.html entry');

  // The sign-in page runs the entry (with the chunks index.html preloads) and, when the login route is lazy, loads its
  // chunk too; a login route bundled into the entry has no chunk of its own (e2e/budgets.spec.ts checks what the
  // browser really fetches either way).
  const entryKeys = staticClosure(manifest, entryKey);
  const loginKeys = manifest[LOGIN_ROUTE_MODULE]
    ? staticClosure(manifest, LOGIN_ROUTE_MODULE, new Set(entryKeys))
    : entryKeys;
  const files = (keys: Iterable<string>) => [...keys].map((key) => manifest[key]?.file ?? key);
  const cssOf = (keys: Iterable<string>) => [...new Set([...keys].flatMap((key) => manifest[key]?.css ?? []))];
  const loginJs = files(loginKeys);
  const loginCss = cssOf(loginKeys);

  const shellKey = manifest[SHELL_ROUTE_MODULE]
    ? SHELL_ROUTE_MODULE
    : Object.keys(manifest).find((key) => key.startsWith(`_${SHELL_CHUNK_NAME}-`));
  const shellKeys = shellKey ? staticClosure(manifest, shellKey, new Set(entryKeys)) : entryKeys;
  const lazy = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isDynamicEntry)
    .map(([module, chunk]): LazyBytes => {
      const there = module === SHELL_ROUTE_MODULE || module === LOGIN_ROUTE_MODULE ? entryKeys : shellKeys;
      const added = [...staticClosure(manifest, module)].filter((key) => !there.has(key));
      const addedFiles = [...files(added), ...cssOf(added).filter((css) => !loginCss.includes(css))];
      return {
        module,
        file: chunk.file,
        ...sizeOf(chunk.file),
        added: { ...sum(addedFiles.map(sizeOf)), files: addedFiles },
      };
    })
    .sort((a, b) => a.module.localeCompare(b.module));
  const entryFiles = new Set(files(entryKeys));
  const chunks = [...new Set(Object.values(manifest).map((chunk) => chunk.file))]
    .filter((file) => file.endsWith('.js') && !entryFiles.has(file))
    .map((file) => ({ file, ...sizeOf(file) }))
    .sort((a, b) => b.gzip - a.gzip);

  return {
    login: { js: sum(loginJs.map(sizeOf)), css: sum(loginCss.map(sizeOf)), files: [...loginJs, ...loginCss] },
    chunks,
    lazy,
  };
}
