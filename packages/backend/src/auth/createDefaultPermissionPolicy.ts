import type { PermissionPolicy } from './PermissionPolicy';

/** The policy until real rules exist: any signed-in principal may do anything, anonymous callers nothing. */
export function createDefaultPermissionPolicy(): PermissionPolicy {
  return {
    async decide({ principal }) {
      return principal.type === 'user' ? 'allow' : 'deny';
    },
  };
}
