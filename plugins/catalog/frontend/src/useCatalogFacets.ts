import { useApi, useSWR } from '@atrium/plugin-api/frontend';
import type { FacetValue } from './FacetValue';

/** The facet fields the catalog page filters on, besides the kind. */
export const FILTER_FACETS = [
  'spec.type',
  'spec.owner',
  'spec.lifecycle',
  'metadata.tags',
  'metadata.namespace',
] as const;

/** `GET /api/catalog/entity-facets`. */
interface FacetsResponse {
  facets: Record<string, FacetValue[] | undefined>;
}

/** What {@link useCatalogFacets} returns: values per facet field, empty until they arrive. */
export interface CatalogFacets {
  kinds: FacetValue[];
  byField: Record<(typeof FILTER_FACETS)[number], FacetValue[]>;
}

/**
 * The values to offer in the catalog page's filters, with counts: every kind,
 * and the other facets restricted to the chosen kind (so "Type" lists
 * component types when components are shown). Two small requests, whatever
 * the size of the catalog, made once `enabled`.
 */
export function useCatalogFacets(kind: string, enabled = true): CatalogFacets {
  const api = useApi();
  const { data: kindData } = useSWR<FacetsResponse>(
    enabled ? `${api.baseUrl}/entity-facets?facet=kind` : null,
  );
  const params = new URLSearchParams(FILTER_FACETS.map((facet) => ['facet', facet]));
  if (kind) {
    params.set('filter', `kind=${kind}`);
  }
  const { data } = useSWR<FacetsResponse>(enabled ? `${api.baseUrl}/entity-facets?${params}` : null);
  return {
    kinds: kindData?.facets.kind ?? [],
    byField: Object.fromEntries(
      FILTER_FACETS.map((facet) => [facet, data?.facets[facet] ?? []]),
    ) as CatalogFacets['byField'],
  };
}
