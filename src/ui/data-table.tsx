import { useCallback, useRef, type ReactNode } from 'react';
import { DataTableHead } from './data-table-head.tsx';
import { DataTableRow } from './data-table-row.tsx';
import type { Column, Selection, SortState } from './data-table-types.ts';
import { ROW_HEIGHTS, useDensity } from './list-density.ts';
import { useGridNavigation } from './use-grid-navigation.ts';
import { useRowVirtualizer } from './use-row-virtualizer.ts';

// The grid in parts: its types (data-table-types.ts), the header row (data-table-head.tsx), a body row
// (data-table-row.tsx), the virtualizer (use-row-virtualizer.ts), keys and selection (use-grid-navigation.ts). The
// list pages search and sort their rows with use-list-rows.ts.
export type { Column, Selection, SortDirection, SortState } from './data-table-types.ts';

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

/** The narrowest the columns may be (rem): the sum of each track's minimum, so narrow screens scroll the grid sideways
 * instead of squeezing or clipping its columns. */
function minimumWidth(tracks: readonly string[]): string {
  const rem = tracks.reduce((sum, track) => sum + Number(/(\d+(?:\.\d+)?)rem/.exec(track)?.[1] ?? 8), 0);
  return `${rem}rem`;
}

/**
 * An ARIA grid whose rows are virtualized: the DOM holds only the rows in view, whatever the row count.
 * Arrow keys, Page Up/Down, Home and End move between rows; Enter opens; Space toggles selection.
 */
export function DataTable<T>({
  label,
  rows,
  columns,
  getRowId,
  onOpen,
  sort,
  onSortChange,
  selection,
  empty,
  rowHeight: fixedHeight,
}: DataTableProps<T>) {
  const density = useDensity();
  const rowHeight = fixedHeight ?? ROW_HEIGHTS[density];
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const virtualizer = useRowVirtualizer(rows.length, rowHeight);
  const { bodyRef } = virtualizer;
  // The body's element for the grid's keys and the header's sideways scroll, and for the virtualizer.
  const setBody = useCallback(
    (element: HTMLDivElement | null) => {
      scrollRef.current = element;
      const detach = bodyRef(element);
      return () => {
        scrollRef.current = null;
        detach?.();
      };
    },
    [bodyRef],
  );
  const { activeIndex, setActive, onKeyDown, onClick, onOpenRow, onToggleRow } = useGridNavigation({
    rows,
    getRowId,
    onOpen,
    selection,
    rowHeight,
    scrollRef,
    virtualizer,
  });
  const tracks = [...(selection ? ['2.75rem'] : []), ...columns.map((c) => c.width ?? 'minmax(8rem, 1fr)')];
  const template = tracks.join(' ');
  const minWidth = minimumWidth(tracks);

  // The header scrolls sideways with the body (narrow screens); one write per scroll, only when it moved sideways.
  const onScroll = () => {
    const body = scrollRef.current;
    const head = headRef.current;
    if (!body) return;
    virtualizer.onScroll(body.scrollTop);
    if (head && head.scrollLeft !== body.scrollLeft) head.scrollLeft = body.scrollLeft;
  };

  // Counted only when something is selected: this runs on every render (each scroll frame), and rows may be 10,000.
  const selectedCount =
    selection && selection.selected.size > 0
      ? rows.reduce((n, row) => n + (selection.selected.has(getRowId(row)) ? 1 : 0), 0)
      : 0;

  return (
    <div
      className="data-table"
      role="grid"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onClick={onClick}
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-multiselectable={selection ? true : undefined}
      data-density={density}
    >
      <div className="dt-head-frame" ref={headRef}>
        <DataTableHead
          rows={rows}
          columns={columns}
          getRowId={getRowId}
          sort={sort}
          onSortChange={onSortChange}
          selection={selection}
          selectedCount={selectedCount}
          template={template}
          minWidth={minWidth}
        />
      </div>
      {rows.length === 0 ? (
        <div role="row" className="dt-empty" aria-rowindex={2}>
          <div role="gridcell">{empty}</div>
        </div>
      ) : (
        <div ref={setBody} className="dt-body" role="rowgroup" onScroll={onScroll}>
          <div style={{ height: virtualizer.totalSize, position: 'relative', minWidth }}>
            {virtualizer.items.map((item) => {
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
