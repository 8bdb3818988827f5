import type { FetchFn, PermissionApi } from '@atrium/plugin-api/frontend';
import { createContext } from 'react';
import type { PluginLoader } from '../plugins/PluginLoader';
import type { RecentlyVisitedStore } from './RecentlyVisitedStore';
import type { SessionStore } from './SessionStore';
import type { ThemeStore } from './ThemeStore';

/** Everything the shell's components share, made once in `bootstrap` and passed down (no module singletons). */
export interface ShellServices {
  sessions: SessionStore;
  /** `fetch` with the session cookie and CSRF token. */
  fetch: FetchFn;
  /** Plain `fetch`, for the public sign-in routes. */
  publicFetch: FetchFn;
  theme: ThemeStore;
  recentlyVisited: RecentlyVisitedStore;
  pluginLoader: PluginLoader;
  /** Makes the permission answers for one session; its cache ends with the session. */
  createPermissions: () => PermissionApi;
  /** Leaves the page for a sign-in provider's start URL (a full navigation, not a route). */
  navigateAway: (url: string) => void;
}

/** Carries the {@link ShellServices} through the shell's tree. */
export const ShellServicesContext = createContext<ShellServices | undefined>(undefined);
