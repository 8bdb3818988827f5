import type { Permission, PermissionsService } from '@atrium/plugin-api';

/** Hands each plugin its permissions service and remembers what each plugin registered. */
export interface PermissionsRegistry {
  /** The `permissions` service of one plugin. */
  forPlugin(pluginId: string): PermissionsService;
  /** What the plugin registered so far, for the host's check against `backend.permissions` in `plugin.yaml`. */
  registeredBy(pluginId: string): Permission[];
}
