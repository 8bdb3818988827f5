import { definePermission } from '@atrium/plugin-api/frontend';

// The catalog backend defines and enforces these (plugin.yaml, backend.permissions); the UI only asks, to hide controls.

/** Register a location: the "Register existing software" button and page. */
export const catalogLocationCreatePermission = definePermission({
  id: 'catalog.location.create',
  action: 'create',
});

/** Unregister a location and the entities it provided. */
export const catalogLocationDeletePermission = definePermission({
  id: 'catalog.location.delete',
  action: 'delete',
});

/** Schedule a re-read of an entity: the "Refresh" action. */
export const catalogEntityRefreshPermission = definePermission({
  id: 'catalog.entity.refresh',
  action: 'update',
  resourceType: 'catalog-entity',
});

/** Delete one entity by uid: the "Unregister" action when the entity has no registered location. */
export const catalogEntityDeletePermission = definePermission({
  id: 'catalog.entity.delete',
  action: 'delete',
  resourceType: 'catalog-entity',
});
