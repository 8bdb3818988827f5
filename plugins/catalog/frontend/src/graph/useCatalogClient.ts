import { type ApiClient, AppContext, createApiClient } from '@atrium/plugin-api/frontend';
import { use, useMemo } from 'react';

/**
 * A client for `/api/catalog` with the user's credentials. Unlike `useApi()`,
 * it does not depend on which plugin hosts the component, so these tabs work
 * wherever they are mounted.
 */
export function useCatalogClient(): ApiClient {
  const app = use(AppContext);
  if (!app) {
    throw new Error('useCatalogClient must be used inside the portal (AppContext is missing)');
  }
  const { fetch } = app;
  return useMemo(() => createApiClient({ baseUrl: '/api/catalog', fetch }), [fetch]);
}
