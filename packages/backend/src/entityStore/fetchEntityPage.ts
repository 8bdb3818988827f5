import type { CursorKey } from './EntityCursor';
import type { EntityFilter, EntityStorage, FieldOrder, PageItem } from './EntityStorage';

/** How a page is ordered. */
export type EntityPageOrder =
  | { by: 'ref' }
  /** By the entity's smallest value at `key`; entities without one come last either way. */
  | { by: 'field'; key: string; descending: boolean }
  /** By several fields, each like `field`, then by ref. */
  | { by: 'fields'; orders: FieldOrder[] }
  /** By full-text rank, best first. */
  | { by: 'rank' };

/**
 * Walks the keyset of `order` from `after` (exclusive), forwards or
 * `backwards`, and returns up to `limit` items in walking order. Field order
 * is two segments: entities with a value (by value, then id), then entities
 * without one (by id); a walk crosses from one into the other.
 */
export async function fetchEntityPage(
  storage: EntityStorage,
  filter: EntityFilter,
  order: EntityPageOrder,
  backwards: boolean,
  after: CursorKey | undefined,
  limit: number,
): Promise<PageItem[]> {
  if (order.by === 'ref') {
    return storage.scanByRef({
      filter,
      descending: backwards,
      after: after?.by === 'ref' ? after.ref : undefined,
      limit,
    });
  }
  if (order.by === 'fields') {
    return storage.scanByValues(order.orders, {
      filter,
      descending: backwards,
      after: after?.by === 'fields' ? { values: after.values, ref: after.ref } : undefined,
      limit,
    });
  }
  if (order.by === 'rank') {
    return storage.scanByRank({
      filter,
      descending: backwards,
      after: after?.by === 'rank' ? { rank: after.rank, id: after.id } : undefined,
      limit,
    });
  }
  const descending = order.descending !== backwards;
  const key = after?.by === 'field' ? after : undefined;
  const withValue = (from: { value: string; id: number } | undefined, count: number) =>
    storage.scanByValue(order.key, { filter, descending, after: from, limit: count });
  const withoutValue = (from: number | undefined, count: number) =>
    storage.scanLackingValue(order.key, { filter, descending, after: from, limit: count });

  if (key?.value === null) {
    const lacking = await withoutValue(key.id, limit);
    if (!backwards || lacking.length >= limit) {
      return lacking;
    }
    return [...lacking, ...(await withValue(undefined, limit - lacking.length))];
  }
  const valued = await withValue(key ? { value: key.value, id: key.id } : undefined, limit);
  if (backwards || valued.length >= limit) {
    return valued;
  }
  return [...valued, ...(await withoutValue(undefined, limit - valued.length))];
}
