import type { ReactNode } from 'react';

/** One column of a {@link DataTable}. */
export interface DataTableColumn<T> {
  /** Unique within the table; also the sort key reported to `onSortChange`. */
  id: string;
  /** Column heading. */
  header: string;
  /** The cell's value: shown when there is no `cell`, and sorted on. */
  value?: (row: T) => string | number | undefined;
  /** Renders the cell; by default the `value` as text. */
  cell?: (row: T) => ReactNode;
  /** Whether the heading sorts; default true when the column has a `value`. */
  sortable?: boolean;
  /** CSS grid track, e.g. `2fr` or `120px`; default `1fr`. */
  width?: string;
}

/** The order a {@link DataTable} is sorted in. */
export interface DataTableSort {
  columnId: string;
  direction: 'asc' | 'desc';
}
