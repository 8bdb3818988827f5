import type { PluginManifest } from '@atrium/plugin-api';
import type { DiscoveredPlugin } from './DiscoveredPlugin';
import { sortPluginsForBoot } from './sortPluginsForBoot';

function plugin(id: string, consumes: string[] = [], provides: string[] = []): DiscoveredPlugin {
  const manifest: PluginManifest = {
    id,
    title: id,
    description: id,
    owner: 'group:default/platform',
    pluginApi: 1,
    backend: {
      entry: './backend.js',
      export: 'x',
      consumes,
      provides,
      routes: [],
      readOnlyRoutes: [],
      events: { emits: [], subscribes: [] },
      permissions: [],
    },
  };
  return {
    manifest,
    manifestFile: `plugins/${id}/plugin.yaml`,
    dir: `/repo/plugins/${id}`,
    origin: 'bundled',
  };
}

const ids = (plugins: DiscoveredPlugin[]) => plugins.map((p) => p.manifest.id);

describe('sortPluginsForBoot', () => {
  it('boots providers before their consumers and keeps discovery order otherwise', () => {
    const sorted = sortPluginsForBoot([
      plugin('scorecards', ['core.logger', 'search.index']),
      plugin('catalog'),
      plugin('search', [], ['search.index']),
    ]);
    expect(ids(sorted)).toEqual(['search', 'scorecards', 'catalog']);
  });

  it('follows chains of providers', () => {
    const sorted = sortPluginsForBoot([
      plugin('c', ['b.x']),
      plugin('b', ['a.x'], ['b.x']),
      plugin('a', [], ['a.x']),
    ]);
    expect(ids(sorted)).toEqual(['a', 'b', 'c']);
  });

  it('reports a cycle with its path', () => {
    expect(() =>
      sortPluginsForBoot([
        plugin('a', ['c.x'], ['a.x']),
        plugin('b', ['a.x'], ['b.x']),
        plugin('c', ['b.x'], ['c.x']),
      ]),
    ).toThrow('Plugins depend on each other in a cycle: a → c → b → a');
  });

  it('names the plugin, the file and the service when nothing provides a consumed service', () => {
    expect(() => sortPluginsForBoot([plugin('a', ['search.index'])])).toThrow(
      "Plugin 'a' consumes service 'search.index' (plugins/a/plugin.yaml: backend.consumes), but no enabled plugin provides it",
    );
  });
});
