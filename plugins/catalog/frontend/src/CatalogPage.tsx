import {
  Button,
  DataTable,
  type DataTableSort,
  EmptyState,
  ErrorPanel,
  getEntityRef,
  Page,
  TextField,
} from '@atrium/plugin-api/frontend';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { entityListColumns } from './entityListColumns';
import { KindSelect } from './KindSelect';
import { useEntityList } from './useEntityList';

/** How long typing must pause before the search is sent. */
const SEARCH_DELAY_MS = 300;

const countOf = (n: number) => `${n} ${n === 1 ? 'entity' : 'entities'}`;

/**
 * The catalog page: every entity, a page at a time from the server, filtered
 * by kind and searched by text. The kind and the search live in the URL, so a
 * filtered list can be linked to, and is still there when the user comes back
 * from an entity.
 */
export function CatalogPage() {
  const [params, setParams] = useSearchParams();
  const kind = (params.get('kind') ?? '').toLowerCase();
  const term = params.get('q') ?? '';
  const [text, setText] = useState(term);
  const [shownTerm, setShownTerm] = useState(term);
  if (term !== shownTerm) {
    // The URL changed under the field (Back, a link): show its term.
    setShownTerm(term);
    if (text.trim() !== term) {
      setText(term);
    }
  }
  const [sort, setSort] = useState<DataTableSort>();
  // Without a chosen order the server sorts by name, or by relevance while searching.
  const shownSort = sort ?? (term ? undefined : { columnId: 'name', direction: 'asc' as const });
  const orderField = entityListColumns.find((column) => column.id === sort?.columnId)?.orderField;
  const list = useEntityList({
    kind,
    term,
    ...(sort && orderField ? { order: { field: orderField, direction: sort.direction } } : {}),
  });

  const setFilter = (changes: { kind?: string; q?: string }) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) {
            next.set(key, value);
          } else {
            next.delete(key);
          }
        }
        return next;
      },
      { replace: true },
    );
  const searchTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(searchTimer.current), []);
  const search = (value: string, delayMs: number) => {
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => setFilter({ q: value.trim() }), delayMs);
  };

  let content: ReactNode;
  if (list.error) {
    content = <ErrorPanel title="Could not load the catalog" error={list.error} onRetry={list.retry} />;
  } else if (!list.isLoading && list.entities.length === 0) {
    content =
      kind || term ? (
        <EmptyState
          icon="search"
          title="No entities match"
          description="Try another kind or search term."
          action={
            <Button
              onClick={() => {
                clearTimeout(searchTimer.current);
                setText('');
                setFilter({ kind: '', q: '' });
              }}
            >
              Clear filters
            </Button>
          }
        />
      ) : (
        <EmptyState
          icon="catalog"
          title="The catalog is empty"
          description="Add catalog-info.yaml locations under catalog.locations in app-config.yaml."
        />
      );
  } else {
    content = (
      <>
        <DataTable
          label="Entities"
          rows={list.entities}
          columns={entityListColumns}
          getRowId={getEntityRef}
          loading={list.isLoading || list.isLoadingMore}
          onEndReached={list.loadMore}
          {...(shownSort ? { sort: shownSort } : {})}
          onSortChange={setSort}
        />
        {list.totalItems !== undefined ? (
          <div className="catalog-more">
            <span aria-live="polite">
              Showing {list.entities.length} of {countOf(list.totalItems)}
            </span>
            {list.hasMore ? (
              <Button onClick={list.loadMore} disabled={list.isLoadingMore}>
                {list.isLoadingMore ? 'Loading…' : 'Load more'}
              </Button>
            ) : null}
          </div>
        ) : null}
      </>
    );
  }

  return (
    <Page
      title="Catalog"
      subtitle={
        list.totalItems === undefined
          ? 'Everything your organisation runs, and who owns it'
          : `${countOf(list.totalItems)}${kind || term ? (list.totalItems === 1 ? ' matches' : ' match') : ''}`
      }
    >
      <search aria-label="Filter the catalog">
        <form
          className="catalog-filters"
          onSubmit={(event) => {
            event.preventDefault();
            search(text, 0);
          }}
        >
          <KindSelect value={kind} onChange={(next) => setFilter({ kind: next })} />
          <TextField
            label="Search"
            type="search"
            className="catalog-filters__search"
            placeholder="Name, description, tag or owner"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              search(event.target.value, SEARCH_DELAY_MS);
            }}
          />
        </form>
      </search>
      {content}
    </Page>
  );
}
