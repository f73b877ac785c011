import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterByText, matchingIndices, prepareIndex } from './text-search.ts';

interface Account {
  uid: string;
  description: string;
}
const accountFields = (a: Account) => [a.uid, a.description];
const pathField = (p: string) => p;

const accounts: Account[] = [
  { uid: 'alice', description: 'Alice Adams' },
  { uid: 'bob', description: 'Quentin Bob' },
  { uid: 'ab', description: 'cd' },
  { uid: 'İlker', description: 'Büyük Şirket' },
  { uid: 'zoe', description: 'Zoë Quinn' },
];

describe('filterByText', () => {
  it('finds the query in any field, whatever the case, and keeps the list order', () => {
    expect(filterByText(accounts, 'q', accountFields).map((a) => a.uid)).toEqual(['bob', 'zoe']);
    expect(filterByText(accounts, 'ALI', accountFields).map((a) => a.uid)).toEqual(['alice']);
    expect(filterByText(accounts, 'o', accountFields).map((a) => a.uid)).toEqual(['bob', 'zoe']);
  });

  it('lists an item once when the query is in several of its fields', () => {
    expect(filterByText(accounts, 'bob', accountFields)).toEqual([accounts[1]]);
    expect(filterByText(accounts, 'a', accountFields).map((a) => a.uid)).toEqual(['alice', 'ab']);
  });

  it('never matches across two fields or two items', () => {
    expect(filterByText(accounts, 'bc', accountFields)).toEqual([]);
    expect(filterByText(accounts, 'dİ', accountFields)).toEqual([]);
    expect(filterByText(['abc', 'def'], 'cd', pathField)).toEqual([]);
    expect(filterByText(accounts, 'ab\u0000cd', accountFields)).toEqual([]);
    expect(filterByText(accounts, 'b\u0001', accountFields)).toEqual([]);
  });

  it('finds the items after one whose lower case is longer than itself', () => {
    // 'İ' lower-cases to two code units; the offsets of the items after it must still be right.
    expect(filterByText(accounts, 'şirket', accountFields).map((a) => a.uid)).toEqual(['İlker']);
    expect(filterByText(accounts, 'zoë', accountFields).map((a) => a.uid)).toEqual(['zoe']);
    expect(filterByText(accounts, 'quinn', accountFields).map((a) => a.uid)).toEqual(['zoe']);
  });

  it('gives the list itself for an empty query, and nothing when nothing matches', () => {
    expect(filterByText(accounts, '', accountFields)).toBe(accounts);
    expect(filterByText(accounts, 'xyz', accountFields)).toEqual([]);
    expect(filterByText([], 'a', pathField)).toEqual([]);
  });

  it('matches the last item and every item of a long list', () => {
    const paths = Array.from({ length: 10_000 }, (_, i) => `team-${i}/db-password`);
    expect(filterByText(paths, 'team-9999/', pathField)).toEqual(['team-9999/db-password']);
    expect(filterByText(paths, 'PASSWORD', pathField)).toHaveLength(10_000);
    expect(filterByText(paths, '-12', pathField)).toEqual(paths.filter((p) => p.includes('-12')));
  });

  it('indexes each list on its own: another list with the same fields gets its own answers', () => {
    expect(filterByText(['alpha', 'beta'], 'a', pathField)).toEqual(['alpha', 'beta']);
    expect(filterByText(['gamma', 'delta'], 'm', pathField)).toEqual(['gamma']);
    expect(filterByText(['alpha', 'beta'], 'ph', pathField)).toEqual(['alpha']);
  });
});

describe('matchingIndices', () => {
  const itemsAt = <T>(items: readonly T[], found: Int32Array | null) =>
    found ? Array.from(found, (i) => items[i]) : items;

  it('finds exactly the items filterByText finds, in order, for any list and query', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ uid: fc.string({ maxLength: 6 }), description: fc.string({ maxLength: 6 }) }), {
          maxLength: 30,
        }),
        fc.string({ maxLength: 3 }),
        (items, query) => {
          const fields = (a: Account) => [a.uid, a.description];
          expect(itemsAt(items, matchingIndices(items, query, fields))).toEqual(filterByText(items, query, fields));
        },
      ),
    );
  });

  it('answers the same before, while and after the index is built in the background', async () => {
    const paths = Array.from({ length: 25_000 }, (_, i) => `team-${i}/db-password`);
    const field = (p: string) => p;
    prepareIndex(paths, field);
    // Asked at once: the search finishes the build itself.
    expect(itemsAt(paths, matchingIndices(paths, 'team-2499/', field))).toEqual(['team-2499/db-password']);
    const later = [...paths];
    prepareIndex(later, field);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(itemsAt(later, matchingIndices(later, '-12', field))).toEqual(paths.filter((p) => p.includes('-12')));
    expect(matchingIndices(later, '', field)).toBeNull();
  });
});
