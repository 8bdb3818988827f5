import type { Credentials, Permission, PermissionResource } from '@atrium/plugin-api';

/** Decides authorization questions for every plugin; the core has exactly one. */
export interface PermissionPolicy {
  decide(request: {
    principal: Credentials['principal'];
    permission: Permission;
    resource?: PermissionResource;
  }): Promise<'allow' | 'deny'>;
}
