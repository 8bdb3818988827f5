import { createContext } from 'react';

/** Which plugin a contribution belongs to, and that plugin's frontend-visible config. */
export interface PluginContextValue {
  pluginId: string;
  /** The plugin's config fields marked `visibility: frontend`. */
  config: unknown;
}

/** Set by the shell around each contribution it renders. */
export const PluginContext = createContext<PluginContextValue | undefined>(undefined);
