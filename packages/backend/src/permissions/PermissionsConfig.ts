/** One `allow` item as written in app-config. */
export type PermissionsConfigGrant = string | { permission: string; owned?: boolean };

/** The core's `permissions` key of app-config, after schema validation. */
export interface PermissionsConfig {
  roles?: Record<string, { members?: string[]; allow: PermissionsConfigGrant[] }>;
}
