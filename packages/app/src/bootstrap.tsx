import '@atrium/plugin-api/frontend/kit.css';
import './shell.css';
import { loadRemote, registerRemotes } from '@module-federation/enhanced/runtime';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createPluginLoader } from './plugins/createPluginLoader';
import { createAllowAllPermissionApi } from './services/createAllowAllPermissionApi';
import { createAuthenticatedFetch } from './services/createAuthenticatedFetch';
import { createRecentlyVisitedStore } from './services/createRecentlyVisitedStore';
import { createSessionStore } from './services/createSessionStore';
import { createThemeStore } from './services/createThemeStore';
import type { ShellServices } from './services/ShellServices';

/** Makes the shell's services from the browser's globals and renders the app. */
function start(container: HTMLElement) {
  const sessions = createSessionStore(window.sessionStorage);
  const browserFetch = window.fetch.bind(window);
  const services: ShellServices = {
    sessions,
    fetch: createAuthenticatedFetch(sessions, browserFetch, window.location.origin),
    publicFetch: browserFetch,
    theme: createThemeStore(window.localStorage, document.documentElement),
    recentlyVisited: createRecentlyVisitedStore(window.localStorage),
    pluginLoader: createPluginLoader(
      { registerRemotes, loadRemote },
      async (url) => (await browserFetch(url, { method: 'HEAD' })).status,
    ),
    permissions: createAllowAllPermissionApi(),
  };
  createRoot(container).render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (container) {
  start(container);
}
