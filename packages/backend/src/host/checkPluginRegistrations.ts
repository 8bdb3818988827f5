import type { DiscoveredPlugin } from './DiscoveredPlugin';
import { ManifestError } from './ManifestError';

/** What a plugin's code registered during `init`. */
export interface PluginRegistrations {
  deps: string[];
  provides: string[];
  routes: string[];
  subscriptions: string[];
  permissions: string[];
}

function compare(file: string, key: string, declared: string[], registered: string[], noun: string): void {
  const declaredSet = new Set(declared);
  const registeredSet = new Set(registered);
  const undeclared = [...registeredSet].filter((x) => !declaredSet.has(x));
  const unused = [...declaredSet].filter((x) => !registeredSet.has(x));
  const problems = [
    ...undeclared.map((x) => `the code registers ${noun} '${x}' that is not declared; add it to ${key}`),
    ...unused.map((x) => `${key} declares ${noun} '${x}' that the code does not register; remove it`),
  ];
  if (problems.length > 0) {
    throw new ManifestError(file, key, problems.join('; '));
  }
}

/**
 * Checks that what the code registered equals what `plugin.yaml` declares
 * (VS Code style: the manifest is the source of truth), naming the file and key.
 */
export function checkPluginRegistrations(plugin: DiscoveredPlugin, registered: PluginRegistrations): void {
  const backend = plugin.manifest.backend;
  const file = plugin.manifestFile;
  compare(file, 'backend.consumes', backend?.consumes ?? [], registered.deps, 'service');
  compare(file, 'backend.provides', backend?.provides ?? [], registered.provides, 'service');
  compare(file, 'backend.routes', backend?.routes ?? [], registered.routes, 'route');
  compare(
    file,
    'backend.events.subscribes',
    backend?.events.subscribes ?? [],
    registered.subscriptions,
    'event',
  );
  compare(
    file,
    'backend.permissions',
    (backend?.permissions ?? []).map((p) => p.id),
    registered.permissions,
    'permission',
  );
}
