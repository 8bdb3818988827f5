/** What the catalog page asks the catalog API for: one kind or all, a search term, an order. */
export interface EntityListQuery {
  /** A kind such as `component`; empty for every kind. */
  kind: string;
  /** Full-text search; empty for none (then the list is ordered by `orderField`). */
  term: string;
  /** A dot path and direction, e.g. `{ field: 'metadata.name', direction: 'asc' }`. */
  order?: { field: string; direction: 'asc' | 'desc' };
}
