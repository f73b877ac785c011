import type { ReactNode } from 'react';
import type { Column, Selection, SortState } from './data-table-types.ts';

interface DataTableHeadProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  getRowId: (row: T) => string;
  sort: SortState | undefined;
  onSortChange: ((sort: SortState) => void) | undefined;
  selection: Selection | undefined;
  /** How many of `rows` are selected. */
  selectedCount: number;
  template: string;
  minWidth: string;
}

/** A DataTable's header row: "select all" (checked, mixed or clear) and a sort button on each sortable column. */
export function DataTableHead<T>({
  rows,
  columns,
  getRowId,
  sort,
  onSortChange,
  selection,
  selectedCount,
  template,
  minWidth,
}: DataTableHeadProps<T>): ReactNode {
  return (
    <div className="dt-row dt-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, minWidth }}>
      {selection && (
        <div role="columnheader" className="dt-cell dt-check">
          <input
            type="checkbox"
            aria-label={
              selectedCount === rows.length && rows.length > 0 ? 'Deselect all rows' : `Select all ${rows.length} rows`
            }
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
          <div
            key={column.id}
            role="columnheader"
            className={i === 0 ? 'dt-cell dt-first' : 'dt-cell'}
            aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
          >
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
  );
}
