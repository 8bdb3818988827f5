/** An entity page the user opened, as the home page lists it. */
export interface RecentEntity {
  entityRef: string;
  kind: string;
  title: string;
  /** ISO timestamp of the last visit. */
  visitedAt: string;
}
