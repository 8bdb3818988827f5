/** The effective permission policy, as `GET /api/core/permissions/policy` returns it. */
export interface EffectivePolicy {
  /** True when `permissions.roles` is not configured: every signed-in user may do everything. */
  developmentDefault: boolean;
  roles: Array<{
    name: string;
    /** User and group refs, or `*` for every signed-in user. */
    members: string[];
    allow: Array<{ permission: string; owned: boolean }>;
  }>;
  /** Every declared permission: the core's, then each enabled plugin's. */
  plugins: Array<{
    pluginId: string;
    permissions: Array<{ id: string; action: string; resourceType?: string; description?: string }>;
  }>;
}
