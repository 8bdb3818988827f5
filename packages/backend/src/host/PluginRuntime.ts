import type { PluginHttpRouter } from './createPluginHttpRouter';
import type { DiscoveredPlugin } from './DiscoveredPlugin';

/** An enabled plugin as the running host tracks it. */
export interface PluginRuntime {
  plugin: DiscoveredPlugin;
  status: 'pending' | 'started' | 'failed';
  /** Why the plugin failed, shown by `GET /api/core/plugins` and the admin page. */
  error?: string;
  onBootFailure: 'abort' | 'continue';
  http: PluginHttpRouter;
  shutdownHooks: Array<() => Promise<void> | void>;
}
