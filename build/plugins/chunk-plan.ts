import { fileURLToPath } from 'node:url';

/**
 * Over HTTP/1.1 a browser opens 6 connections per host, so on a slow link every wave of files beyond six costs a full
 * round trip: the first load asks for as few files as it can.
 * - The entry's modules travel in one chunk ("boot", with index.js and Rolldown's runtime: three files and the
 *   stylesheet), not five.
 * - What every signed-in page needs beyond the entry (the shell, its routes' loaders and the API modules, TanStack
 *   Query's hooks) and what the list pages share (the virtualized table, the URL's list parameters, the bulk runner,
 *   the leave guard) travel in one chunk ("frame") rather than two dozen small ones.
 * - React Aria (dialogs, the account menu) comes after the first paint (src/ui/deferred.tsx), in two chunks that
 *   import one way only (a cycle between chunks can run a module before one it needs): "widgets" uses React Aria's
 *   foundations ("aria").
 * - The pages a visit most often starts on (overview, the lists) join "frame" too, which theme-init.js asks for while
 *   the entry still downloads on a signed-in page (earlyShell below): their first paint waits for no second wave.
 * Pages and lazily imported parts (dialogs, CSV, key generation) keep their own chunks.
 */
interface ModuleGraph {
  getModuleInfo: (id: string) => { importedIds: readonly string[] } | null;
}
const ARIA_FOUNDATIONS = /\/react-aria\/dist\/private\/(utils|interactions|focus|ssr|i18n|intl|live-announcer)\//;

/** What the list pages (users, groups, service accounts, secrets) share: with the shell, not a file each. */
const LIST_PARTS = [
  './src/ui/data-table.tsx',
  './src/lib/use-list-params.ts',
  './src/lib/use-search-update.ts',
  './src/ui/leave-guard.tsx',
  './src/ui/lazy-dialog.tsx',
  './src/ui/use-bulk-run.ts',
  './src/ui/bulk-panel.tsx',
];
/** React Aria's parts, which no page's first paint waits for (src/ui/deferred.tsx): the dialogs and the account menu. */
const DEFERRED_WIDGETS = ['./src/ui/modal-dialog.tsx', './src/app/shell/user-menu.tsx'];

/**
 * The pages a visit most often starts on (the overview, the list pages) and what they share, with the shell: with its
 * code asked for early (theme-init.js), the first paint of any of them then waits for no second wave of files.
 */
const FIRST_PAGES = [
  './src/app/home-page.tsx',
  './src/features/organization/users/users-page.tsx',
  './src/features/organization/groups/groups-page.tsx',
  './src/features/organization/service-accounts/service-accounts-page.tsx',
  './src/features/secrets/secrets-page.tsx',
  './src/features/permissions/acls-page.tsx',
];

function staticClosure(roots: Iterable<string>, graph: ModuleGraph, stop = new Set<string>()): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id) || stop.has(id)) continue;
    seen.add(id);
    queue.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

export function frameChunkName(): (id: string, graph: ModuleGraph) => string | null {
  const src = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
  let groups: Map<string, string> | undefined;
  const assign = (graph: ModuleGraph) => {
    const main = src('./src/main.tsx');
    const entry = staticClosure([main], graph);
    const shell = staticClosure(
      [src('./src/app/shell/app-shell.tsx'), src('./src/app/route-loaders.ts'), ...LIST_PARTS.map(src)],
      graph,
      entry,
    );
    const widgets = staticClosure(DEFERRED_WIDGETS.map(src), graph, new Set([...entry, ...shell]));
    const aria = staticClosure(
      [...widgets].filter((id) => ARIA_FOUNDATIONS.test(id)),
      graph,
      entry,
    );
    const pages = staticClosure(FIRST_PAGES.map(src), graph, new Set([...entry, ...shell, ...widgets]));
    const map = new Map<string, string>();
    for (const id of entry) if (id !== main) map.set(id, 'boot');
    for (const id of shell) map.set(id, 'frame');
    for (const id of widgets) map.set(id, aria.has(id) ? 'aria' : 'widgets');
    for (const id of pages) map.set(id, 'frame');
    return map;
  };
  return (id, graph) => {
    groups ??= assign(graph);
    return groups.get(id) ?? null;
  };
}
