import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DataTableSort } from './DataTableColumn';
import type { DataTableProps } from './DataTableProps';
import { Icon } from './Icon';

const toSorting = (sort: DataTableSort | undefined): SortingState =>
  sort ? [{ id: sort.columnId, desc: sort.direction === 'desc' }] : [];

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

/** The implementation behind `DataTable`, loaded on first use. */
export function DataTableView<T>({
  label,
  columns,
  rows,
  getRowId,
  height = '32rem',
  rowHeight = 44,
  onEndReached,
  loading = false,
  emptyMessage = 'Nothing to show',
  sort,
  onSortChange,
}: DataTableProps<T>) {
  const [localSorting, setLocalSorting] = useState<SortingState>(toSorting(sort));
  const manual = onSortChange !== undefined;
  const sorting = manual ? toSorting(sort) : localSorting;
  const columnDefs = useMemo<ColumnDef<T>[]>(
    () =>
      columns.map((column) => ({
        id: column.id,
        header: column.header,
        accessorFn: (row: T) => column.value?.(row) ?? '',
        cell: (context) =>
          column.cell
            ? column.cell(context.row.original)
            : String(column.value?.(context.row.original) ?? ''),
        enableSorting: column.sortable ?? column.value !== undefined,
        sortUndefined: 'last',
      })),
    [columns],
  );
  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    manualSorting: manual,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (manual) {
        onSortChange(first ? { columnId: first.id, direction: first.desc ? 'desc' : 'asc' } : undefined);
      } else {
        setLocalSorting(next);
      }
    },
  });
  const tableRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  const askedAtCount = useRef(-1);
  useEffect(() => {
    // Asks once per row count, so a caller passing a new callback each render is not flooded.
    const nearEnd = tableRows.length > 0 && lastIndex >= tableRows.length - 5;
    if (onEndReached && !loading && nearEnd && askedAtCount.current !== tableRows.length) {
      askedAtCount.current = tableRows.length;
      onEndReached();
    }
  }, [onEndReached, loading, lastIndex, tableRows.length]);

  const template = columns.map((c) => c.width ?? 'minmax(0, 1fr)').join(' ');
  return (
    // The scrolling box holds the whole table so the sticky header scrolls sideways with the rows.
    <div ref={scrollRef} className="atrium-table" style={{ maxHeight: height }}>
      <table
        className="atrium-table__table"
        aria-label={label}
        aria-rowcount={tableRows.length + 1}
        aria-busy={loading}
      >
        <thead className="atrium-table__head">
          {table.getHeaderGroups().map((group) => (
            <tr
              key={group.id}
              aria-rowindex={1}
              className="atrium-table__row"
              style={{ gridTemplateColumns: template }}
            >
              {group.headers.map((header) => {
                const direction = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className="atrium-table__header"
                    aria-sort={direction ? ariaSort[direction] : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="atrium-table__sort"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        {direction ? (
                          <Icon
                            name="chevron-down"
                            size={14}
                            className={`atrium-table__sort-icon--${direction}`}
                          />
                        ) : null}
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="atrium-table__body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = tableRows[item.index];
            if (!row) {
              return null;
            }
            return (
              <tr
                key={row.id}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
                className="atrium-table__row atrium-table__row--body"
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)` }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="atrium-table__cell">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        {tableRows.length === 0 || loading ? (
          <tfoot>
            <tr className="atrium-table__note">
              <td>{loading ? 'Loading…' : emptyMessage}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
