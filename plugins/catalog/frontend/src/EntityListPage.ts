import type { Entity } from '@atrium/plugin-api/frontend';

/** One page of `GET /api/catalog/entities/by-query`. */
export interface EntityListPage {
  items: Entity[];
  totalItems: number;
  pageInfo: { nextCursor?: string };
}
