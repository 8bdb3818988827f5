/** The catalog page's filters, as they live in its URL; empty strings mean "any". */
export interface CatalogFilters {
  /** A kind such as `component`, lower case. */
  kind: string;
  type: string;
  owner: string;
  lifecycle: string;
  tag: string;
  namespace: string;
  /** Only what the signed-in user or one of their groups owns. */
  mine: boolean;
  /** Full-text search. */
  term: string;
}
