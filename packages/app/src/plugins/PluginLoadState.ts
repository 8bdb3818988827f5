import type { FrontendPlugin } from '@atrium/plugin-api/frontend';

/** Where loading a plugin's remote stands. */
export type PluginLoadState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; plugin: FrontendPlugin }
  | { status: 'failed'; error: Error };
