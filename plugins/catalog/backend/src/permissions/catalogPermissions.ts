import { definePermission, type Permission } from '@atrium/plugin-api';

/** Read an entity (list, query, facets, by ref/uid/name, ancestry); the policy may narrow it to some entities. */
export const catalogEntityReadPermission = definePermission({
  id: 'catalog.entity.read',
  action: 'read',
  resourceType: 'catalog-entity',
});

/** Schedule a re-read of an entity's location (`POST /refresh`). */
export const catalogEntityRefreshPermission = definePermission({
  id: 'catalog.entity.refresh',
  action: 'update',
  resourceType: 'catalog-entity',
});

/** Delete an entity by uid (`DELETE /entities/by-uid/:uid`). */
export const catalogEntityDeletePermission = definePermission({
  id: 'catalog.entity.delete',
  action: 'delete',
  resourceType: 'catalog-entity',
});

/** Check an entity or analyze a location without storing anything (`/validate-entity`, `/analyze-location`). */
export const catalogEntityValidatePermission = definePermission({
  id: 'catalog.entity.validate',
  action: 'use',
});

/** List and read registered locations and their status. */
export const catalogLocationReadPermission = definePermission({
  id: 'catalog.location.read',
  action: 'read',
});

/** Register a location, dry runs included (`POST /locations`). */
export const catalogLocationCreatePermission = definePermission({
  id: 'catalog.location.create',
  action: 'create',
});

/** Change a registered location's target (`PUT /locations/:id`). */
export const catalogLocationUpdatePermission = definePermission({
  id: 'catalog.location.update',
  action: 'update',
});

/** Unregister a location and the entities it provided (`DELETE /locations/:id`). */
export const catalogLocationDeletePermission = definePermission({
  id: 'catalog.location.delete',
  action: 'delete',
});

/**
 * Register (or analyze) a `type: file` location through the API; allowed only
 * for files under `catalog.fileLocationRoots`, on top of `catalog.location.create`.
 */
export const catalogFileLocationCreatePermission = definePermission({
  id: 'catalog.file-location.create',
  action: 'create',
});

/** Every permission the catalog defines, as `plugin.yaml` declares them under `backend.permissions`. */
export const catalogPermissions: Permission[] = [
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogEntityDeletePermission,
  catalogEntityValidatePermission,
  catalogLocationReadPermission,
  catalogLocationCreatePermission,
  catalogLocationUpdatePermission,
  catalogLocationDeletePermission,
  catalogFileLocationCreatePermission,
];
