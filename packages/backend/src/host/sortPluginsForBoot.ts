import { CircularDependencyError } from './CircularDependencyError';
import type { DiscoveredPlugin } from './DiscoveredPlugin';
import { MissingServiceError } from './MissingServiceError';

const isCoreService = (id: string) => id.startsWith('core.');

/**
 * Orders plugins so that each boots after the plugins whose services it
 * consumes (Kibana/Backstage style: from the graph, never a hand-kept list).
 * Ties keep discovery order, so boots are reproducible.
 */
export function sortPluginsForBoot(plugins: DiscoveredPlugin[]): DiscoveredPlugin[] {
  const providerOf = new Map<string, DiscoveredPlugin>();
  for (const plugin of plugins) {
    for (const service of plugin.manifest.backend?.provides ?? []) {
      providerOf.set(service, plugin);
    }
  }
  const dependenciesOf = (plugin: DiscoveredPlugin): DiscoveredPlugin[] =>
    (plugin.manifest.backend?.consumes ?? [])
      .filter((service) => !isCoreService(service))
      .map((service) => {
        const provider = providerOf.get(service);
        if (!provider) {
          throw new MissingServiceError(plugin.manifest.id, plugin.manifestFile, service);
        }
        return provider;
      })
      .filter((provider) => provider !== plugin);

  const ordered: DiscoveredPlugin[] = [];
  const state = new Map<DiscoveredPlugin, 'visiting' | 'done'>();
  const visit = (plugin: DiscoveredPlugin, path: DiscoveredPlugin[]) => {
    const seen = state.get(plugin);
    if (seen === 'done') {
      return;
    }
    if (seen === 'visiting') {
      const start = path.indexOf(plugin);
      throw new CircularDependencyError([...path.slice(start), plugin].map((p) => p.manifest.id));
    }
    state.set(plugin, 'visiting');
    for (const dependency of dependenciesOf(plugin)) {
      visit(dependency, [...path, plugin]);
    }
    state.set(plugin, 'done');
    ordered.push(plugin);
  };
  for (const plugin of plugins) {
    visit(plugin, []);
  }
  return ordered;
}
