import type { AuditEvent } from './AuditEvent';

/** Writes audit records: the audit middleware for change requests, the auth router for sign-in and sign-out. */
export interface AuditRecorder {
  /**
   * Records `event` in the audit table and the log, with the id of the request
   * being handled. Never throws: a failing insert is logged as an error.
   */
  record(event: AuditEvent): void;
}
