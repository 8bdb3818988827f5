import type { EntityQueryRequest, EntityStoreService } from '@atrium/plugin-api';

/** The store's largest page: a walk asks for no more at once. */
const storePageSize = 1000;

/** One store page of a walk, as stored JSON text. */
export interface EntityWalkChunk {
  items: string[];
  /** Matches in total, on the first chunk when counted. */
  totalItems?: number;
  /** The store cursor before this chunk's first item. */
  prevCursor?: string;
  /** The store cursor after this chunk's last item; absent when nothing follows. */
  nextCursor?: string;
  /** Whether the walk ends with this chunk. */
  last: boolean;
}

/** Which slice of the matches to walk. */
export interface EntityWalkWindow {
  /** Matches to skip first; they are read with a tiny projection. */
  offset?: number;
  /** Matches to return at most; all when absent. */
  limit?: number;
}

/**
 * Walks the matches of a store query page by page, skipping `offset` and
 * stopping after `limit`, so that a response of any size holds at most one
 * store page in memory. Always yields at least one chunk.
 */
export async function* walkEntities(
  store: EntityStoreService,
  request: Omit<EntityQueryRequest<'json'>, 'limit' | 'format'>,
  window: EntityWalkWindow = {},
): AsyncGenerator<EntityWalkChunk> {
  let cursor = request.cursor;
  let totalItems: number | undefined;
  let counted = false;
  const count = (page: { totalItems?: number }) => {
    if (!counted) {
      totalItems = page.totalItems;
      counted = true;
    }
  };
  let skip = window.offset ?? 0;
  while (skip > 0) {
    const page = await store.query({
      ...request,
      cursor,
      fields: ['kind'],
      limit: Math.min(storePageSize, skip),
      format: 'json',
    });
    count(page);
    skip -= page.items.length;
    cursor = page.pageInfo.nextCursor;
    if (!cursor || page.items.length === 0) {
      yield { items: [], totalItems, last: true };
      return;
    }
  }
  let left = window.limit ?? Number.POSITIVE_INFINITY;
  let first = true;
  for (;;) {
    const page = await store.query({
      ...request,
      cursor,
      limit: Math.min(storePageSize, left),
      format: 'json',
    });
    count(page);
    left -= page.items.length;
    cursor = page.pageInfo.nextCursor;
    const last = !cursor || left <= 0 || page.items.length === 0;
    yield {
      items: page.items,
      totalItems: first ? totalItems : undefined,
      prevCursor: first ? page.pageInfo.prevCursor : undefined,
      nextCursor: cursor,
      last,
    };
    first = false;
    if (last) {
      return;
    }
  }
}
