// @ts-check
/**
 * `local/no-import-cycle`: a module may not import, directly or through others, a module that imports it. A cycle
 * makes evaluation order depend on which module is reached first (one of them runs before what it needs exists), and
 * it splits badly into chunks. Type-only imports count too: they vanish from the built code, but two modules that need
 * each other's declarations are one module or want a third that both import.
 *
 * The graph is built once per lint run from every source file under `src/` and `build/`: static `import … from`,
 * `export … from` and side-effect `import '…'`, resolved through the `@/` alias and relative paths.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOTS = ['src', 'build'];
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];
const STATEMENT = /^\s*(?:import|export)\s+(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** @param {string} root @param {string} from @param {string} specifier */
function resolveImport(root, from, specifier) {
  let base;
  if (specifier.startsWith('@/')) base = join(root, 'src', specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else return null;
  for (const extension of EXTENSIONS) {
    try {
      if (statSync(base + extension).isFile()) return base + extension;
    } catch {
      // not this one
    }
  }
  return null;
}

/** The import graph of each project root linted in this run (ESLint's cwd). @type {Map<string, Map<string, string[]>>} */
const graphs = new Map();
/** @param {string} root */
function buildGraph(root) {
  /** @type {Map<string, string[]>} */
  const edges = new Map();
  for (const folder of ROOTS) {
    let entries;
    try {
      entries = readdirSync(join(root, folder), { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || entry.name.endsWith('.d.ts')) continue;
      const file = join(entry.parentPath, entry.name);
      const text = readFileSync(file, 'utf8');
      const targets = [];
      for (const match of text.matchAll(STATEMENT)) {
        const target = resolveImport(root, file, match[1] ?? '');
        if (target) targets.push(target);
      }
      edges.set(file, targets);
    }
  }
  return edges;
}

/** The shortest cycle through `start`, as a list of files, or null. @param {Map<string, string[]>} edges @param {string} start */
function cycleThrough(edges, start) {
  /** @type {Map<string, string>} */
  const parent = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    for (const next of edges.get(file) ?? []) {
      if (next === start) {
        const path = [file];
        for (let at = file; at !== start;) {
          at = /** @type {string} */ (parent.get(at));
          path.unshift(at);
        }
        return path;
      }
      if (!parent.has(next)) {
        parent.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noImportCycle = {
  meta: { type: 'problem', docs: { description: 'Forbid import cycles between modules' }, schema: [] },
  create(context) {
    return {
      Program(node) {
        const root = context.cwd;
        let graph = graphs.get(root);
        if (!graph) graphs.set(root, (graph = buildGraph(root)));
        const cycle = graph.has(context.filename) ? cycleThrough(graph, context.filename) : null;
        if (!cycle) return;
        const names = [...cycle, context.filename].map((file) => relative(root, file));
        context.report({
          node,
          message: `Import cycle: ${names.join(' → ')}. Move what both need into a third module.`,
        });
      },
    };
  },
};
