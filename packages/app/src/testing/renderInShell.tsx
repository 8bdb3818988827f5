import {
  AppContext,
  createApiClient,
  type Identity,
  type PermissionApi,
  SWRConfig,
} from '@atrium/plugin-api/frontend';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, type MemoryRouterProps } from 'react-router';
import { createPluginLoader } from '../plugins/createPluginLoader';
import { PluginsContext } from '../plugins/PluginsContext';
import { createAuthenticatedFetch } from '../services/createAuthenticatedFetch';
import { createRecentlyVisitedStore } from '../services/createRecentlyVisitedStore';
import { createSessionStore } from '../services/createSessionStore';
import { createThemeStore } from '../services/createThemeStore';
import type { SessionStore } from '../services/SessionStore';
import { type ShellServices, ShellServicesContext } from '../services/ShellServices';
import { createFakeServer, type FakeRoute, type SeenRequest } from './createFakeServer';

/** The signed-in user of component tests. */
export const testIdentity: Identity = {
  userEntityRef: 'user:default/ada',
  ownershipEntityRefs: ['user:default/ada', 'group:default/platform'],
  roles: [],
  displayName: 'Ada Lovelace',
};

/** What {@link renderInShell} returns: the rendered container, the requests seen and the shell's services. */
export interface RenderedShell {
  container: HTMLElement;
  unmount: () => void;
  requests: SeenRequest[];
  sessions: SessionStore;
  navigateAway: jest.Mock;
}

/** Options of {@link renderInShell}. */
export interface RenderInShellOptions {
  /** `METHOD /path` → answer; anything else is a 404. */
  routes?: Record<string, FakeRoute>;
  permissions?: PermissionApi;
  router?: MemoryRouterProps;
  identity?: Identity;
  /** Start signed out, as on the sign-in page; default false. */
  signedOut?: boolean;
}

/**
 * Renders `ui` as the signed-in shell would (services, app context, SWR with
 * the shell's fetcher, a memory router), against a fake server: `routes` maps
 * `METHOD /path` (query string ignored) to an answer. Every request is recorded
 * in `requests`, with the headers the shell's fetch added.
 */
export function renderInShell(ui: ReactNode, options: RenderInShellOptions = {}): RenderedShell {
  const { serve, requests } = createFakeServer(options.routes ?? {});
  const sessions = createSessionStore();
  const identity = options.identity ?? testIdentity;
  sessions.set(
    options.signedOut
      ? { status: 'signed-out' }
      : { status: 'signed-in', session: { identity, csrfToken: 'csrf-test' } },
  );
  const fetch = createAuthenticatedFetch(sessions, serve, 'http://portal.test');
  const permissions = options.permissions ?? { authorize: async () => ({ allowed: true }) };
  const navigateAway = jest.fn();
  const services: ShellServices = {
    sessions,
    fetch,
    publicFetch: serve,
    theme: createThemeStore(window.localStorage, document.documentElement),
    recentlyVisited: createRecentlyVisitedStore(window.localStorage),
    pluginLoader: createPluginLoader({ registerRemotes: () => undefined, loadRemote: async () => null }),
    createPermissions: () => permissions,
    navigateAway,
  };
  const api = createApiClient({ baseUrl: '', fetch });
  const result = render(
    <ShellServicesContext value={services}>
      <AppContext value={{ fetch, identity, permissions }}>
        <SWRConfig
          value={{
            fetcher: (key: string) => api.json(key),
            provider: () => new Map(),
            shouldRetryOnError: false,
          }}
        >
          <PluginsContext value={[]}>
            <MemoryRouter {...options.router}>{ui}</MemoryRouter>
          </PluginsContext>
        </SWRConfig>
      </AppContext>
    </ShellServicesContext>,
  );
  return { container: result.container, unmount: result.unmount, requests, sessions, navigateAway };
}
