import type { ReactNode } from 'react';
import type { DataTableColumn, DataTableSort } from './DataTableColumn';

/** Props of {@link DataTable}. */
export interface DataTableProps<T> {
  /** Accessible name of the table. */
  label: string;
  columns: DataTableColumn<T>[];
  rows: T[];
  /** A stable id per row, e.g. the entity ref. */
  getRowId: (row: T) => string;
  /** Height of the scrolling area (rows are virtualised inside it); default `32rem`. */
  height?: string;
  /** Estimated row height in pixels; default 44. */
  rowHeight?: number;
  /** Called when the user scrolls near the last row: load the next page here. */
  onEndReached?: () => void;
  /** Shows a loading row at the end, e.g. while the next page loads. */
  loading?: boolean;
  /** Shown when there are no rows and nothing is loading. */
  emptyMessage?: ReactNode;
  /** Sort order to show. With `onSortChange` the caller sorts (server-side); without, the table sorts `rows` itself. */
  sort?: DataTableSort;
  onSortChange?: (sort: DataTableSort | undefined) => void;
}
