export interface FolderEntry {
  kind: 'folder';
  name: string;
  /** Full path of the folder, no trailing slash. */
  path: string;
  /** Secrets anywhere below it. */
  count: number;
}
export interface SecretEntry {
  kind: 'secret';
  name: string;
  path: string;
}
export type TreeEntry = FolderEntry | SecretEntry;

/**
 * The immediate children of `folder` among all secret paths (as the store lists them, relative to the root): the
 * folders (spaces) with how many secrets each holds, then the secrets, each group by name.
 */
export function childrenOf(paths: readonly string[], folder: string): TreeEntry[] {
  const prefix = folder === '' ? '' : `${folder}/`;
  const folders = new Map<string, number>();
  const secrets: SecretEntry[] = [];
  for (const path of paths) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const cut = rest.indexOf('/');
    if (cut < 0) secrets.push({ kind: 'secret', name: rest, path });
    else folders.set(rest.slice(0, cut), (folders.get(rest.slice(0, cut)) ?? 0) + 1);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return [
    ...[...folders]
      .map(([name, count]): FolderEntry => ({ kind: 'folder', name, path: `${prefix}${name}`, count }))
      .sort(byName),
    ...secrets.sort(byName),
  ];
}

/** `a/b/c` → [`a`, `a/b`, `a/b/c`], for breadcrumbs. */
export function ancestors(folder: string): string[] {
  if (folder === '') return [];
  const parts = folder.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
