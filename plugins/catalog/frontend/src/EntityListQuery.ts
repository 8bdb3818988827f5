/** What the catalog page asks the catalog API for: a filter, a search term, an order and the fields shown. */
export interface EntityListQuery {
  /** A legacy filter expression such as `kind=component,spec.type=service`; empty for every entity. */
  filter: string;
  /** Full-text search; empty for none (then the list is ordered by name). */
  term: string;
  /** A dot path and direction, e.g. `{ field: 'metadata.name', direction: 'asc' }`. */
  order?: { field: string; direction: 'asc' | 'desc' };
  /** The entity fields the table shows; the server sends only these. */
  fields: readonly string[];
}
