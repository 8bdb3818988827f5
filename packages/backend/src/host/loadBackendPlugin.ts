import { resolve } from 'node:path';
import type { BackendPlugin } from '@atrium/plugin-api';
import type { DiscoveredPlugin } from './DiscoveredPlugin';
import { ManifestError } from './ManifestError';

/** Loads the backend half named by `backend.entry` and `backend.export`, checking it is what the manifest says. */
export function loadBackendPlugin(plugin: DiscoveredPlugin): BackendPlugin {
  const backend = plugin.manifest.backend;
  if (!backend) {
    throw new ManifestError(plugin.manifestFile, 'backend', 'the plugin has no backend half');
  }
  const entry = resolve(plugin.dir, backend.entry);
  let module: Record<string, unknown>;
  try {
    module = require(entry) as Record<string, unknown>;
  } catch (error) {
    throw new ManifestError(
      plugin.manifestFile,
      'backend.entry',
      `cannot load '${backend.entry}' (${(error as Error).message}); build the plugin or fix the path`,
      { cause: error },
    );
  }
  const candidate = module[backend.export] as Partial<BackendPlugin> | undefined;
  if (candidate?.$$type !== '@atrium/BackendPlugin') {
    throw new ManifestError(
      plugin.manifestFile,
      'backend.export',
      `'${backend.entry}' has no export '${backend.export}' made by createBackendPlugin`,
    );
  }
  if (candidate.pluginId !== plugin.manifest.id) {
    throw new ManifestError(
      plugin.manifestFile,
      'id',
      `the code says pluginId '${candidate.pluginId}' but the manifest says '${plugin.manifest.id}'`,
    );
  }
  return candidate as BackendPlugin;
}
