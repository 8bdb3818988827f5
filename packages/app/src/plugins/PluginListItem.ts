import type {
  ManifestEntityCard,
  ManifestEntityTab,
  ManifestHomeCard,
  ManifestPage,
} from '@atrium/plugin-api/frontend';

/** The frontend half of a plugin as `GET /api/core/plugins` describes it. */
export interface PluginFrontendInfo {
  /** Module Federation container name. */
  remote: string;
  /** URL of the remote's `mf-manifest.json`. */
  entry: string;
  /** `./<exposed module>#<named export>`. */
  export: string;
  pages: ManifestPage[];
  entityTabs: ManifestEntityTab[];
  entityCards: ManifestEntityCard[];
  homeCards: ManifestHomeCard[];
}

/** One enabled plugin, as `GET /api/core/plugins` lists it: all the shell needs before it loads any remote. */
export interface PluginListItem {
  id: string;
  title: string;
  description: string;
  owner: string;
  version?: string;
  origin: 'bundled' | 'installed';
  /** The backend half's boot status. */
  status: 'pending' | 'started' | 'failed';
  error?: string;
  frontend?: PluginFrontendInfo;
  /** The plugin's frontend-visible config. */
  config: unknown;
}
