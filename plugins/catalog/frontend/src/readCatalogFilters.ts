import type { CatalogFilters } from './CatalogFilters';

/**
 * The catalog page's filters from its URL query (`kind`, `type`, `owner`,
 * `lifecycle`, `tag`, `namespace`, `mine=true`, `q`).
 *
 * @example
 * readCatalogFilters(new URLSearchParams('kind=API&mine=true')) // { kind: 'api', mine: true, … }
 */
export function readCatalogFilters(params: URLSearchParams): CatalogFilters {
  const text = (key: string) => params.get(key)?.trim() ?? '';
  return {
    kind: text('kind').toLowerCase(),
    type: text('type'),
    owner: text('owner'),
    lifecycle: text('lifecycle'),
    tag: text('tag'),
    namespace: text('namespace'),
    mine: params.get('mine') === 'true',
    term: params.get('q') ?? '',
  };
}
