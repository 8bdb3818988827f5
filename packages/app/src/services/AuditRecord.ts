/** One recorded change request, as `GET /api/core/audit` returns it. */
export interface AuditRecord {
  id: string;
  /** ISO timestamp. */
  at: string;
  /** The caller's user entity ref, or `anonymous`. */
  actor: string;
  via?: string;
  /** e.g. `catalog:POST /locations`. */
  action: string;
  /** The concrete path, e.g. `/api/catalog/locations`. */
  target: string;
  outcome: 'success' | 'failure';
  status: number;
  requestId?: string;
  pluginId: string;
}
