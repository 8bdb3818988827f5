import { preloadDataTable } from '@atrium/plugin-api/frontend';
import { findPluginForPath } from './findPluginForPath';
import type { PluginListItem } from './PluginListItem';
import type { PluginLoader } from './PluginLoader';

/**
 * Registers the plugins' remotes and starts loading the one that draws
 * `pathname`, with the table code most plugin pages open on. Safe to call
 * again with the same list: registering is idempotent and a load in flight is
 * shared.
 */
export function startPagePlugin(loader: PluginLoader, plugins: PluginListItem[], pathname: string): void {
  loader.register(plugins);
  const first = findPluginForPath(plugins, pathname);
  if (first) {
    loader.load(first).catch(() => undefined);
    preloadDataTable();
  }
}
