/**
 * Case-insensitive substring search over a long list (a search box over 10,000 users or secret paths), fast enough
 * for every keystroke. Each item's fields are lower-cased once per list and joined into one text, with the offset at
 * which each item starts; a search is then the engine's own `indexOf` over that text, jumping to the next item after
 * each match: several times faster than two `includes` per item (figures: README, Performance).
 */

import { inBackground } from './background.ts';

/** Between two fields of one item (so a query never matches across them) and between two items. */
const FIELD_BREAK = '\u0000';
const ITEM_BREAK = '\u0001';

interface TextIndex {
  text: string;
  /** `starts[i]` is where item i begins in `text`; `starts[items.length]` is the text's length. */
  starts: Int32Array;
}

export type SearchFields<T> = (item: T) => string | readonly string[];

const indexes = new WeakMap<readonly unknown[], WeakMap<SearchFields<never>, TextIndex>>();

function lowerFields<T>(item: T, fields: SearchFields<T>): string[] {
  const value = fields(item);
  return (typeof value === 'string' ? [value] : value).map((field) => field.toLowerCase());
}

/** Items indexed per slice of the background build (a few ms at 4× CPU). */
const SLICE_ITEMS = 500;

function* buildIndex<T>(items: readonly T[], fields: SearchFields<T>): Generator<void, TextIndex> {
  const parts: string[] = [];
  const starts = new Int32Array(items.length + 1);
  let length = 0;
  for (let i = 0; i < items.length; i++) {
    starts[i] = length;
    const part = lowerFields(items[i] as T, fields).join(FIELD_BREAK) + ITEM_BREAK;
    parts.push(part);
    length += part.length;
    if ((i + 1) % SLICE_ITEMS === 0) yield;
  }
  starts[items.length] = length;
  return { text: parts.join(''), starts };
}

/** Builds not yet finished (prepareIndex): a search that comes first finishes the build itself. */
const building = new WeakMap<readonly unknown[], WeakMap<SearchFields<never>, Generator<void, TextIndex>>>();

function store<T>(items: readonly T[], fields: SearchFields<T>, index: TextIndex): TextIndex {
  let byFields = indexes.get(items);
  if (!byFields) indexes.set(items, (byFields = new WeakMap()));
  byFields.set(fields, index);
  building.get(items)?.delete(fields);
  return index;
}

function finish(build: Generator<void, TextIndex>): TextIndex {
  for (;;) {
    const next = build.next();
    if (next.done) return next.value;
  }
}

/** The index of a list, built once per list and fields function (keep both identities: module-level functions). */
function indexFor<T>(items: readonly T[], fields: SearchFields<T>): TextIndex {
  const index = indexes.get(items)?.get(fields);
  if (index) return index;
  const started = building.get(items)?.get(fields);
  return store(items, fields, finish(started ?? buildIndex(items, fields)));
}

/**
 * Builds a list's index in the background, a slice per task, so that the first keystroke in the search box finds it
 * ready instead of building it (100,000 users: ~400 ms at 4× CPU, one long task while typing).
 */
export function prepareIndex<T>(items: readonly T[], fields: SearchFields<T>): void {
  if (indexes.get(items)?.has(fields) || building.get(items)?.has(fields)) return;
  const build = buildIndex(items, fields);
  let byFields = building.get(items);
  if (!byFields) building.set(items, (byFields = new WeakMap()));
  byFields.set(fields, build);
  inBackground(() => {
    // A search may have finished it meanwhile.
    if (building.get(items)?.get(fields) !== build) return true;
    const next = build.next();
    if (next.done) store(items, fields, next.value);
    return next.done === true;
  });
}

/** Calls `found` with the index of each item that has a field containing `needle` (lower case, not empty), in order. */
function eachMatch<T>(items: readonly T[], needle: string, fields: SearchFields<T>, found: (index: number) => void) {
  // A pasted control character could otherwise match across two fields or items.
  if (needle.includes(FIELD_BREAK) || needle.includes(ITEM_BREAK)) {
    items.forEach((item, i) => {
      if (lowerFields(item, fields).some((field) => field.includes(needle))) found(i);
    });
    return;
  }
  const { text, starts } = indexFor(items, fields);
  let item = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) break;
    // Matches come in order, so the item holding this one is found by walking forward from the last.
    while ((starts[item + 1] ?? Infinity) <= at) item++;
    found(item);
    item++;
    if (item >= items.length) break;
    from = starts[item] ?? text.length;
  }
}

/**
 * The items with a field containing `query` (case-insensitive), in their order; the list itself for an empty query.
 * Treat the list as immutable: its index is kept for as long as the list lives.
 */
export function filterByText<T>(items: readonly T[], query: string, fields: SearchFields<T>): readonly T[] {
  const needle = query.toLowerCase();
  if (needle === '') return items;
  const out: T[] = [];
  eachMatch(items, needle, fields, (i) => out.push(items[i] as T));
  return out;
}

/**
 * The indices of the items with a field containing `query` (case-insensitive), ascending; null for an empty query
 * (every item). The same index as filterByText, for lists shown in an order of their own (src/lib/sorted-order.ts).
 */
export function matchingIndices<T>(items: readonly T[], query: string, fields: SearchFields<T>): Int32Array | null {
  const needle = query.toLowerCase();
  if (needle === '') return null;
  const found = new Int32Array(items.length);
  let count = 0;
  eachMatch(items, needle, fields, (i) => {
    found[count++] = i;
  });
  return found.slice(0, count);
}
