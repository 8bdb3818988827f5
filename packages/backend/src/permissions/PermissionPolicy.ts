import type {
  ConditionalDecision,
  Credentials,
  Permission,
  PermissionResource,
  UserPrincipal,
} from '@atrium/plugin-api';

/** Decides authorization questions for every plugin; the core has exactly one. */
export interface PermissionPolicy {
  /** Allow or deny one permission, on one resource when the permission has a resource type. */
  decide(request: {
    principal: Credentials['principal'];
    permission: Permission;
    resource?: PermissionResource;
  }): Promise<'allow' | 'deny'>;
  /**
   * Allow, deny, or allow on the entities matching a filter: the answer for every
   * resource at once, for permissions with `resourceType: 'catalog-entity'`.
   */
  decideConditional(request: {
    principal: Credentials['principal'];
    permission: Permission;
  }): Promise<ConditionalDecision>;
  /** The names of the roles the principal holds, for showing who someone is. */
  rolesOf(principal: UserPrincipal): string[];
}
