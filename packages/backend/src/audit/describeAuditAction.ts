import type { PluginManifest } from '@atrium/plugin-api';
import { findRoutePattern } from './findRoutePattern';

/**
 * Makes the function that names what a request under `/api` did:
 * `<plugin or core>:<METHOD> <route pattern>`, with the pattern from the plugin's
 * `backend.routes` (or `coreRoutes` for `/api/core`) when one matches, else the
 * concrete path below the mount.
 *
 * @example
 * describeAuditAction([catalogManifest], [])('POST', '/catalog/locations') // { pluginId: 'catalog', action: 'catalog:POST /locations' }
 */
export function describeAuditAction(
  manifests: PluginManifest[],
  coreRoutes: string[],
): (method: string, apiPath: string) => { pluginId: string; action: string } {
  const finders = new Map(manifests.map((m) => [m.id, findRoutePattern(m.backend?.routes ?? [])]));
  finders.set('core', findRoutePattern(coreRoutes));
  return (method, apiPath) => {
    const [, first = '', ...rest] = apiPath.split('/');
    const find = finders.get(first);
    if (find === undefined) {
      // Nothing is mounted there: the core answered (404), so the core's name and the whole path.
      return { pluginId: 'core', action: `core:${method} ${apiPath}` };
    }
    const path = `/${rest.join('/')}`;
    return { pluginId: first, action: `${first}:${find(method, path) ?? `${method} ${path}`}` };
  };
}
