import type { PluginManifest } from '@atrium/plugin-api';

/** A plugin found on disk, before it is enabled or booted. */
export interface DiscoveredPlugin {
  manifest: PluginManifest;
  /** Absolute path of its `plugin.yaml`. */
  manifestFile: string;
  /** The folder holding `plugin.yaml`; manifest paths are relative to it. */
  dir: string;
  /** Bundled in this repository, or installed later into the install directory. */
  origin: 'bundled' | 'installed';
  /** From the plugin's package.json, when it has one. */
  version?: string;
}
