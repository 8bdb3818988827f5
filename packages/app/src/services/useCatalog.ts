import { type ApiClient, createApiClient } from '@atrium/plugin-api/frontend';
import { useContext, useMemo } from 'react';
import { PluginsContext } from '../plugins/PluginsContext';
import { useShellServices } from './useShellServices';

/**
 * A client for the catalog plugin's API, which the shell's own widgets (search,
 * "owned by me", the entity page frame) read; undefined when the catalog plugin
 * is not enabled, so those widgets can say so.
 */
export function useCatalog(): ApiClient | undefined {
  const plugins = useContext(PluginsContext);
  const { fetch } = useShellServices();
  const enabled = plugins.some((plugin) => plugin.id === 'catalog');
  return useMemo(
    () => (enabled ? createApiClient({ baseUrl: '/api/catalog', fetch }) : undefined),
    [enabled, fetch],
  );
}
