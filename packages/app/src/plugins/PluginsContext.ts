import { createContext } from 'react';
import type { PluginListItem } from './PluginListItem';

/** The enabled plugins, as listed once after sign-in. */
export const PluginsContext = createContext<PluginListItem[]>([]);
