import { useCallback, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/** Rows rendered beyond each edge of the viewport: enough for smooth scrolling, few enough that a filter keystroke
 * mounts little more than the visible rows. */
export const OVERSCAN = 4;

/** The body's height before it is measured: its CSS max-height, `min(65vh, 44rem)` (global.css `.dt-body`). */
function estimatedBodyHeight(): number {
  return Math.round(Math.min(window.innerHeight * 0.65, 44 * 16));
}

/** Without a ResizeObserver (jsdom in the unit tests), the body's clientHeight is read once it exists. */
const CAN_OBSERVE = typeof ResizeObserver === 'function';

export interface VirtualRow {
  index: number;
  /** Offset of the row's top from the top of the body's content (px). */
  start: number;
}

export interface RowVirtualizer {
  /** Height of all rows together (px): the body's scrollable content. */
  totalSize: number;
  /** The rows in view, plus OVERSCAN beyond each edge, in order. */
  items: readonly VirtualRow[];
  /** Scrolls the body the least that brings the row into view (nothing if it is in view already). */
  scrollToIndex: (index: number) => void;
  /** The body's scroll handler calls this with its scrollTop. */
  onScroll: (scrollTop: number) => void;
  /** The body's ref (the hook observes the body's height and scrolls it). */
  bodyRef: (element: HTMLDivElement | null) => (() => void) | undefined;
}

/** The first and last row to render for a body scrolled to `top` and `height` tall. */
export function visibleRange(
  count: number,
  rowHeight: number,
  top: number,
  height: number,
): { first: number; last: number } {
  if (count === 0) return { first: 0, last: -1 };
  // A body whose rows just became fewer may still be scrolled past their end until the browser clamps it.
  const clamped = Math.max(0, Math.min(top, count * rowHeight - height));
  const first = Math.max(0, Math.floor(clamped / rowHeight) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((clamped + height) / rowHeight) - 1 + OVERSCAN);
  return { first, last };
}

/**
 * The virtualizer of a DataTable's body, for rows of one fixed height: where each row goes is arithmetic (index ×
 * height), so nothing is measured or stored per row. A general virtualizer (TanStack Virtual, used before) keeps an
 * object per row and builds them again for every new row count, which at 100,000 rows was much of a return to the
 * list and of each filter keystroke, and 32 KB of the first load's JavaScript. The body's height comes from a
 * ResizeObserver (never read during React's commit, which would force a layout); until its first report the rows are
 * rendered for the body's CSS height.
 */
export function useRowVirtualizer(count: number, rowHeight: number): RowVirtualizer {
  const body = useRef<HTMLDivElement | null>(null);
  const [height, setHeight] = useState(estimatedBodyHeight);
  const [top, setTop] = useState(0);

  // The body exists only while there are rows: its callback ref (re)attaches the observer to each new element.
  const bodyRef = useCallback((element: HTMLDivElement | null) => {
    body.current = element;
    if (!element) return undefined;
    setTop(element.scrollTop);
    if (!CAN_OBSERVE) {
      setHeight(element.clientHeight);
      return () => {
        body.current = null;
      };
    }
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setHeight(Math.round(entry.contentRect.height));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      body.current = null;
    };
  }, []);

  // Only a scroll that changes which rows are rendered renders the table again, and at once (flushSync), so that a
  // fast scroll paints rows rather than the blank beyond the overscan.
  const onScroll = useCallback(
    (scrollTop: number) => {
      const row = Math.floor(scrollTop / rowHeight);
      if (row === Math.floor(top / rowHeight)) return;
      flushSync(() => setTop(scrollTop));
    },
    [rowHeight, top],
  );

  const { first, last } = visibleRange(count, rowHeight, top, height);
  const items = useMemo(() => {
    const rows: VirtualRow[] = [];
    for (let index = first; index <= last; index++) rows.push({ index, start: index * rowHeight });
    return rows;
  }, [first, last, rowHeight]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = body.current;
      if (!element) return;
      const current = element.scrollTop;
      const start = index * rowHeight;
      let next = current;
      if (start < current) next = start;
      else if (start + rowHeight > current + height) next = start + rowHeight - height;
      if (next === current) return;
      element.scrollTop = next;
      // The scroll event follows; the rows for the new place are rendered now, for the focus to move to them.
      setTop(next);
    },
    [rowHeight, height],
  );

  return useMemo(
    () => ({ totalSize: count * rowHeight, items, scrollToIndex, onScroll, bodyRef }),
    [count, rowHeight, items, scrollToIndex, onScroll, bodyRef],
  );
}
