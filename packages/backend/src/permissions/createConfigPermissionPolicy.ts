import {
  ownedByPredicate,
  type Permission,
  stringifyEntityRef,
  type UserPrincipal,
} from '@atrium/plugin-api';
import { isWithinScopes } from './isWithinScopes';
import { matchesPermissionPattern } from './matchesPermissionPattern';
import type { PermissionPolicy } from './PermissionPolicy';
import type { PolicyRole } from './PolicyRole';
import { toPolicyRef } from './toPolicyRef';

// A ref that does not parse owns nothing; it must not turn every decision into an error.
function isParsableRef(ref: string): boolean {
  try {
    stringifyEntityRef(ref);
    return true;
  } catch {
    return false;
  }
}

/** What the caller's roles grant for one permission. */
type Grant = 'everywhere' | 'owned' | 'none';

/**
 * The policy from `permissions.roles`. A user holds a role when the role lists
 * `*`, the user, or one of the user's groups (`ownershipEntityRefs` carries the
 * groups transitively) as a member, or when the principal carries the role's name
 * in `roles` (static tokens). Whatever no held role allows is denied, and API-token
 * scopes deny what they do not match.
 *
 * @example
 * createConfigPermissionPolicy([{ name: 'admin', members: ['group:default/platform'], allow: [{ permission: '*', owned: false }] }]);
 */
export function createConfigPermissionPolicy(roles: PolicyRole[]): PermissionPolicy {
  const heldRoles = (principal: UserPrincipal): PolicyRole[] => {
    const ownership = new Set(principal.ownershipEntityRefs.map(toPolicyRef));
    return roles.filter(
      (role) =>
        principal.roles.includes(role.name) ||
        role.members.some((member) => member === '*' || ownership.has(member)),
    );
  };
  const grantOf = (principal: UserPrincipal, permission: Permission): Grant => {
    if (!isWithinScopes(principal, permission.id)) {
      return 'none';
    }
    let grant: Grant = 'none';
    for (const role of heldRoles(principal)) {
      for (const item of role.allow) {
        if (matchesPermissionPattern(item.permission, permission.id)) {
          if (!item.owned) {
            return 'everywhere';
          }
          grant = 'owned';
        }
      }
    }
    return grant;
  };

  return {
    async decide({ principal, permission, resource }) {
      if (principal.type !== 'user') {
        return 'deny';
      }
      const grant = grantOf(principal, permission);
      if (grant === 'everywhere') {
        return 'allow';
      }
      if (grant === 'owned' && resource !== undefined) {
        const ownership = new Set(principal.ownershipEntityRefs.map(toPolicyRef));
        const owners = [...(resource.ownerRefs ?? []), resource.resourceRef].map(toPolicyRef);
        return owners.some((owner) => ownership.has(owner)) ? 'allow' : 'deny';
      }
      return 'deny';
    },
    async decideConditional({ principal, permission }) {
      if (principal.type !== 'user') {
        return { result: 'deny' };
      }
      const grant = grantOf(principal, permission);
      if (grant === 'everywhere') {
        return { result: 'allow' };
      }
      if (grant === 'owned') {
        return {
          result: 'conditional',
          filter: ownedByPredicate(principal.ownershipEntityRefs.filter(isParsableRef)),
        };
      }
      return { result: 'deny' };
    },
    rolesOf(principal) {
      return heldRoles(principal).map((role) => role.name);
    },
  };
}
