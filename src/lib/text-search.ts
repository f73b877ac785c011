/**
 * Case-insensitive substring search over a long list (a search box over 10,000 users or secret paths), fast enough
 * for every keystroke. Each item's fields are lower-cased once per list and joined into one text, with the offset at
 * which each item starts; a search is then the engine's own `indexOf` over that text, jumping to the next item after
 * each match: several times faster than two `includes` per item (figures: README, Performance).
 */

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

/** The index of a list, built once per list and fields function (keep both identities: module-level functions). */
function indexFor<T>(items: readonly T[], fields: SearchFields<T>): TextIndex {
  let byFields = indexes.get(items);
  if (!byFields) indexes.set(items, (byFields = new WeakMap()));
  let index = byFields.get(fields);
  if (index) return index;
  const parts: string[] = [];
  const starts = new Int32Array(items.length + 1);
  let length = 0;
  items.forEach((item, i) => {
    starts[i] = length;
    const part = lowerFields(item, fields).join(FIELD_BREAK) + ITEM_BREAK;
    parts.push(part);
    length += part.length;
  });
  starts[items.length] = length;
  index = { text: parts.join(''), starts };
  byFields.set(fields, index);
  return index;
}

/**
 * The items with a field containing `query` (case-insensitive), in their order; the list itself for an empty query.
 * Treat the list as immutable: its index is kept for as long as the list lives.
 */
export function filterByText<T>(items: readonly T[], query: string, fields: SearchFields<T>): readonly T[] {
  const needle = query.toLowerCase();
  if (needle === '') return items;
  // A pasted control character could otherwise match across two fields or items.
  if (needle.includes(FIELD_BREAK) || needle.includes(ITEM_BREAK))
    return items.filter((item) => lowerFields(item, fields).some((field) => field.includes(needle)));
  const { text, starts } = indexFor(items, fields);
  const out: T[] = [];
  let item = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) break;
    // Matches come in order, so the item holding this one is found by walking forward from the last.
    while ((starts[item + 1] ?? Infinity) <= at) item++;
    out.push(items[item] as T);
    item++;
    if (item >= items.length) break;
    from = starts[item] ?? text.length;
  }
  return out;
}
