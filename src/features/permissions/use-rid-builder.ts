import { useMemo, useState } from 'react';
import { ACTIONS, buildRid, matchRid, ridProblem, templateSlots, type Action, type CatalogEntry } from '@/lib/rid.ts';

export type BuilderMode = 'catalog' | 'free';

export interface BuilderState {
  mode: BuilderMode;
  search: string;
  entryId: string;
  values: Record<string, string>;
  freeRid: string;
}

/** What the builder currently describes: the rid, why it cannot be used yet, and the actions it supports. */
export interface RidChoice {
  rid: string;
  problem: string | null;
  actions: readonly Action[];
  entry: CatalogEntry | null;
}

const SLOT_LABELS: Record<string, { label: string; example: string }> = {
  'service-group': { label: 'Service group', example: 'dev/payments' },
  'secret-path': { label: 'Secret path', example: 'group/app/password' },
  path: { label: 'Path', example: 'group/app' },
  'service-endpoint': { label: 'Service endpoint', example: 'marathon' },
  'job-group': { label: 'Job group', example: 'nightly' },
  'cluster-id': { label: 'Cluster ID', example: 'b1f5…' },
  role: { label: 'Role', example: 'slave_public' },
  'linux-user': { label: 'Linux user', example: 'nobody' },
  'service-account': { label: 'Service account', example: 'dcos_marathon' },
  endpoint: { label: 'Endpoint', example: '/monitor/statistics' },
};

export function slotLabel(name: string): { label: string; example: string } {
  return SLOT_LABELS[name] ?? { label: name.replaceAll('-', ' '), example: '' };
}

/**
 * The builder's initial state for a rid (from the URL or a "grant this" link): catalog when it is recognized; typed
 * when it is not, or when there is no catalog to pick from (it failed to load).
 */
export function initialBuilderState(catalog: readonly CatalogEntry[], rid: string): BuilderState {
  const match = rid ? matchRid(catalog, rid) : null;
  if (match) return { mode: 'catalog', search: '', entryId: match.entry.id, values: match.values, freeRid: rid };
  return { mode: rid || catalog.length === 0 ? 'free' : 'catalog', search: '', entryId: '', values: {}, freeRid: rid };
}

export function computeChoice(catalog: readonly CatalogEntry[], state: BuilderState): RidChoice {
  if (state.mode === 'free') {
    const rid = state.freeRid.trim();
    const match = rid ? matchRid(catalog, rid) : null;
    return { rid, problem: ridProblem(rid), actions: match?.entry.actions ?? ACTIONS, entry: match?.entry ?? null };
  }
  const entry = catalog.find((e) => e.id === state.entryId) ?? null;
  if (!entry) return { rid: '', problem: 'Choose a resource.', actions: [], entry: null };
  const { rid, missing } = buildRid(entry.template, state.values);
  const first = missing[0];
  const problem = first !== undefined ? `Fill in the ${slotLabel(first).label.toLowerCase()}.` : ridProblem(rid);
  return { rid, problem, actions: entry.actions, entry };
}

export function useRidBuilder(catalog: readonly CatalogEntry[], initialRid: string) {
  const [state, setState] = useState<BuilderState>(() => initialBuilderState(catalog, initialRid));
  // Worked out once per state: the dialog reads it several times a render (rid preview, reasons, Grant button).
  const choice = useMemo(() => computeChoice(catalog, state), [catalog, state]);
  return { state, setState, choice };
}

export type RidBuilderApi = ReturnType<typeof useRidBuilder>;

export interface CatalogGroup {
  /** The area of the catalog ("Admin Router", "Secrets", …), as the catalog names it. */
  area: string;
  entries: CatalogEntry[];
}

/**
 * The catalog entries a search finds (every word in the template, description or area), grouped by area in the
 * catalog's order of first appearance.
 */
export function searchCatalog(catalog: readonly CatalogEntry[], search: string): CatalogGroup[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<string, CatalogEntry[]>();
  for (const entry of catalog) {
    const text = `${entry.template} ${entry.description} ${entry.category}`.toLowerCase();
    if (!words.every((word) => text.includes(word))) continue;
    const group = groups.get(entry.category);
    if (group) group.push(entry);
    else groups.set(entry.category, [entry]);
  }
  return [...groups].map(([area, entries]) => ({ area, entries }));
}

/** Placeholders of an entry, for rendering inputs. */
export function entrySlots(entry: CatalogEntry) {
  return templateSlots(entry.template);
}
