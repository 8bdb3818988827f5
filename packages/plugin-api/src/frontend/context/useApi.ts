import { useMemo } from 'react';
import type { ApiClient } from '../api/ApiClient';
import { createApiClient } from '../api/createApiClient';
import { AppContext } from './AppContext';
import { PluginContext } from './PluginContext';
import { useRequiredContext } from './useRequiredContext';

/**
 * The calling plugin's backend client: requests go to `/api/<pluginId>` with the
 * signed-in user's credentials, and error responses come back as typed errors.
 *
 * @example
 * const api = useApi();
 * const { data } = useSWR(`${api.baseUrl}/greeting`);
 * await api.json('/greetings', { method: 'POST', body: { text: 'hi' } });
 */
export function useApi(): ApiClient {
  const { fetch } = useRequiredContext(AppContext, 'useApi', 'AppContext');
  const { pluginId } = useRequiredContext(PluginContext, 'useApi', 'PluginContext');
  return useMemo(() => createApiClient({ baseUrl: `/api/${pluginId}`, fetch }), [pluginId, fetch]);
}
