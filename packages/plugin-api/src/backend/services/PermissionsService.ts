import type { EntityPredicate } from '../../common/entity/EntityPredicate';
import type { Permission } from '../../common/permissions/definePermission';
import type { Credentials } from './AuthService';

/** The resource a permission is checked against, when it has one. */
export interface PermissionResource {
  /** e.g. the entity ref for `catalog-entity` permissions. */
  resourceRef: string;
  /** Who owns the resource; lets ownership-based rules decide. */
  ownerRefs?: string[];
}

/** The answer to an authorization question about one resource (or none). */
export interface AuthorizeDecision {
  result: 'allow' | 'deny';
}

/**
 * The answer to "which resources of this type may the caller act on?", for
 * permissions with a `resourceType`. `conditional` carries an entity predicate
 * that the caller hands to the entity store (`restrict`) so that the database
 * does the filtering, never the plugin after the fact.
 */
export type ConditionalDecision =
  | { result: 'allow' }
  | { result: 'deny' }
  | { result: 'conditional'; filter: EntityPredicate };

/** Answers "may this caller do this?". The policy itself is the core's; plugins only ask. */
export interface PermissionsService {
  /** Registers the permissions the plugin defines; they must equal `backend.permissions` in `plugin.yaml`. */
  register(permissions: Permission[]): void;
  /** Decides for one resource (or for a permission without a resource type). */
  authorize(
    credentials: Credentials,
    permission: Permission,
    resource?: PermissionResource,
  ): Promise<AuthorizeDecision>;
  /**
   * Decides for every resource at once: `conditional` when the policy grants the
   * permission only on some resources (e.g. those the caller owns). Only for
   * permissions whose `resourceType` is `catalog-entity`.
   */
  authorizeConditional(credentials: Credentials, permission: Permission): Promise<ConditionalDecision>;
}
