import type { DiscoveredPlugin } from '../host';
import { corePermissions } from './corePermissions';
import type { PluginPermissions } from './PluginPermissions';

/**
 * Every permission that can be checked: the core's, then each enabled plugin's
 * `backend.permissions` from `plugin.yaml`. Read from manifests, so it is known
 * before any plugin boots (the host later checks the code registers the same).
 */
export function declaredPermissionsOf(plugins: DiscoveredPlugin[]): PluginPermissions[] {
  return [
    { pluginId: 'core', permissions: corePermissions },
    ...plugins.map((plugin) => ({
      pluginId: plugin.manifest.id,
      permissions: plugin.manifest.backend?.permissions ?? [],
    })),
  ];
}
