import type { ReactNode } from 'react';

/** What a DataTable (data-table.tsx) is given: its columns, its sort and its selection. */

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
