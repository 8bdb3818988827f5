import { findPluginForPage } from './findPluginForPage';
import { testPluginRuntime } from './testPluginRuntime';

const catalog = testPluginRuntime(
  'catalog',
  `frontend:
  remote: atrium_catalog
  entry: ./frontend/dist/mf-manifest.json
  export: ./plugin#catalogPlugin
  pages: [{ id: index, path: /catalog, title: Catalog }]
  entityTabs: [{ id: graph, path: graph, title: Graph }]
`,
);
const teams = testPluginRuntime(
  'teams',
  `frontend:
  remote: atrium_teams
  entry: ./frontend/dist/mf-manifest.json
  export: ./plugin#teamsPlugin
  pages: [{ id: team, path: /teams/:team/overview, title: Team }]
  entityTabs: [{ id: oncall, path: on-call, title: On call }]
`,
);
const backendOnly = testPluginRuntime('audit-export', '');
const runtimes = [backendOnly, catalog, teams];

const idFor = (path: string) => findPluginForPage(runtimes, path)?.plugin.manifest.id;

describe('findPluginForPage', () => {
  it('finds the plugin whose page path starts the path, segment by segment and ignoring case', () => {
    expect(idFor('/catalog')).toBe('catalog');
    expect(idFor('/catalog/')).toBe('catalog');
    expect(idFor('/catalog/register')).toBe('catalog');
    expect(idFor('/Catalog')).toBe('catalog');
    expect(idFor('/catalogue')).toBeUndefined();
  });

  it('matches a parameter segment with any value', () => {
    expect(idFor('/teams/payments/overview')).toBe('teams');
    expect(idFor('/teams/payments')).toBeUndefined();
  });

  it('on an entity page, finds the owner of the tab the path names, and none for the overview', () => {
    expect(idFor('/catalog/default/component/payments/on-call')).toBe('teams');
    expect(idFor('/catalog/default/component/payments/graph')).toBe('catalog');
    expect(idFor('/catalog/default/component/payments')).toBeUndefined();
    expect(idFor('/catalog/default/component/payments/unknown-tab')).toBeUndefined();
  });

  it('finds nothing for the home page or a path no plugin draws', () => {
    expect(idFor('/')).toBeUndefined();
    expect(idFor('/settings/api-tokens')).toBeUndefined();
  });
});
