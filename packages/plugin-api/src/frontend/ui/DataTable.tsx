import { lazy, Suspense } from 'react';
import type { DataTableProps } from './DataTableProps';
import { Progress } from './Progress';

const DataTableView = lazy(() => import('./DataTableView.js').then((m) => ({ default: m.DataTableView })));

/**
 * A sortable, virtualised table for long lists (built on TanStack Table and
 * TanStack Virtual). Its code loads the first time a table renders, so pages
 * without tables do not pay for it.
 *
 * @example
 * <DataTable
 *   label="Components"
 *   rows={entities}
 *   getRowId={(e) => e.metadata.uid ?? e.metadata.name}
 *   columns={[
 *     { id: 'name', header: 'Name', value: (e) => e.metadata.name, cell: (e) => <EntityRefLink entityRef={e} /> },
 *     { id: 'owner', header: 'Owner', value: (e) => String(e.spec?.owner ?? '') },
 *   ]}
 *   onEndReached={loadMore}
 * />
 */
export function DataTable<T>(props: DataTableProps<T>) {
  return (
    <Suspense fallback={<Progress label={`Loading ${props.label}`} />}>
      <DataTableView {...(props as DataTableProps<unknown>)} />
    </Suspense>
  );
}
