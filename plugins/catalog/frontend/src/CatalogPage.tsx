import {
  Button,
  ButtonLink,
  DataTable,
  type DataTableSort,
  EmptyState,
  ErrorPanel,
  getEntityRef,
  Page,
  TextField,
  useIdentity,
  usePermission,
} from '@atrium/plugin-api/frontend';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { catalogLocationCreatePermission } from './catalogPermissions';
import { createEntityFilter } from './createEntityFilter';
import { describeOwnerRef } from './describeOwnerRef';
import { entityListColumns } from './entityListColumns';
import { FacetCombobox } from './FacetCombobox';
import { FacetSelect } from './FacetSelect';
import { readCatalogFilters } from './readCatalogFilters';
import { FILTER_FACETS, useCatalogFacets } from './useCatalogFacets';
import { useEntityList } from './useEntityList';

/** How long typing must pause before the search is sent. */
const SEARCH_DELAY_MS = 300;

const countOf = (n: number) => `${n} ${n === 1 ? 'entity' : 'entities'}`;

/**
 * The facet filters after the kind: label, "any" text, URL key and how a value
 * is shown, in the order of {@link FILTER_FACETS}.
 */
const facetControls: Record<
  (typeof FILTER_FACETS)[number],
  {
    label: string;
    any: string;
    param: 'type' | 'owner' | 'lifecycle' | 'tag' | 'namespace';
    describe?: typeof describeOwnerRef;
  }
> = {
  'spec.type': { label: 'Type', any: 'Any type', param: 'type' },
  'spec.owner': { label: 'Owner', any: 'Any owner', param: 'owner', describe: describeOwnerRef },
  'spec.lifecycle': { label: 'Lifecycle', any: 'Any lifecycle', param: 'lifecycle' },
  'metadata.tags': { label: 'Tag', any: 'Any tag', param: 'tag' },
  'metadata.namespace': { label: 'Namespace', any: 'Any namespace', param: 'namespace' },
};

/** URL keys the kind leaves meaningless when it changes: another kind has other types and lifecycles. */
const kindScoped = ['type', 'lifecycle'];

/**
 * The catalog page: the entities, a page at a time from the server, filtered
 * by kind, type, owner, lifecycle, tag, namespace and "owned by me", and
 * searched by text, with columns that suit the chosen kind. Every filter lives
 * in the URL, so a filtered list can be linked to, and is still there when the
 * user comes back from an entity.
 */
export function CatalogPage() {
  const [params, setParams] = useSearchParams();
  const filters = readCatalogFilters(params);
  const { term, kind } = filters;
  const { ownershipEntityRefs, userEntityRef } = useIdentity();
  const mineId = useId();
  const mayRegister = usePermission(catalogLocationCreatePermission).allowed;
  const [text, setText] = useState(term);
  const [shownTerm, setShownTerm] = useState(term);
  if (term !== shownTerm) {
    // The URL changed under the field (Back, a link): show its term.
    setShownTerm(term);
    if (text.trim() !== term) {
      setText(term);
    }
  }
  const { columns, fields } = entityListColumns(kind);
  const [sort, setSort] = useState<DataTableSort>();
  const orderField = columns.find((column) => column.id === sort?.columnId)?.orderField;
  // Without a chosen order the server sorts by name, or by relevance while searching.
  const shownSort =
    sort && orderField ? sort : term ? undefined : { columnId: 'name', direction: 'asc' as const };
  const filter = createEntityFilter(filters, [userEntityRef, ...ownershipEntityRefs]);
  const list = useEntityList({
    filter,
    term,
    fields,
    ...(sort && orderField ? { order: { field: orderField, direction: sort.direction } } : {}),
  });
  // The filters' counts wait for the first page, then follow every change: at 100,000
  // entities both are database work, and the table is what the page is for.
  const [facetsWanted, setFacetsWanted] = useState(false);
  if (!facetsWanted && !list.isLoading) {
    setFacetsWanted(true);
  }
  const facets = useCatalogFacets(kind, facetsWanted);
  const filtered = Boolean(filter || term);

  const setFilter = (changes: Record<string, string>) =>
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
  const clearFilters = () => {
    clearTimeout(searchTimer.current);
    setText('');
    setParams(new URLSearchParams(), { replace: true });
  };

  let content: ReactNode;
  if (list.error) {
    content = <ErrorPanel title="Could not load the catalog" error={list.error} onRetry={list.retry} />;
  } else if (!list.isLoading && list.entities.length === 0) {
    content = filtered ? (
      <EmptyState
        icon="search"
        title="No entities match"
        description="Try other filters or another search term."
      />
    ) : (
      <EmptyState
        icon="catalog"
        title="The catalog is empty"
        description={
          mayRegister
            ? 'Register a catalog-info.yaml, or add locations under catalog.locations in app-config.yaml.'
            : 'Nothing here that you may see. An administrator adds locations under catalog.locations in app-config.yaml.'
        }
        action={
          mayRegister ? (
            <ButtonLink to="/catalog/register" variant="primary" icon="plugin">
              Register existing software
            </ButtonLink>
          ) : undefined
        }
      />
    );
  } else {
    content = (
      <>
        <DataTable
          // A new column set needs a new table: its widths and sort state belong to the old columns.
          key={kind}
          label="Entities"
          rows={list.entities}
          columns={columns}
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
          : `${countOf(list.totalItems)}${filtered ? (list.totalItems === 1 ? ' matches' : ' match') : ''}`
      }
      actions={
        mayRegister ? (
          <ButtonLink to="/catalog/register" icon="plugin">
            Register existing software
          </ButtonLink>
        ) : undefined
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
          <FacetSelect
            label="Kind"
            anyLabel="All kinds"
            value={kind}
            options={facets.kinds}
            normalize={(value) => value.toLowerCase()}
            onChange={(next) =>
              setFilter({ kind: next, ...Object.fromEntries(kindScoped.map((k) => [k, ''])) })
            }
          />
          {FILTER_FACETS.map((facet) => {
            const control = facetControls[facet];
            return (
              <FacetCombobox
                key={facet}
                label={control.label}
                anyLabel={control.any}
                value={filters[control.param]}
                options={facets.byField[facet]}
                describe={control.describe}
                onChange={(next) => setFilter({ [control.param]: next })}
              />
            );
          })}
          <div className="catalog-filters__mine">
            <input
              id={mineId}
              type="checkbox"
              checked={filters.mine}
              onChange={(event) => setFilter({ mine: event.target.checked ? 'true' : '' })}
            />
            <label htmlFor={mineId}>Owned by me</label>
          </div>
          {filtered ? (
            <Button variant="ghost" onClick={clearFilters}>
              Clear filters
            </Button>
          ) : null}
        </form>
      </search>
      {content}
    </Page>
  );
}
