import type { PluginListItem } from './PluginListItem';

/** A plugin list item for tests, with a frontend unless `frontend: undefined` is passed. */
export function testPluginItem(id: string, overrides: Partial<PluginListItem> = {}): PluginListItem {
  return {
    id,
    title: id.charAt(0).toUpperCase() + id.slice(1),
    description: `The ${id} plugin`,
    owner: 'group:default/platform',
    origin: 'bundled',
    status: 'started',
    config: {},
    frontend: {
      remote: id.replaceAll('-', '_'),
      entry: `/plugins/${id}/mf-manifest.json`,
      export: `./plugin#${id}Plugin`,
      pages: [],
      entityTabs: [],
      entityCards: [],
      homeCards: [],
    },
    ...overrides,
  };
}
