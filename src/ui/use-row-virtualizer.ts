import {
  elementScroll,
  useVirtualizer,
  type Rect,
  type Virtualizer,
  type VirtualizerOptions,
} from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, type RefObject } from 'react';

/** Rows rendered beyond each edge of the viewport: enough for smooth scrolling, few enough that a filter keystroke
 * mounts little more than the visible rows. */
const OVERSCAN = 4;

/** The body's height before it is measured: its CSS max-height, `min(65vh, 44rem)` (global.css `.dt-body`). */
function estimatedBodyRect(): Rect {
  return { width: 0, height: Math.round(Math.min(window.innerHeight * 0.65, 44 * 16)) };
}

/**
 * The body's size from a ResizeObserver only. TanStack's default also reads it at once with getBoundingClientRect,
 * which forces the browser to lay the whole page out in the middle of React's commit, and again once the rows are
 * in: the rows are rendered for the estimated size instead, and the observer's first report (after layout, before
 * paint) corrects it if the page is shorter or taller.
 */
function observeBodyRect(
  instance: Virtualizer<HTMLDivElement, Element>,
  onChange: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element) return undefined;
  const observer = new ResizeObserver(([entry]) => {
    if (entry) onChange({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) });
  });
  observer.observe(element);
  return () => observer.disconnect();
}

const bodiesPlaced = new WeakSet<Element>();

/**
 * Scrolls the body, except for the write TanStack makes as it attaches to a new body, to put it where it already is
 * (the top): even a write that changes nothing forces a layout of the whole page in the middle of React's commit.
 */
const scrollBody: VirtualizerOptions<HTMLDivElement, Element>['scrollToFn'] = (offset, options, instance) => {
  const element = instance.scrollElement;
  if (element && !bodiesPlaced.has(element)) {
    bodiesPlaced.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
};

/** Without a ResizeObserver (jsdom in the unit tests), TanStack's own measuring. */
const CAN_OBSERVE = typeof ResizeObserver === 'function';

/**
 * The virtualizer of a DataTable's body: rows of one fixed height, the body's size from a ResizeObserver, no scroll
 * write on attach. A new row height (the density changed) measures every row's offset again; not on mount, which
 * would render twice.
 */
export function useRowVirtualizer(count: number, rowHeight: number, scrollRef: RefObject<HTMLDivElement | null>) {
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; TanStack Virtual is used as documented.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    scrollToFn: scrollBody,
    ...(CAN_OBSERVE && { observeElementRect: observeBodyRect, initialRect: estimatedBodyRect() }),
  });
  const measuredHeight = useRef(rowHeight);
  useLayoutEffect(() => {
    if (measuredHeight.current === rowHeight) return;
    measuredHeight.current = rowHeight;
    virtualizer.measure();
  }, [rowHeight, virtualizer]);
  return virtualizer;
}
