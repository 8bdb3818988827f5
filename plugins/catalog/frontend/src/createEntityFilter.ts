import type { CatalogFilters } from './CatalogFilters';

/** Which filter key of the catalog API each page filter sets. */
const filterKeys = {
  kind: 'kind',
  type: 'spec.type',
  owner: 'spec.owner',
  lifecycle: 'spec.lifecycle',
  tag: 'metadata.tags',
  namespace: 'metadata.namespace',
} as const;

/**
 * The catalog API's legacy `filter` expression for the page's filters, or an
 * empty string for none. Keys in one expression must all match; a key
 * repeated means "any of", which is how "owned by me" names the user and
 * each of their groups.
 *
 * @example
 * createEntityFilter({ ...noFilters, kind: 'api', mine: true }, ['user:default/ada', 'group:default/web'])
 * // 'kind=api,relations.ownedBy=user:default/ada,relations.ownedBy=group:default/web'
 */
export function createEntityFilter(filters: CatalogFilters, ownershipEntityRefs: readonly string[]): string {
  const parts: string[] = [];
  for (const [field, key] of Object.entries(filterKeys)) {
    const value = filters[field as keyof typeof filterKeys];
    if (value) {
      parts.push(`${key}=${value}`);
    }
  }
  if (filters.mine) {
    const refs = [...new Set(ownershipEntityRefs.map((ref) => ref.toLowerCase()))];
    parts.push(...refs.map((ref) => `relations.ownedBy=${ref}`));
  }
  return parts.join(',');
}
