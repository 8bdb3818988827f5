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
    routes: ['POST /locations', 'DELETE /locations/:id', 'POST /entities/by-query'],
    readOnlyRoutes: ['POST /entities/by-query'],
    events: { emits: [], subscribes: [] },
    permissions: [],
  },
};

describe('describeAuditAction', () => {
  const describeAction = describeAuditAction([catalog], {
    routes: ['DELETE /auth/tokens/:id'],
    readOnlyRoutes: [],
  });

  it("names the plugin and the manifest's route pattern", () => {
    expect(describeAction('DELETE', '/catalog/locations/17')).toEqual({
      pluginId: 'catalog',
      action: 'catalog:DELETE /locations/:id',
      readOnly: false,
    });
  });

  it('falls back to the path below the mount when no declared route matches', () => {
    expect(describeAction('PUT', '/catalog/locations/17')).toEqual({
      pluginId: 'catalog',
      action: 'catalog:PUT /locations/17',
      readOnly: false,
    });
  });

  it('names the core for its own routes and for paths where nothing is mounted', () => {
    expect(describeAction('DELETE', '/core/auth/tokens/abc')).toEqual({
      pluginId: 'core',
      action: 'core:DELETE /auth/tokens/:id',
      readOnly: false,
    });
    expect(describeAction('POST', '/core/auth/sign-out')).toEqual({
      pluginId: 'core',
      action: 'core:POST /auth/sign-out',
      readOnly: false,
    });
    expect(describeAction('POST', '/nothing-here/x')).toEqual({
      pluginId: 'core',
      action: 'core:POST /nothing-here/x',
      readOnly: false,
    });
  });

  it('marks the routes a manifest declares read-only', () => {
    expect(describeAction('POST', '/catalog/entities/by-query')).toEqual({
      pluginId: 'catalog',
      action: 'catalog:POST /entities/by-query',
      readOnly: true,
    });
  });
});
