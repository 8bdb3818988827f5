export * from './AuditRecord';
export * from './AuditSearch';
export * from './AuditStore';
export * from './createAudit';
export * from './createAuditMiddleware';
export * from './createAuditRouter';
export * from './describeAuditAction';
export * from './findRoutePattern';
