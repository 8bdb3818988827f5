import type { EntityListQuery } from './EntityListQuery';

/** Only what the table shows, so a page of entities stays small on the wire. */
export const ENTITY_LIST_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.description',
  'spec.type',
  'spec.owner',
  'spec.lifecycle',
];

/**
 * The path under `/api/catalog` of one page of the entity list. The first page
 * carries the filter, search and order and asks for the total; later pages
 * send only the cursor, which holds the rest.
 *
 * @example
 * createEntitiesQueryPath({ kind: 'component', term: '' }, { limit: 50 })
 * // '/entities/by-query?limit=50&fields=…&filter=kind%3Dcomponent&orderField=metadata.name%2Casc'
 */
export function createEntitiesQueryPath(
  query: EntityListQuery,
  { limit, cursor }: { limit: number; cursor?: string },
): string {
  const params = new URLSearchParams({ limit: String(limit), fields: ENTITY_LIST_FIELDS.join(',') });
  if (cursor) {
    params.set('cursor', cursor);
    params.set('totalItems', 'exclude');
  } else {
    if (query.kind) {
      params.set('filter', `kind=${query.kind}`);
    }
    const term = query.term.trim();
    if (term) {
      params.set('fullTextFilterTerm', term);
    }
    // With a search term and no chosen order, the store ranks by relevance.
    const order = query.order ?? (term ? undefined : { field: 'metadata.name', direction: 'asc' });
    if (order) {
      params.set('orderField', `${order.field},${order.direction}`);
    }
  }
  return `/entities/by-query?${params}`;
}
