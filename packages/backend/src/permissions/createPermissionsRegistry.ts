import {
  type EntityStoreService,
  InputError,
  type Permission,
  type PermissionResource,
} from '@atrium/plugin-api';
import { loadEntityOwners } from './loadEntityOwners';
import type { PermissionPolicy } from './PermissionPolicy';
import type { PermissionsRegistry } from './PermissionsRegistry';

/**
 * Creates the registry behind every plugin's `permissions` service. A plugin may only
 * ask about permissions it registered, so every check the policy sees is declared.
 * With `entities`, a `catalog-entity` resource given without `ownerRefs` gets the
 * entity's `ownedBy` targets looked up, so ownership rules work for every caller.
 */
export function createPermissionsRegistry(
  policy: PermissionPolicy,
  options: { entities?: EntityStoreService } = {},
): PermissionsRegistry {
  const { entities } = options;
  const registered = new Map<string, Map<string, Permission>>();
  const permissionsOf = (pluginId: string) => {
    let permissions = registered.get(pluginId);
    if (permissions === undefined) {
      permissions = new Map();
      registered.set(pluginId, permissions);
    }
    return permissions;
  };
  const withOwners = async (
    permission: Permission,
    resource: PermissionResource,
  ): Promise<PermissionResource> => {
    if (resource.ownerRefs !== undefined || permission.resourceType !== 'catalog-entity' || !entities) {
      return resource;
    }
    const [ownerRefs = []] = await loadEntityOwners(entities, [resource.resourceRef]);
    return { ...resource, ownerRefs };
  };

  return {
    forPlugin(pluginId) {
      const permissions = permissionsOf(pluginId);
      const checkRegistered = (permission: Permission) => {
        if (!permissions.has(permission.id)) {
          throw new InputError(
            `Plugin '${pluginId}' checked permission '${permission.id}' without registering it; call permissions.register() in init and declare it under backend.permissions in plugin.yaml`,
          );
        }
      };
      return {
        register(newPermissions) {
          for (const permission of newPermissions) {
            permissions.set(permission.id, permission);
          }
        },
        async authorize(credentials, permission, resource) {
          checkRegistered(permission);
          const result = await policy.decide({
            principal: credentials.principal,
            permission,
            ...(resource === undefined ? {} : { resource: await withOwners(permission, resource) }),
          });
          return { result };
        },
        async authorizeConditional(credentials, permission) {
          checkRegistered(permission);
          if (permission.resourceType !== 'catalog-entity') {
            throw new InputError(
              `Plugin '${pluginId}' asked for a conditional decision on permission '${permission.id}', which has no resourceType 'catalog-entity'; use authorize() for it`,
            );
          }
          return policy.decideConditional({ principal: credentials.principal, permission });
        },
      };
    },
    registeredBy(pluginId) {
      return [...(registered.get(pluginId)?.values() ?? [])];
    },
  };
}
