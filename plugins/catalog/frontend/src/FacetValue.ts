/** One value of a facet and how many entities have it, as `GET /entity-facets` returns it. */
export interface FacetValue {
  value: string;
  count: number;
}
