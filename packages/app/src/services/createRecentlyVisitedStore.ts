import type { RecentEntity } from './RecentEntity';
import type { RecentlyVisitedStore } from './RecentlyVisitedStore';

const key = 'atrium.recentlyVisited';

/** Keeps the last `limit` visited entities in `storage`, per browser, newest first and without repeats. */
export function createRecentlyVisitedStore(
  storage: Storage,
  limit = 8,
  now: () => Date = () => new Date(),
): RecentlyVisitedStore {
  const list = (): RecentEntity[] => {
    try {
      const value: unknown = JSON.parse(storage.getItem(key) ?? '[]');
      return Array.isArray(value)
        ? (value as RecentEntity[]).filter((e) => typeof e?.entityRef === 'string')
        : [];
    } catch {
      return [];
    }
  };
  return {
    list,
    record(entity) {
      const others = list().filter((e) => e.entityRef !== entity.entityRef);
      const next = [{ ...entity, visitedAt: now().toISOString() }, ...others].slice(0, limit);
      storage.setItem(key, JSON.stringify(next));
    },
  };
}
