/** Major version of this plugin API; manifests declare the one they target in `pluginApi`. */
export const PLUGIN_API_MAJOR = 1;
