import type { EntityListQuery } from './EntityListQuery';

/**
 * The path under `/api/catalog` of one page of the entity list. The first page
 * carries the filter, search, order and fields and asks for the total; later
 * pages send only the cursor, which holds the rest.
 *
 * @example
 * createEntitiesQueryPath({ filter: 'kind=component', term: '', fields: ['kind'] }, { limit: 50 })
 * // '/entities/by-query?limit=50&fields=kind&filter=kind%3Dcomponent&orderField=metadata.name%2Casc'
 */
export function createEntitiesQueryPath(
  query: EntityListQuery,
  { limit, cursor }: { limit: number; cursor?: string },
): string {
  const params = new URLSearchParams({ limit: String(limit), fields: query.fields.join(',') });
  if (cursor) {
    params.set('cursor', cursor);
    params.set('totalItems', 'exclude');
  } else {
    if (query.filter) {
      params.set('filter', query.filter);
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
