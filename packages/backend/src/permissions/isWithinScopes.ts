import type { UserPrincipal } from '@atrium/plugin-api';
import { matchesPermissionPattern } from './matchesPermissionPattern';

/**
 * True unless the principal is limited to `scopes` (a personal API token) and
 * none of them matches the permission: scopes only ever take away.
 */
export function isWithinScopes(principal: UserPrincipal, permissionId: string): boolean {
  return (
    principal.scopes === undefined ||
    principal.scopes.some((scope) => matchesPermissionPattern(scope, permissionId))
  );
}
