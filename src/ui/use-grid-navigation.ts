import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import type { Selection } from './data-table-types.ts';
import type { RowVirtualizer } from './use-row-virtualizer.ts';

interface GridNavigationInput<T> {
  rows: readonly T[];
  getRowId: (row: T) => string;
  onOpen: ((row: T) => void) | undefined;
  selection: Selection | undefined;
  rowHeight: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  virtualizer: RowVirtualizer;
}

/**
 * A DataTable's keyboard and pointer behaviour: the active row (one tab stop, roving focus), arrow keys, Page Up/Down,
 * Home and End (scrolling the virtualized body to rows not yet rendered), Enter and a plain click on a row's link to
 * open it, Space and Shift+Space to select one row or a range from the last one toggled.
 */
export function useGridNavigation<T>({
  rows,
  getRowId,
  onOpen,
  selection,
  rowHeight,
  scrollRef,
  virtualizer,
}: GridNavigationInput<T>) {
  const [active, setActive] = useState(0);
  const [anchor, setAnchor] = useState<number | null>(null);
  const focusPending = useRef(false);
  const activeIndex = Math.min(active, Math.max(rows.length - 1, 0));

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
    virtualizer.scrollToIndex(next);
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
  // Stable row handlers: the rows are memoized (data-table-row.tsx) and would render again for a new function.
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

  return { activeIndex, setActive, onKeyDown, onClick, onOpenRow, onToggleRow };
}
