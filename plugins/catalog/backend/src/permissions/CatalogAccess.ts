import type { EntityPredicate, Permission, PermissionResource } from '@atrium/plugin-api';
import type { Request } from 'express';

/** The permission checks every catalog route makes, for the caller of a request. */
export interface CatalogAccess {
  /**
   * The `restrict` to pass to every entity store read for this caller:
   * `undefined` when they may read everything, a predicate matching nothing
   * when they may read nothing, the policy's filter otherwise.
   */
  entityReadRestriction(req: Request): Promise<EntityPredicate | undefined>;
  /**
   * The entity as a permission resource (its ref; the core finds its owners),
   * or `undefined` when the caller cannot read it: unreadable is not there.
   */
  readableEntity(req: Request, entityRef: string): Promise<PermissionResource | undefined>;
  /** `NotAllowedError` (403) unless the policy allows the permission, on the resource when given. */
  authorize(req: Request, permission: Permission, resource?: PermissionResource): Promise<void>;
}
