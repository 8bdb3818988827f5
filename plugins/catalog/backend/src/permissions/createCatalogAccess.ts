import {
  type AuthService,
  type EntityPredicate,
  type EntityStoreService,
  NotAllowedError,
  type PermissionsService,
} from '@atrium/plugin-api';
import type { CatalogAccess } from './CatalogAccess';
import { catalogEntityReadPermission } from './catalogPermissions';

/** A restriction no entity matches (an empty `$any`), for callers who may read no entity. */
const nothing: EntityPredicate = { $any: [] };

/**
 * Builds the catalog's permission checks over the core's auth and permissions
 * services. Reads are filtered inside the store (`restrict`), never after the
 * fact, so pages, counts and cursors stay exact.
 *
 * @example
 * const access = createCatalogAccess({ auth, permissions, store });
 * const restrict = await access.entityReadRestriction(req);
 * const page = await store.query({ query, restrict });
 */
export function createCatalogAccess(options: {
  auth: AuthService;
  permissions: PermissionsService;
  store: EntityStoreService;
}): CatalogAccess {
  const { auth, permissions, store } = options;

  const entityReadRestriction: CatalogAccess['entityReadRestriction'] = async (req) => {
    const decision = await permissions.authorizeConditional(
      auth.credentials(req),
      catalogEntityReadPermission,
    );
    if (decision.result === 'allow') {
      return undefined;
    }
    return decision.result === 'conditional' ? decision.filter : nothing;
  };

  return {
    entityReadRestriction,
    async readableEntity(req, entityRef) {
      const restrict = await entityReadRestriction(req);
      if (!(await store.getByRef(entityRef, { fields: ['kind'], restrict }))) {
        return undefined;
      }
      // Without ownerRefs the core reads the entity's owners itself, unrestricted: an owner
      // group the caller cannot see still owns the entity.
      return { resourceRef: entityRef };
    },
    async authorize(req, permission, resource) {
      const decision = await permissions.authorize(auth.credentials(req), permission, resource);
      if (decision.result !== 'allow') {
        const on = resource ? ` on '${resource.resourceRef}'` : '';
        throw new NotAllowedError(
          `This needs permission '${permission.id}'${on}, which your roles do not grant; an administrator can grant it under permissions.roles`,
        );
      }
    },
  };
}
