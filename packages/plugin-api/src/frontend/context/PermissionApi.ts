import type { Permission } from '../../common/permissions/definePermission';

/** One question to the permission system: may the signed-in user do this, to this resource? */
export interface PermissionRequest {
  permission: Permission;
  /** Entity ref of the resource, for permissions with a `resourceType`. */
  resourceRef?: string;
}

/**
 * Answers permission questions for the UI. The answer only hides or disables
 * controls; the backend checks every request again.
 */
export interface PermissionApi {
  authorize(request: PermissionRequest): Promise<{ allowed: boolean }>;
}
