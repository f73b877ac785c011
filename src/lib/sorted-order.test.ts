import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { FIRST_SCREEN, orderOf, ownOrder, PROGRESSIVE_FROM, rowsInOrder, type Order } from './sorted-order.ts';

const NATURAL: Intl.CollatorOptions = { sensitivity: 'base', numeric: true };
const byId = (row: { id: string }) => row.id;

function ids(
  rows: readonly { id: string }[],
  order: Order,
  descending = false,
  keep: ((i: number) => boolean) | null = null,
  among: Int32Array | null = null,
) {
  return rowsInOrder(rows, order, descending, among, keep).map((r) => r.id);
}

/** What the list must look like: a stable sort by the same collation, ties in the list's own order. */
function expected(rows: readonly { id: string }[], descending = false) {
  const collator = new Intl.Collator(undefined, NATURAL);
  const sorted = rows.map((r, i) => ({ id: r.id, i })).sort((a, b) => collator.compare(a.id, b.id) || a.i - b.i);
  const out = sorted.map((r) => r.id);
  return descending ? out.reverse() : out;
}

/** Resolves once a progressive order has completed. */
function completed(source: ReturnType<typeof orderOf>): Promise<Order> {
  return new Promise((resolve) => {
    if (source.current().complete) resolve(source.current());
    const stop = source.subscribe(() => {
      stop();
      resolve(source.current());
    });
  });
}

describe('orderOf and rowsInOrder', () => {
  it('sorts text naturally and case-insensitively, both ways', () => {
    const rows = [{ id: 'b10' }, { id: 'B2' }, { id: 'a1' }];
    const order = orderOf(rows, 'id', byId, NATURAL).current();
    expect(order.complete).toBe(true);
    expect(ids(rows, order)).toEqual(['a1', 'B2', 'b10']);
    expect(ids(rows, order, true)).toEqual(['b10', 'B2', 'a1']);
  });

  it('reads each row once per list, column and collation, and keeps the order', () => {
    const rows = [{ id: 'b' }, { id: 'c' }, { id: 'a' }];
    const read = vi.fn((r: { id: string }) => r.id);
    const first = orderOf(rows, 'id', read, NATURAL);
    expect(read).toHaveBeenCalledTimes(3);
    expect(orderOf(rows, 'id', read, NATURAL)).toBe(first);
    expect(read).toHaveBeenCalledTimes(3);
    expect(orderOf([...rows], 'id', read, NATURAL)).not.toBe(first);
    expect(rows.map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });

  it('keeps the rows a search or filter keeps, in order', () => {
    const rows = ['carol', 'alice', 'bob', 'dave'].map((id) => ({ id }));
    const order = orderOf(rows, 'id', byId, NATURAL).current();
    expect(ids(rows, order, false, (i) => rows[i]?.id.includes('a') ?? false)).toEqual(['alice', 'carol', 'dave']);
    expect(ids(rows, ownOrder(rows).current(), false, (i) => i !== 0)).toEqual(['alice', 'bob', 'dave']);
  });

  it('keeps the rows among a search’s matches, in order, however many they are', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('a1', 'A1', 'a10')) }), {
          minLength: 1,
          maxLength: 80,
        }),
        // Per row: matched or not, at a share from none to all.
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.boolean(),
        fc.boolean(),
        (rows, share, seed, descending, alsoKeep) => {
          let state = seed || 1;
          const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
          const among = Int32Array.from(rows.keys()).filter(() => random() < share);
          const keep = alsoKeep ? (i: number) => i % 3 !== 0 : null;
          const order = orderOf(rows, 'id', byId, NATURAL).current();
          const want = rowsInOrder(rows, order, descending, null, null).filter((row) => {
            const i = rows.indexOf(row);
            return among.includes(i) && (!keep || keep(i));
          });
          expect(rowsInOrder(rows, order, descending, among, keep)).toEqual(want);
          const both = (i: number) => among.includes(i) && (!keep || keep(i));
          const own = ownOrder(rows).current();
          expect(ids(rows, own, descending, keep, among)).toEqual(ids(rows, own, descending, both));
        },
      ),
    );
  });

  it('ignores indices that name no row, and never keeps a filtered answer as the whole list', () => {
    const rows = ['carol', 'alice', 'bob'].map((id) => ({ id }));
    const order = orderOf(rows, 'id', byId, NATURAL).current();
    expect(ids(rows, order, false, null, Int32Array.of(1))).toEqual(['alice']);
    // An index that names no row is no row.
    expect(ids(rows, order, false, null, Int32Array.of(-1, 2, 3))).toEqual(['bob']);
    expect(ids(rows, order, true, (i) => i === 2)).toEqual(['bob']);
    expect(ids(rows, order)).toEqual(['alice', 'bob', 'carol']);
    expect(ids(rows, order, true)).toEqual(['carol', 'bob', 'alice']);
  });

  it('is the same stable sort for any list', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('a1', 'A1', 'a10', 'a2')) }), {
          maxLength: 60,
        }),
        fc.boolean(),
        (rows, descending) => {
          expect(ids(rows, orderOf(rows, 'id', byId, NATURAL).current(), descending)).toEqual(
            expected(rows, descending),
          );
        },
      ),
    );
  });

  it('shows a long list’s first screen at once, then completes to the same order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        let state = seed;
        const random = () => ((state = (state * 48271) % 2147483647) / 2147483647) * 1;
        const rows = Array.from({ length: PROGRESSIVE_FROM + 500 }, (_, i) => ({
          id: `user${Math.floor(random() * 5000)}${i % 7 === 0 ? 'X' : 'x'}`,
        }));
        const source = orderOf(rows, 'id', byId, NATURAL);
        const partial = source.current();
        const want = expected(rows);
        expect(partial.complete).toBe(false);
        expect(ids(rows, partial).slice(0, FIRST_SCREEN)).toEqual(want.slice(0, FIRST_SCREEN));
        // Every row once; after the first screen, the others in the list's own order.
        expect(new Set(partial.indices).size).toBe(rows.length);
        const rest = Array.from(partial.indices.subarray(FIRST_SCREEN));
        expect(rest).toEqual([...rest].sort((a, b) => a - b));
        expect([...ids(rows, partial, true)].sort()).toEqual([...want].sort());
        // Before it completes, a search and the reversed order are already in order.
        const keep = (i: number) => rows[i]?.id.startsWith('user12') ?? false;
        const matches = want.filter((id) => id.startsWith('user12'));
        expect(ids(rows, partial, false, keep)).toEqual(matches);
        const among = Int32Array.from(rows.keys()).filter(keep);
        expect(ids(rows, partial, false, null, among)).toEqual(matches);
        expect(ids(rows, partial, true, null, among)).toEqual([...matches].reverse());
        expect(ids(rows, partial, false, null, Int32Array.of(-1, ...among, rows.length))).toEqual(matches);
        // Nearly every row matching: more than PROGRESSIVE_FROM, so the first screen is picked among them.
        const most = Int32Array.from(rows.keys()).filter((i) => i % 100 !== 0);
        expect(most.length).toBeGreaterThanOrEqual(PROGRESSIVE_FROM);
        const mostIds = expected(rows.filter((_, i) => i % 100 !== 0));
        expect(ids(rows, partial, false, null, most).slice(0, FIRST_SCREEN)).toEqual(mostIds.slice(0, FIRST_SCREEN));
        expect([...ids(rows, partial, false, null, most)].sort()).toEqual([...mostIds].sort());
        const even = (i: number) => i % 2 === 0;
        expect(ids(rows, partial, false, even, among)).toEqual(ids(rows, partial, false, (i) => keep(i) && even(i)));
        expect(ids(rows, partial, true).slice(0, FIRST_SCREEN)).toEqual(expected(rows, true).slice(0, FIRST_SCREEN));
        const done = await completed(source);
        expect(done.complete).toBe(true);
        expect(ids(rows, done)).toEqual(want);
        expect(ids(rows, done, true)).toEqual(expected(rows, true));
        expect(ids(rows, done, false, null, among)).toEqual(matches);
        expect(ids(rows, done, true, null, among)).toEqual([...matches].reverse());
      }),
      { numRuns: 3 },
    );
  });
});
