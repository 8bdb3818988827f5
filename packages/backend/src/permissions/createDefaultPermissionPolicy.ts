import { isWithinScopes } from './isWithinScopes';
import type { PermissionPolicy } from './PermissionPolicy';

/**
 * The development default, used when `permissions.roles` is not configured: any
 * signed-in principal may do anything its API-token scopes allow, anonymous callers nothing.
 */
export function createDefaultPermissionPolicy(): PermissionPolicy {
  return {
    async decide({ principal, permission }) {
      return principal.type === 'user' && isWithinScopes(principal, permission.id) ? 'allow' : 'deny';
    },
    async decideConditional({ principal, permission }) {
      return {
        result: principal.type === 'user' && isWithinScopes(principal, permission.id) ? 'allow' : 'deny',
      };
    },
    rolesOf(principal) {
      return principal.roles;
    },
  };
}
