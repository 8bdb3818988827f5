import { useCallback, useSyncExternalStore } from 'react';
import { useShellServices } from '../services/useShellServices';
import type { PluginLoadState } from './PluginLoadState';

/** How loading one plugin's remote stands, re-rendering when it changes. */
export function usePluginLoadState(pluginId: string): PluginLoadState {
  const { pluginLoader } = useShellServices();
  const getSnapshot = useCallback(() => pluginLoader.getState(pluginId), [pluginLoader, pluginId]);
  return useSyncExternalStore(pluginLoader.subscribe, getSnapshot);
}
