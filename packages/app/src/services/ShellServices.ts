import type { FetchFn, PermissionApi } from '@atrium/plugin-api/frontend';
import { createContext } from 'react';
import type { PluginLoader } from '../plugins/PluginLoader';
import type { RecentlyVisitedStore } from './RecentlyVisitedStore';
import type { SessionStore } from './SessionStore';
import type { ThemeStore } from './ThemeStore';

/** Everything the shell's components share, made once in `bootstrap` and passed down (no module singletons). */
export interface ShellServices {
  sessions: SessionStore;
  /** `fetch` with the session's token. */
  fetch: FetchFn;
  /** Plain `fetch`, for the public sign-in routes. */
  publicFetch: FetchFn;
  theme: ThemeStore;
  recentlyVisited: RecentlyVisitedStore;
  pluginLoader: PluginLoader;
  permissions: PermissionApi;
}

/** Carries the {@link ShellServices} through the shell's tree. */
export const ShellServicesContext = createContext<ShellServices | undefined>(undefined);
