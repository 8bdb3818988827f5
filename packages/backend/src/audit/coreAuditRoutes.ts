/**
 * Routes of the core API (below `/api/core`) with parameters, so that audit
 * actions name the pattern rather than each concrete id.
 */
export const coreAuditRoutes = ['DELETE /auth/tokens/:id'];
