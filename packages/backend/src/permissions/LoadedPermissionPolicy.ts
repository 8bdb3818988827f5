import type { PermissionPolicy } from './PermissionPolicy';
import type { PluginPermissions } from './PluginPermissions';
import type { PolicyRole } from './PolicyRole';

/** The policy the core runs with, and what it was made from. */
export interface LoadedPermissionPolicy {
  policy: PermissionPolicy;
  /** The configured roles; `undefined` means the development default (every signed-in user may do everything). */
  roles: PolicyRole[] | undefined;
  /** Every declared permission: the core's, then each enabled plugin's. */
  declared: PluginPermissions[];
}
