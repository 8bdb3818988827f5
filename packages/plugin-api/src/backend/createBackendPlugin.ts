import type { ServiceRef } from './createServiceRef';

/** Maps dependency names to service refs. */
export type ServiceRefMap = Record<string, ServiceRef<unknown>>;

/** The instances `init` receives for a {@link ServiceRefMap}. */
export type ServiceInstances<TRefs extends ServiceRefMap> = {
  [K in keyof TRefs]: TRefs[K] extends ServiceRef<infer T> ? T : never;
};

/** What {@link createBackendPlugin} takes. */
export interface BackendPluginOptions<TDeps extends ServiceRefMap, TProvides extends ServiceRefMap> {
  /** Equals the manifest id, the plugin folder and the `/api/<id>` mount. */
  pluginId: string;
  /** Services the plugin consumes; each must be listed under `backend.consumes` in `plugin.yaml`. */
  deps: TDeps;
  /** Services the plugin provides to others; each must be listed under `backend.provides`. */
  provides?: TProvides;
  /** Wires routes, subscriptions and scheduled tasks; returns the provided service instances. */
  init(
    deps: ServiceInstances<TDeps>,
  ): Promise<keyof TProvides extends never ? void : ServiceInstances<TProvides>> | Promise<void>;
}

/** A backend plugin as the host sees it. */
export interface BackendPlugin {
  readonly $$type: '@atrium/BackendPlugin';
  readonly pluginId: string;
  readonly deps: ServiceRefMap;
  readonly provides: ServiceRefMap;
  init(deps: Record<string, unknown>): Promise<Record<string, unknown> | undefined>;
}

/**
 * Declares the backend half of a plugin. Export it under the name given by
 * `backend.export` in `plugin.yaml`.
 *
 * @example
 * export const catalogPlugin = createBackendPlugin({
 *   pluginId: 'catalog',
 *   deps: { router: coreServices.httpRouter, store: coreServices.entityStore },
 *   async init({ router, store }) {
 *     router.use(createCatalogRouter(store));
 *   },
 * });
 */
export function createBackendPlugin<TDeps extends ServiceRefMap, TProvides extends ServiceRefMap = {}>(
  options: BackendPluginOptions<TDeps, TProvides>,
): BackendPlugin {
  return {
    $$type: '@atrium/BackendPlugin',
    pluginId: options.pluginId,
    deps: options.deps,
    provides: options.provides ?? {},
    init: options.init as BackendPlugin['init'],
  };
}
