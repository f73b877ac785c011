import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OVERSCAN, visibleRange } from './use-row-virtualizer.ts';

const scroll = fc.record({
  count: fc.integer({ min: 0, max: 200_000 }),
  rowHeight: fc.integer({ min: 1, max: 120 }),
  height: fc.integer({ min: 0, max: 3_000 }),
  // Past the rows' end too: a body whose rows just became fewer is still scrolled where it was.
  top: fc.integer({ min: 0, max: 30_000_000 }),
});

describe('visibleRange: the rows a virtualized body renders', () => {
  it('renders every row the viewport shows, within the rows there are, and only a screen and the overscan more', () => {
    fc.assert(
      fc.property(scroll, ({ count, rowHeight, height, top }) => {
        const { first, last } = visibleRange(count, rowHeight, top, height);
        if (count === 0) {
          expect(last).toBeLessThan(first);
          return;
        }
        expect(first).toBeGreaterThanOrEqual(0);
        expect(last).toBeLessThanOrEqual(count - 1);
        // Where the browser puts the body: it cannot scroll past its content's end.
        const shownTop = Math.max(0, Math.min(top, count * rowHeight - height));
        // Every row the viewport overlaps (searched in a window a little wider than the viewport) is rendered.
        const from = Math.max(0, Math.floor(shownTop / rowHeight) - 2);
        const to = Math.min(count - 1, Math.floor((shownTop + height) / rowHeight) + 2);
        for (let index = from; index <= to; index++) {
          const start = index * rowHeight;
          if (start < shownTop + height && start + rowHeight > shownTop) {
            expect(index).toBeGreaterThanOrEqual(first);
            expect(index).toBeLessThanOrEqual(last);
          }
        }
        expect(last - first + 1).toBeLessThanOrEqual(Math.ceil(height / rowHeight) + 1 + 2 * OVERSCAN);
      }),
      { numRuns: 500 },
    );
  });

  it('at the top of 100,000 rows of 32 px in a 440 px body: the 14 rows in view and 4 more below', () => {
    expect(visibleRange(100_000, 32, 0, 440)).toEqual({ first: 0, last: 17 });
  });

  it('at the end, scrolled past it after a filter made the rows fewer: the last rows, not none', () => {
    expect(visibleRange(20, 32, 50_000, 440)).toEqual({ first: 2, last: 19 });
  });
});
