import type { FrontendPlugin } from '@atrium/plugin-api/frontend';
import type { PluginListItem } from './PluginListItem';
import type { PluginLoadState } from './PluginLoadState';

/** Loads plugins' remotes on demand and remembers how each load went. */
export interface PluginLoader {
  /** Registers the remotes of these plugins; nothing is fetched yet. */
  register(plugins: PluginListItem[]): void;
  /** Starts (or joins) loading a plugin's remote. */
  load(pluginId: string): Promise<FrontendPlugin>;
  /** Loads again a plugin whose last load failed, forgetting the failed remote first. */
  retry(pluginId: string): Promise<FrontendPlugin>;
  getState(pluginId: string): PluginLoadState;
  subscribe(listener: () => void): () => void;
}
