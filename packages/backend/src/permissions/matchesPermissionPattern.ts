const cache = new Map<string, RegExp>();

/**
 * True when a permission id matches a pattern from config or an API token's scopes:
 * `*` matches every id, `catalog.*` every id starting with `catalog.`, anything
 * else only itself.
 *
 * @example
 * matchesPermissionPattern('catalog.*', 'catalog.entity.read') // true
 */
export function matchesPermissionPattern(pattern: string, permissionId: string): boolean {
  if (!pattern.includes('*')) {
    return pattern === permissionId;
  }
  let regex = cache.get(pattern);
  if (regex === undefined) {
    const source = pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    regex = new RegExp(`^${source}$`);
    cache.set(pattern, regex);
  }
  return regex.test(permissionId);
}
