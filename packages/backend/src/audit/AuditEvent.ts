import type { AuditRecord } from './AuditRecord';

/** What one audited request did, before the store gives it an id, a time and the request id. */
export type AuditEvent = Omit<AuditRecord, 'id' | 'at' | 'requestId'>;
