import type { ManifestPermission } from '@atrium/plugin-api';

/** The permissions one plugin (or the core, as `core`) declares. */
export interface PluginPermissions {
  pluginId: string;
  permissions: ManifestPermission[];
}
