import { type ComponentType, useEffect, useState } from 'react';
import type { DataTableProps } from './DataTableProps';
import { Progress } from './Progress';

type View = ComponentType<DataTableProps<unknown>>;

// Kept once loaded, so that every later table renders in the same pass. Not React.lazy: React
// holds back the reveal of a resolved Suspense fallback by up to 300 ms, which the first
// table of every page would pay.
let loadedView: View | undefined;
let loadingView: Promise<View> | undefined;

function loadView(): Promise<View> {
  loadingView ??= import('./DataTableView.js').then(
    (module) => {
      loadedView = module.DataTableView as View;
      return loadedView;
    },
    (error: unknown) => {
      // A chunk that failed to load may load on the next attempt.
      loadingView = undefined;
      throw error;
    },
  );
  return loadingView;
}

/**
 * Starts loading the table's code before any table renders: the shell calls it
 * when the first page is a plugin's, so the code arrives with the page's data
 * instead of after it.
 */
export function preloadDataTable(): void {
  loadView().catch(() => undefined);
}

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
  const [view, setView] = useState<View | undefined>(() => loadedView);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (view !== undefined) {
      return;
    }
    let current = true;
    loadView().then(
      (loaded) => current && setView(() => loaded),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [view]);
  if (error !== undefined) {
    // The contribution's error boundary shows it, as for any failed chunk.
    throw error;
  }
  if (view === undefined) {
    return <Progress label={`Loading ${props.label}`} />;
  }
  const Loaded = view;
  return <Loaded {...(props as DataTableProps<unknown>)} />;
}
