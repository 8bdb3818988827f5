/**
 * Routes of the core API (below `/api/core`) as the audit log sees them: those
 * with parameters, so that actions name the pattern rather than each concrete id,
 * and those that change nothing, which it skips.
 */
export const coreAuditRoutes = {
  routes: ['DELETE /auth/tokens/:id', 'POST /permissions/authorize'],
  // Asking what one may do changes nothing, and the UI asks on every page.
  readOnlyRoutes: ['POST /permissions/authorize'],
};
