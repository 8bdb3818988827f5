import { type Entity, useApi, useSWRInfinite } from '@atrium/plugin-api/frontend';
import { useCallback } from 'react';
import { createEntitiesQueryPath } from './createEntitiesQueryPath';
import type { EntityListPage } from './EntityListPage';
import type { EntityListQuery } from './EntityListQuery';

const PAGE_SIZE = 50;

/** What {@link useEntityList} returns. */
export interface EntityList {
  entities: Entity[];
  /** Matches in total; undefined until the first page arrives. */
  totalItems?: number;
  error: unknown;
  /** True while the first page loads. */
  isLoading: boolean;
  /** True while a further page loads. */
  isLoadingMore: boolean;
  hasMore: boolean;
  loadMore(): void;
  retry(): void;
}

/**
 * The catalog's entities matching `query`, fetched from the server a page at a
 * time by cursor; `loadMore` fetches the next page. A new query starts again
 * from its first page.
 */
export function useEntityList(query: EntityListQuery): EntityList {
  const api = useApi();
  const { data, error, size, setSize, isLoading, isValidating, mutate } = useSWRInfinite<EntityListPage>(
    (index: number, previous: EntityListPage | null) => {
      if (index > 0 && !previous?.pageInfo.nextCursor) {
        return null;
      }
      const cursor = previous?.pageInfo.nextCursor;
      return `${api.baseUrl}${createEntitiesQueryPath(query, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) })}`;
    },
    // Later pages are fetched by cursor; refetching the first with each one would only cost time.
    { revalidateFirstPage: false },
  );
  const pages = data ?? [];
  const hasMore = Boolean(pages.at(-1)?.pageInfo.nextCursor);
  const isLoadingMore = isValidating && size > pages.length;
  const loadMore = useCallback(() => {
    if (hasMore && !isLoadingMore) {
      void setSize((current) => current + 1);
    }
  }, [hasMore, isLoadingMore, setSize]);
  return {
    entities: pages.flatMap((page) => page.items),
    totalItems: pages[0]?.totalItems,
    error,
    isLoading,
    isLoadingMore,
    hasMore,
    loadMore,
    retry: () => void mutate(),
  };
}
