import { InputError, type Permission } from '@atrium/plugin-api';
import type { PermissionPolicy } from './PermissionPolicy';
import type { PermissionsRegistry } from './PermissionsRegistry';

/**
 * Creates the registry behind every plugin's `permissions` service. A plugin may only
 * ask about permissions it registered, so every check the policy sees is declared.
 */
export function createPermissionsRegistry(policy: PermissionPolicy): PermissionsRegistry {
  const registered = new Map<string, Map<string, Permission>>();
  const permissionsOf = (pluginId: string) => {
    let permissions = registered.get(pluginId);
    if (permissions === undefined) {
      permissions = new Map();
      registered.set(pluginId, permissions);
    }
    return permissions;
  };

  return {
    forPlugin(pluginId) {
      const permissions = permissionsOf(pluginId);
      return {
        register(newPermissions) {
          for (const permission of newPermissions) {
            permissions.set(permission.id, permission);
          }
        },
        async authorize(credentials, permission, resource) {
          if (!permissions.has(permission.id)) {
            throw new InputError(
              `Plugin '${pluginId}' checked permission '${permission.id}' without registering it; call permissions.register() in init and declare it under backend.permissions in plugin.yaml`,
            );
          }
          const result = await policy.decide({
            principal: credentials.principal,
            permission,
            ...(resource === undefined ? {} : { resource }),
          });
          return { result };
        },
        async authorizeConditional(credentials, permission) {
          if (!permissions.has(permission.id)) {
            throw new InputError(
              `Plugin '${pluginId}' checked permission '${permission.id}' without registering it; call permissions.register() in init and declare it under backend.permissions in plugin.yaml`,
            );
          }
          return { result: await policy.decide({ principal: credentials.principal, permission }) };
        },
      };
    },
    registeredBy(pluginId) {
      return [...(registered.get(pluginId)?.values() ?? [])];
    },
  };
}
