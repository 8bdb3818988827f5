/** A permission a plugin defines, e.g. `catalog.location.create`. */
export interface Permission {
  /** `<pluginId>.<resource>.<action>` */
  readonly id: string;
  /** The action the permission guards. */
  readonly action: 'read' | 'create' | 'update' | 'delete' | 'use';
  /** Set when the permission applies to a resource, e.g. `catalog-entity`; enables ownership rules. */
  readonly resourceType?: string;
}

/**
 * Declares a permission. The id must also appear in the plugin's `plugin.yaml`
 * under `backend.permissions`.
 *
 * @example
 * export const locationCreatePermission = definePermission({ id: 'catalog.location.create', action: 'create' });
 */
export function definePermission(permission: Permission): Permission {
  return permission;
}
