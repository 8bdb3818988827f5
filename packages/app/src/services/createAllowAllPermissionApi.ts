import type { PermissionApi } from '@atrium/plugin-api/frontend';

/**
 * The permission seam until the permissions issue adds a decision endpoint: the
 * UI shows every control and the backend, which checks every request, decides.
 */
export function createAllowAllPermissionApi(): PermissionApi {
  return { authorize: async () => ({ allowed: true }) };
}
