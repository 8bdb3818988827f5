import type { PluginManifest } from '@atrium/plugin-api';
import { findRoutePattern } from './findRoutePattern';

/** What the audit log makes of one request. */
export interface AuditAction {
  pluginId: string;
  /** `<plugin or core>:<METHOD> <route pattern>` */
  action: string;
  /** The route is declared read-only (`backend.readOnlyRoutes`): nothing to record. */
  readOnly: boolean;
}

/** Routes as a manifest declares them, for one plugin or the core. */
interface DeclaredRoutes {
  routes: string[];
  readOnlyRoutes: string[];
}

/**
 * Makes the function that names what a request under `/api` did:
 * `<plugin or core>:<METHOD> <route pattern>`, with the pattern from the plugin's
 * `backend.routes` (or `coreRoutes` for `/api/core`) when one matches, else the
 * concrete path below the mount.
 *
 * @example
 * describeAuditAction([catalogManifest], coreAuditRoutes)('POST', '/catalog/locations')
 * // { pluginId: 'catalog', action: 'catalog:POST /locations', readOnly: false }
 */
export function describeAuditAction(
  manifests: PluginManifest[],
  coreRoutes: DeclaredRoutes,
): (method: string, apiPath: string) => AuditAction {
  const matcher = ({ routes, readOnlyRoutes }: DeclaredRoutes) => ({
    find: findRoutePattern(routes),
    readOnly: new Set(readOnlyRoutes),
  });
  const matchers = new Map(
    manifests.map((m) => [m.id, matcher(m.backend ?? { routes: [], readOnlyRoutes: [] })]),
  );
  matchers.set('core', matcher(coreRoutes));
  return (method, apiPath) => {
    const [, first = '', ...rest] = apiPath.split('/');
    const match = matchers.get(first);
    if (match === undefined) {
      // Nothing is mounted there: the core answered (404), so the core's name and the whole path.
      return { pluginId: 'core', action: `core:${method} ${apiPath}`, readOnly: false };
    }
    const path = `/${rest.join('/')}`;
    const pattern = match.find(method, path);
    return {
      pluginId: first,
      action: `${first}:${pattern ?? `${method} ${path}`}`,
      readOnly: pattern !== undefined && match.readOnly.has(pattern),
    };
  };
}
