export * from './PluginManifest';
export * from './parsePluginManifest';
export * from './pluginManifestSchema';
