import { ConfigError, type RootConfig } from '../config';
import type { PermissionsConfig } from './PermissionsConfig';
import type { PluginPermissions } from './PluginPermissions';
import type { PolicyRole } from './PolicyRole';
import { toPolicyRef } from './toPolicyRef';

/**
 * Reads `permissions.roles` (already validated against the core schema), or
 * `undefined` when it is not configured. An exact permission id that neither the
 * core nor any enabled plugin declares is a {@link ConfigError} naming the file
 * and key, because a typo there would silently grant nothing.
 */
export function readPolicyRoles(config: RootConfig, declared: PluginPermissions[]): PolicyRole[] | undefined {
  const roles = config.getOptional<PermissionsConfig['roles']>('permissions.roles');
  if (roles === undefined) {
    return undefined;
  }
  const known = new Set(declared.flatMap((plugin) => plugin.permissions.map((p) => p.id)));
  const problems: string[] = [];
  const result = Object.entries(roles).map(([name, role]) => ({
    name,
    members: (role.members ?? []).map((member) => (member === '*' ? member : toPolicyRef(member))),
    allow: role.allow.map((item, index) => {
      const grant =
        typeof item === 'string'
          ? { permission: item, owned: false }
          : { permission: item.permission, owned: item.owned ?? false };
      if (!grant.permission.includes('*') && !known.has(grant.permission)) {
        const key = `permissions.roles.${name}.allow[${index}]${typeof item === 'string' ? '' : '.permission'}`;
        problems.push(
          `${config.sourceOf(key) ?? '(no config file)'}: ${key}: permission '${grant.permission}' is not declared by the core or any enabled plugin; fix the id, use a pattern such as '${grant.permission.split('.')[0]}.*', or enable the plugin that declares it`,
        );
      }
      return grant;
    }),
  }));
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`, {
      problems,
    });
  }
  return result;
}
