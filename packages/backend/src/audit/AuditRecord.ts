/** One recorded change request, as `GET /api/core/audit` returns it. */
export interface AuditRecord {
  /** Increasing with insertion order; a string because PostgreSQL bigints exceed JavaScript numbers. */
  id: string;
  /** When the response finished, ISO 8601. */
  at: string;
  /**
   * The caller's user entity ref (lowercase), or `anonymous`; for a refused sign-in,
   * what the provider said about the person (e-mail or login), when it got that far.
   */
  actor: string;
  /** How the caller authenticated (`token`, `guest`, `session`, `api-token`); absent for anonymous callers. */
  via?: string;
  /** `<plugin or core>:<METHOD> <route pattern>`, e.g. `catalog:POST /locations`, or `core:sign-in` / `core:sign-out`. */
  action: string;
  /** The concrete path, without the query string, e.g. `/api/catalog/locations`. */
  target: string;
  outcome: 'success' | 'failure';
  /** The HTTP status of the response. */
  status: number;
  requestId?: string;
  /** The plugin that served the request, or `core`. */
  pluginId: string;
}
