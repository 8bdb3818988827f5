import type { RecentEntity } from './RecentEntity';

/** The entity pages this browser opened last, newest first. */
export interface RecentlyVisitedStore {
  list(): RecentEntity[];
  record(entity: Omit<RecentEntity, 'visitedAt'>): void;
}
