import { elementScroll, useVirtualizer, type Rect, type Virtualizer, type VirtualizerOptions } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { DataTableRow } from './data-table-row.tsx';
import { ROW_HEIGHTS, useDensity } from './list-density.ts';

export type SortDirection = 'asc' | 'desc';
export interface SortState {
  column: string;
  direction: SortDirection;
}

export interface Column<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Columns with a sort value get a sort button. */
  sortable?: boolean;
  /** CSS grid track, e.g. `minmax(10rem, 1fr)`. */
  width?: string;
}

export interface Selection {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

interface DataTableProps<T> {
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  getRowId: (row: T) => string;
  /** Enter on a row, or a click on its first cell's link, opens it. */
  onOpen?: (row: T) => void;
  sort?: SortState | undefined;
  onSortChange?: (sort: SortState) => void;
  selection?: Selection | undefined;
  empty: ReactNode;
  /** Rows are this tall (px); the virtualizer renders only the visible ones. By default, the user's density. */
  rowHeight?: number;
}

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
function observeBodyRect(instance: Virtualizer<HTMLDivElement, Element>, onChange: (rect: Rect) => void): (() => void) | undefined {
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

/** The narrowest the columns may be (rem): the sum of each track's minimum, so narrow screens scroll the grid sideways
 * instead of squeezing or clipping its columns. */
function minimumWidth(tracks: readonly string[]): string {
  const rem = tracks.reduce((sum, track) => sum + Number(/(\d+(?:\.\d+)?)rem/.exec(track)?.[1] ?? 8), 0);
  return `${rem}rem`;
}

/** Without a ResizeObserver (jsdom in the unit tests), TanStack's own measuring. */
const CAN_OBSERVE = typeof ResizeObserver === 'function';

/**
 * An ARIA grid whose rows are virtualized: the DOM holds only the rows in view, whatever the row count.
 * Arrow keys, Page Up/Down, Home and End move between rows; Enter opens; Space toggles selection.
 */
export function DataTable<T>({ label, rows, columns, getRowId, onOpen, sort, onSortChange, selection, empty, rowHeight: fixedHeight }: DataTableProps<T>) {
  const density = useDensity();
  const rowHeight = fixedHeight ?? ROW_HEIGHTS[density];
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [anchor, setAnchor] = useState<number | null>(null);
  const focusPending = useRef(false);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; TanStack Virtual is used as documented.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: OVERSCAN, scrollToFn: scrollBody, ...(CAN_OBSERVE && { observeElementRect: observeBodyRect, initialRect: estimatedBodyRect() }) });
  const activeIndex = Math.min(active, Math.max(rows.length - 1, 0));
  const tracks = [...(selection ? ['2.75rem'] : []), ...columns.map((c) => c.width ?? 'minmax(8rem, 1fr)')];
  const template = tracks.join(' ');
  const minWidth = minimumWidth(tracks);

  // A new row height (the density changed) invalidates every row's offset; not on mount, which would render twice.
  const measuredHeight = useRef(rowHeight);
  useLayoutEffect(() => {
    if (measuredHeight.current === rowHeight) return;
    measuredHeight.current = rowHeight;
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  // The header scrolls sideways with the body (narrow screens); one write per scroll, only when it moved sideways.
  const onScroll = () => {
    const body = scrollRef.current;
    const head = headRef.current;
    if (body && head && head.scrollLeft !== body.scrollLeft) head.scrollLeft = body.scrollLeft;
  };

  // After a jump (End, Page Down) the target row exists only once the virtualizer has scrolled and re-rendered, so
  // keep trying on each render until it is there.
  useEffect(() => {
    if (!focusPending.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (row) {
      focusPending.current = false;
      row.focus();
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    virtualizer.scrollToIndex(next, { align: 'auto' });
    focusPending.current = true;
    setActive(next);
  };

  const toggle = (index: number, range: boolean) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    const [from, to] = range && anchor !== null ? [Math.min(anchor, index), Math.max(anchor, index)] : [index, index];
    const row = rows[index];
    const turnOn = row !== undefined && !selection.selected.has(getRowId(row));
    for (let i = from; i <= to; i++) {
      const r = rows[i];
      if (!r) continue;
      if (turnOn) next.add(getRowId(r));
      else next.delete(getRowId(r));
    }
    setAnchor(index);
    selection.onChange(next);
  };

  // The rows' handlers keep one identity for the table's lifetime (DataTableRow is memoized) and read the latest
  // rows, selection and callbacks from here.
  const latest = useRef({ rows, onOpen, toggle });
  useLayoutEffect(() => {
    latest.current = { rows, onOpen, toggle };
  });
  const onOpenRow = useCallback((index: number) => {
    const { rows: current, onOpen: open } = latest.current;
    const row = current[index];
    if (row === undefined || !open) return false;
    open(row);
    return true;
  }, []);
  const onToggleRow = useCallback((index: number, range: boolean) => latest.current.toggle(index, range), []);

  // A RowLink clicked plainly opens its row in the app; with a modifier or another button the browser follows the
  // href itself (new tab, new window), as with any link.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const row = (event.target as Element).closest('a[data-opens-row]')?.closest('[data-index]');
    if (row && onOpenRow(Number(row.getAttribute('data-index')))) event.preventDefault();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Only a focused row navigates; keys typed into a checkbox or the header's buttons keep their own meaning.
    if (!(event.target as HTMLElement).matches('[role="row"]')) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      PageDown: () => moveTo(activeIndex + page),
      PageUp: () => moveTo(activeIndex - page),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      Enter: () => {
        const row = rows[activeIndex];
        if (row && onOpen) onOpen(row);
      },
      ' ': () => toggle(activeIndex, event.shiftKey),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  // Counted only when something is selected: this runs on every render (each scroll frame), and rows may be 10,000.
  const selectedCount = selection && selection.selected.size > 0 ? rows.reduce((n, row) => n + (selection.selected.has(getRowId(row)) ? 1 : 0), 0) : 0;

  return (
    <div className="data-table" role="grid" tabIndex={-1} onKeyDown={onKeyDown} onClick={onClick} aria-label={label} aria-rowcount={rows.length + 1} aria-multiselectable={selection ? true : undefined} data-density={density}>
      <div className="dt-head-frame" ref={headRef}>
        <div className="dt-row dt-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, minWidth }}>
          {selection && (
            <div role="columnheader" className="dt-cell dt-check">
              <input
                type="checkbox"
                aria-label={selectedCount === rows.length && rows.length > 0 ? 'Deselect all rows' : `Select all ${rows.length} rows`}
                checked={rows.length > 0 && selectedCount === rows.length}
                ref={(el) => {
                  if (el) el.indeterminate = selectedCount > 0 && selectedCount < rows.length;
                }}
                onChange={(event) => {
                  const next = new Set(selection.selected);
                  for (const row of rows) {
                    if (event.target.checked) next.add(getRowId(row));
                    else next.delete(getRowId(row));
                  }
                  selection.onChange(next);
                }}
              />
            </div>
          )}
          {columns.map((column, i) => {
            const sorted = sort?.column === column.id ? sort.direction : undefined;
            return (
              <div key={column.id} role="columnheader" className={i === 0 ? 'dt-cell dt-first' : 'dt-cell'} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                {column.sortable && onSortChange ? (
                  <button
                    type="button"
                    className="dt-sort"
                    onClick={() => onSortChange({ column: column.id, direction: sorted === 'asc' ? 'desc' : 'asc' })}
                  >
                    {column.header}
                    <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                  </button>
                ) : (
                  column.header
                )}
              </div>
            );
          })}
        </div>
      </div>
      {rows.length === 0 ? (
        <div role="row" className="dt-empty" aria-rowindex={2}>
          <div role="gridcell">{empty}</div>
        </div>
      ) : (
        <div ref={scrollRef} className="dt-body" role="rowgroup" onScroll={onScroll}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (row === undefined) return null;
              const id = getRowId(row);
              // Keyed by position, not by id: when a keystroke or a sort brings other rows into view, React updates
              // the rows already in the DOM (text, link, selection) instead of removing them and building new ones.
              return (
                <DataTableRow
                  key={item.index}
                  row={row}
                  id={id}
                  index={item.index}
                  start={item.start}
                  height={rowHeight}
                  template={template}
                  columns={columns}
                  selectable={selection !== undefined}
                  isSelected={selection?.selected.has(id) ?? false}
                  isActive={item.index === activeIndex}
                  onFocusRow={setActive}
                  onOpenRow={onOpenRow}
                  onToggleRow={onToggleRow}
                />
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}

type SortValue = string | number;
const sortCache = new WeakMap<readonly unknown[], WeakMap<object, Map<string, readonly unknown[]>>>();

/**
 * Sorts a copy by the given accessor; text compares case-insensitively and numerically. Each row's value is read
 * once (not once per comparison), and the result is kept per input array, accessor and sort: a list page sorts the
 * same cached query data again on every visit, and with 10,000 rows that sort is most of the page's render time.
 * Treat both the input and the result as immutable.
 */
export function sortRows<T>(rows: readonly T[], sort: SortState | undefined, value: (row: T, column: string) => SortValue): readonly T[] {
  if (!sort) return rows;
  const key = `${sort.column}:${sort.direction}`;
  let byAccessor = sortCache.get(rows);
  if (!byAccessor) sortCache.set(rows, (byAccessor = new WeakMap<object, Map<string, readonly unknown[]>>()));
  let bySort = byAccessor.get(value);
  if (!bySort) byAccessor.set(value, (bySort = new Map<string, readonly unknown[]>()));
  const cached = bySort.get(key) as readonly T[] | undefined;
  if (cached) return cached;
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: value(row, sort.column) }));
  keyed.sort(({ value: x }, { value: y }) => sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y))));
  const sorted = keyed.map((entry) => entry.row);
  bySort.set(key, sorted);
  return sorted;
}
