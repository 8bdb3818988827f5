// The auth router records these itself, as `core:sign-in` and `core:sign-out` with the
// person it resolved, which the middleware cannot know before the handler ran; the
// middleware skips them so that each leaves exactly one record.
const recordedByAuthRouter = ['POST /auth/guest/sign-in', 'POST /auth/sign-out'];

/**
 * Routes of the core API (below `/api/core`) as the audit log sees them: those
 * with parameters, so that actions name the pattern rather than each concrete id,
 * and those the middleware skips: requests that change nothing, and sign-in and
 * sign-out, which the auth router records.
 */
export const coreAuditRoutes = {
  routes: ['DELETE /auth/tokens/:id', 'POST /permissions/authorize', ...recordedByAuthRouter],
  // Asking what one may do changes nothing, and the UI asks on every page.
  readOnlyRoutes: ['POST /permissions/authorize', ...recordedByAuthRouter],
};
