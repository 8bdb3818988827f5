import type { RootConfig } from '../config';
import type { DiscoveredPlugin } from '../host';
import { createConfigPermissionPolicy } from './createConfigPermissionPolicy';
import { createDefaultPermissionPolicy } from './createDefaultPermissionPolicy';
import { declaredPermissionsOf } from './declaredPermissionsOf';
import type { LoadedPermissionPolicy } from './LoadedPermissionPolicy';
import { readPolicyRoles } from './readPolicyRoles';

/**
 * Builds the core's policy from `permissions.roles`, checked against the
 * permissions the enabled plugins declare in their manifests, so a bad policy
 * stops the boot before any plugin starts.
 *
 * @example
 * const { policy } = loadPermissionPolicy(config, enabledPlugins);
 */
export function loadPermissionPolicy(
  config: RootConfig,
  plugins: DiscoveredPlugin[],
): LoadedPermissionPolicy {
  const declared = declaredPermissionsOf(plugins);
  const roles = readPolicyRoles(config, declared);
  return {
    policy: roles === undefined ? createDefaultPermissionPolicy() : createConfigPermissionPolicy(roles),
    roles,
    declared,
  };
}
