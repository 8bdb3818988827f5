/** Filters of an audit search; all given ones must match. */
export interface AuditSearch {
  /** User entity ref (case-insensitive) or `anonymous`. */
  actor?: string;
  /** Exact action, e.g. `catalog:POST /locations`. */
  action?: string;
  /** Exact path, e.g. `/api/catalog/locations/3`. */
  target?: string;
  outcome?: 'success' | 'failure';
  /** Records at or after this time. */
  from?: Date;
  /** Records before this time. */
  to?: Date;
  /** Page size, 1–500. */
  limit: number;
  /** From the previous page's `nextCursor`. */
  cursor?: string;
}
