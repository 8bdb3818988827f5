import { PluginContext } from './PluginContext';
import { useRequiredContext } from './useRequiredContext';

/**
 * The calling plugin's frontend-visible config (fields marked `visibility: frontend`
 * in its manifest schema). Secrets and backend-only fields never reach the browser.
 *
 * @example
 * const { banner } = useConfig<{ banner?: string }>();
 */
export function useConfig<T = Record<string, unknown>>(): T {
  return useRequiredContext(PluginContext, 'useConfig', 'PluginContext').config as T;
}
