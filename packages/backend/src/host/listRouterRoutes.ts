/** The shape of express 5 (`router` v2) layers that we read; the router keeps no public route list. */
interface RouterLayer {
  rawPath?: unknown;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

/**
 * Lists the routes an express router registers as `METHOD /path`, walking
 * nested routers. Used to check a plugin's routes against its manifest.
 */
export function listRouterRoutes(router: { stack?: unknown }, prefix = ''): string[] {
  const routes: string[] = [];
  for (const layer of (router.stack ?? []) as RouterLayer[]) {
    if (layer.route) {
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all') {
          routes.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
        }
      }
    } else if (layer.handle?.stack) {
      const path = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      routes.push(...listRouterRoutes(layer.handle, `${prefix}${path}`));
    }
  }
  return routes;
}
