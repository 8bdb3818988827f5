import '@atrium/plugin-api/frontend/kit.css';
import './shell.css';
import type { FetchFn } from '@atrium/plugin-api/frontend';
import { loadRemote, registerRemotes } from '@module-federation/enhanced/runtime';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createPluginLoader } from './plugins/createPluginLoader';
import { createAuthenticatedFetch } from './services/createAuthenticatedFetch';
import { createPermissionApi } from './services/createPermissionApi';
import { createRecentlyVisitedStore } from './services/createRecentlyVisitedStore';
import { createSessionStore } from './services/createSessionStore';
import { createThemeStore } from './services/createThemeStore';
import type { ShellServices } from './services/ShellServices';

/**
 * Makes the shell's services from the browser's globals and renders the app into `#root`.
 * `baseFetch` is the browser's fetch, possibly holding responses the entry asked for early.
 */
export function startShell(baseFetch: FetchFn): void {
  const container = document.getElementById('root');
  if (!container) {
    return;
  }
  const sessions = createSessionStore();
  const browserFetch = window.fetch.bind(window);
  const fetch = createAuthenticatedFetch(sessions, baseFetch, window.location.origin);
  const services: ShellServices = {
    sessions,
    fetch,
    publicFetch: browserFetch,
    theme: createThemeStore(window.localStorage, document.documentElement),
    recentlyVisited: createRecentlyVisitedStore(window.localStorage),
    pluginLoader: createPluginLoader(
      { registerRemotes, loadRemote },
      async (url) => (await browserFetch(url, { method: 'HEAD' })).status,
    ),
    createPermissions: () => createPermissionApi(fetch),
    navigateAway: (url) => window.location.assign(url),
  };
  createRoot(container).render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}
