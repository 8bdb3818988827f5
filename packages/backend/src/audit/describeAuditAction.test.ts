import type { PluginManifest } from '@atrium/plugin-api';
import { describeAuditAction } from './describeAuditAction';

const catalog: PluginManifest = {
  id: 'catalog',
  title: 'Catalog',
  description: 'The catalog',
  owner: 'group:default/platform',
  pluginApi: 1,
  backend: {
    entry: './backend/dist/index.js',
    export: 'catalogPlugin',
    consumes: [],
    provides: [],
    routes: ['POST /locations', 'DELETE /locations/:id'],
    events: { emits: [], subscribes: [] },
    permissions: [],
  },
};

describe('describeAuditAction', () => {
  const describeAction = describeAuditAction([catalog], ['DELETE /auth/tokens/:id']);

  it("names the plugin and the manifest's route pattern", () => {
    expect(describeAction('DELETE', '/catalog/locations/17')).toEqual({
      pluginId: 'catalog',
      action: 'catalog:DELETE /locations/:id',
    });
  });

  it('falls back to the path below the mount when no declared route matches', () => {
    expect(describeAction('PUT', '/catalog/locations/17')).toEqual({
      pluginId: 'catalog',
      action: 'catalog:PUT /locations/17',
    });
  });

  it('names the core for its own routes and for paths where nothing is mounted', () => {
    expect(describeAction('DELETE', '/core/auth/tokens/abc')).toEqual({
      pluginId: 'core',
      action: 'core:DELETE /auth/tokens/:id',
    });
    expect(describeAction('POST', '/core/auth/sign-out')).toEqual({
      pluginId: 'core',
      action: 'core:POST /auth/sign-out',
    });
    expect(describeAction('POST', '/nothing-here/x')).toEqual({
      pluginId: 'core',
      action: 'core:POST /nothing-here/x',
    });
  });
});
