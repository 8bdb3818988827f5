/** One entry of `catalog.rules` or of a location's `rules` (Backstage's shape). */
export interface CatalogRule {
  /** Kinds allowed, by name (`Component`) or as `{ kind }`. */
  allow: Array<string | { kind: string }>;
  /** Locations the rule applies to; every location when absent. */
  locations?: Array<{ type: string; target?: string; pattern?: string; exclude?: string }>;
}
