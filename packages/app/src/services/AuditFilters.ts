/** The audit log's filters as the page keeps them in its URL; dates are `YYYY-MM-DD`, both ends inclusive. */
export interface AuditFilters {
  actor?: string;
  action?: string;
  outcome?: 'success' | 'failure';
  fromDate?: string;
  toDate?: string;
}
