import type { AuditFilters } from './AuditFilters';

/** The start of a local calendar day, e.g. `2026-11-29` → that midnight in the reader's time zone, as ISO. */
function startOfDay(date: string, addDays = 0): string | undefined {
  const day = new Date(`${date}T00:00:00`);
  if (Number.isNaN(day.getTime())) {
    return undefined;
  }
  day.setDate(day.getDate() + addDays);
  return day.toISOString();
}

/**
 * The query string of `GET /api/core/audit` for the filters and page: the date
 * range is the reader's local days, the `to` day included (the API's `to` is exclusive).
 */
export function createAuditQuery(filters: AuditFilters, page: { limit: number; cursor?: string }): string {
  const params = new URLSearchParams();
  if (filters.actor?.trim()) {
    params.set('actor', filters.actor.trim());
  }
  if (filters.action?.trim()) {
    params.set('action', filters.action.trim());
  }
  if (filters.outcome) {
    params.set('outcome', filters.outcome);
  }
  const from = filters.fromDate ? startOfDay(filters.fromDate) : undefined;
  if (from) {
    params.set('from', from);
  }
  const to = filters.toDate ? startOfDay(filters.toDate, 1) : undefined;
  if (to) {
    params.set('to', to);
  }
  params.set('limit', String(page.limit));
  if (page.cursor) {
    params.set('cursor', page.cursor);
  }
  return params.toString();
}
