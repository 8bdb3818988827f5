/** Which entities an entity tab or card applies to; all given lists must match. */
export interface EntityFilter {
  kind?: string[];
  type?: string[];
}

/** A page the plugin adds to the shell's navigation. */
export interface ManifestPage {
  id: string;
  path: string;
  title: string;
  icon?: string;
  /**
   * What the page's default view (its path with no query) reads first, as GET
   * paths under the plugin's `/api/<id>`, e.g. `/entities/by-query?limit=50`.
   * The backend announces them in the page's HTML, so the answers are on their
   * way while the shell's code runs; the page must ask for exactly these URLs.
   */
  preload?: string[];
}

/** A tab on the entity page. */
export interface ManifestEntityTab {
  id: string;
  path: string;
  title: string;
  when?: EntityFilter;
}

/** A card on the entity overview tab. */
export interface ManifestEntityCard {
  id: string;
  title: string;
  when?: EntityFilter;
}

/** A card on the home page. */
export interface ManifestHomeCard {
  id: string;
  title: string;
}

/** A permission as the manifest declares it. */
export interface ManifestPermission {
  id: string;
  action: 'read' | 'create' | 'update' | 'delete' | 'use';
  resourceType?: string;
  description?: string;
}

/** The backend half as the manifest declares it. */
export interface ManifestBackend {
  /** Path of the built entry module, relative to `plugin.yaml`. */
  entry: string;
  /** Named export holding the `createBackendPlugin` result. */
  export: string;
  /** Service ref ids the plugin consumes. */
  consumes: string[];
  /** Service ref ids the plugin provides. */
  provides: string[];
  /** Routes, as `METHOD /path` relative to `/api/<id>`. */
  routes: string[];
  /**
   * Routes from `routes` with an unsafe method (POST, PUT, PATCH, DELETE) that
   * change nothing, such as a query sent as a POST body: the audit log skips them.
   */
  readOnlyRoutes: string[];
  events: { emits: string[]; subscribes: string[] };
  permissions: ManifestPermission[];
}

/** The frontend half as the manifest declares it. */
export interface ManifestFrontend {
  /** Module Federation container name, unique across plugins. */
  remote: string;
  /** The remote's `mf-manifest.json`, relative to `plugin.yaml`. */
  entry: string;
  /** Exposed module and named export holding the `defineFrontendPlugin` result, e.g. `./plugin#catalogPlugin`. */
  export: string;
  pages: ManifestPage[];
  entityTabs: ManifestEntityTab[];
  entityCards: ManifestEntityCard[];
  homeCards: ManifestHomeCard[];
}

/**
 * A plugin's `plugin.yaml`: the source of truth the host checks the code
 * against and the shell builds its navigation from.
 */
export interface PluginManifest {
  id: string;
  title: string;
  description: string;
  owner: string;
  /** Major version of `@atrium/plugin-api` the plugin targets. */
  pluginApi: number;
  backend?: ManifestBackend;
  frontend?: ManifestFrontend;
  /** JSON Schema of the plugin's key in `app-config.yaml`; fields may carry `visibility: frontend | backend | secret`. */
  config?: Record<string, unknown>;
}
