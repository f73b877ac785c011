import { memo, type MouseEvent, type ReactNode } from 'react';
import type { Column } from './data-table-types.ts';
import { publicPath } from '@/lib/base.ts';

export interface DataTableRowProps<T> {
  row: T;
  id: string;
  index: number;
  /** Offset from the top of the virtual list, px. */
  start: number;
  height: number;
  template: string;
  columns: readonly Column<T>[];
  selectable: boolean;
  isSelected: boolean;
  isActive: boolean;
  /** Stable callbacks (same identity on every render), so an unchanged row skips rendering. */
  onFocusRow: (index: number) => void;
  onOpenRow: (index: number) => boolean;
  onToggleRow: (index: number, range: boolean) => void;
}

function DataTableRowView<T>({
  row,
  id,
  index,
  start,
  height,
  template,
  columns,
  selectable,
  isSelected,
  isActive,
  onFocusRow,
  onOpenRow,
  onToggleRow,
}: DataTableRowProps<T>) {
  return (
    <div
      role="row"
      className="dt-row"
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={selectable ? isSelected : undefined}
      tabIndex={isActive ? 0 : -1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow(index);
      }}
      onDoubleClick={() => onOpenRow(index)}
      style={{ gridTemplateColumns: template, height, transform: `translateY(${start}px)` }}
    >
      {selectable && (
        <div role="gridcell" className="dt-cell dt-check">
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={`Select ${id}`}
            checked={isSelected}
            onChange={() => undefined}
            onClick={(event: MouseEvent<HTMLInputElement>) => {
              onToggleRow(index, event.shiftKey);
            }}
          />
        </div>
      )}
      {columns.map((column, i) => (
        <div key={column.id} role="gridcell" className={i === 0 ? 'dt-cell dt-first' : 'dt-cell'}>
          {column.cell(row)}
        </div>
      ))}
    </div>
  );
}

/**
 * One grid row, memoized: typing in a search box, moving the focus or scrolling re-renders the table, and only the
 * rows whose data, position, selection or focus changed need to render again (issue 9: keystroke ≤ 50 ms).
 */
export const DataTableRow = memo(DataTableRowView) as typeof DataTableRowView;

/**
 * The link in a row's first cell to the page the row opens (the same page as Enter or a double click): a plain
 * anchor, whose plain click the table turns into its onOpen (an in-app navigation). A router Link per row
 * (path resolution, click and prefetch hooks) was the largest part of rendering the rows a keystroke brings in.
 */
export function RowLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  return (
    <a href={publicPath(href)} className={className} tabIndex={-1} data-opens-row="">
      {children}
    </a>
  );
}
