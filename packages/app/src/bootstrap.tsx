import '@atrium/plugin-api/frontend/kit.css';
import './shell.css';
import { loadRemote, registerRemotes } from '@module-federation/enhanced/runtime';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createPluginLoader } from './plugins/createPluginLoader';
import { parsePluginList } from './plugins/parsePluginList';
import { startPagePlugin } from './plugins/startPagePlugin';
import { createAuthenticatedFetch } from './services/createAuthenticatedFetch';
import type { EarlyFetch } from './services/createEarlyFetch';
import { createPermissionApi } from './services/createPermissionApi';
import { createRecentlyVisitedStore } from './services/createRecentlyVisitedStore';
import { createSessionStore } from './services/createSessionStore';
import { createThemeStore } from './services/createThemeStore';
import type { ShellServices } from './services/ShellServices';

/**
 * Makes the shell's services from the browser's globals and renders the app into `#root`.
 * `baseFetch` is the browser's fetch holding the responses the entry asked for early.
 */
export function startShell(baseFetch: EarlyFetch): void {
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
  // The plugin list asked for early names the plugin this page needs: its code
  // starts loading now and runs between the shell's first renders, instead of
  // after the shell has rendered far enough to ask. Failures are left to the
  // shell, which asks again and shows them.
  baseFetch
    .peek('/api/core/plugins')
    .then(async (response) => {
      if (response) {
        startPagePlugin(
          services.pluginLoader,
          parsePluginList(await response.json()),
          window.location.pathname,
        );
      }
    })
    .catch(() => undefined);
  createRoot(container).render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}
