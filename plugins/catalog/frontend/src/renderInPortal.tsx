import {
  AppContext,
  createApiClient,
  type Entity,
  EntityContext,
  type FetchFn,
  PluginContext,
  SWRConfig,
} from '@atrium/plugin-api/frontend';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';

/**
 * Test support: renders a catalog component inside the contexts the shell
 * sets (app, plugin, SWR with a fresh cache, a router at `path`, and the
 * entity when given), with `fetch` standing in for the backend. `allowed`
 * lists the permission ids the user holds; every permission when absent.
 */
export function renderInPortal(
  ui: ReactNode,
  {
    fetch,
    entity,
    path = '/',
    allowed,
  }: { fetch: FetchFn; entity?: Entity; path?: string; allowed?: string[] },
) {
  const api = createApiClient({ baseUrl: '', fetch });
  const app = {
    fetch,
    identity: { userEntityRef: 'user:default/guest', ownershipEntityRefs: [], roles: [] },
    permissions: {
      authorize: async ({ permission }: { permission: { id: string } }) => ({
        allowed: allowed === undefined || allowed.includes(permission.id),
      }),
    },
  };
  return render(
    <AppContext value={app}>
      <PluginContext value={{ pluginId: 'catalog', config: {} }}>
        <SWRConfig
          value={{ provider: () => new Map(), fetcher: (key: string) => api.json(key), dedupingInterval: 0 }}
        >
          <MemoryRouter initialEntries={[path]}>
            {entity ? <EntityContext value={{ entity }}>{ui}</EntityContext> : ui}
          </MemoryRouter>
        </SWRConfig>
      </PluginContext>
    </AppContext>,
  );
}
