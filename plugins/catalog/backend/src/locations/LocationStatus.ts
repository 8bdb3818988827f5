/** One problem recorded on a location during its last refresh. */
export interface LocationStatusError {
  /** Message naming the file (and document, 1-based) it concerns. */
  message: string;
  /** Error class name, e.g. `NotFoundError`, `InputError`, `ConflictError`. */
  name: string;
}

/** How a location's ingestion is going: what the progress view and `GET /locations/:id/status` show. */
export interface LocationStatus {
  id: string;
  type: string;
  target: string;
  origin: 'config' | 'api';
  /** Entities read so far in the running refresh, or in the last one. */
  entitiesRead: number;
  errors: LocationStatusError[];
  /** ISO time of the last finished refresh, success or not. */
  lastRefreshAt?: string;
  /** ISO time of the last refresh without errors. */
  lastSuccessAt?: string;
  inProgress: boolean;
}
