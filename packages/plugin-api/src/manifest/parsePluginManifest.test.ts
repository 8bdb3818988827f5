import { parsePluginManifest } from './parsePluginManifest';

const manifestWith = (backend: string) => `
id: notes
title: Notes
description: Team notes
owner: group:default/platform
pluginApi: 1
backend:
  entry: ./backend/dist/index.js
  export: notesPlugin
${backend}
`;

describe('parsePluginManifest', () => {
  it('fills defaults and keeps read-only routes that the routes declare', () => {
    const manifest = parsePluginManifest(
      manifestWith('  routes: [GET /notes, POST /notes/search]\n  readOnlyRoutes: [POST /notes/search]'),
      'plugins/notes/plugin.yaml',
    );
    expect(manifest.backend?.readOnlyRoutes).toEqual(['POST /notes/search']);
    expect(manifest.backend?.permissions).toEqual([]);
  });

  it('refuses a read-only route that is not a declared route, naming the file and the key', () => {
    expect(() =>
      parsePluginManifest(
        manifestWith('  routes: [GET /notes]\n  readOnlyRoutes: [POST /notes/search]'),
        'plugins/notes/plugin.yaml',
      ),
    ).toThrow(
      "plugins/notes/plugin.yaml: invalid plugin manifest: backend.readOnlyRoutes lists 'POST /notes/search', which backend.routes does not declare",
    );
  });

  it("accepts a page's preload paths under its own API and refuses any that could leave it", () => {
    const withPreload = (path: string) => `
id: notes
title: Notes
description: Team notes
owner: group:default/platform
pluginApi: 1
frontend:
  remote: notes
  entry: ./frontend/dist/mf-manifest.json
  export: ./plugin#notesPlugin
  pages: [{ id: notes, path: /notes, title: Notes, preload: ['${path}'] }]
`;
    const parsed = parsePluginManifest(withPreload('/notes?limit=20&fields=a%2Cb'), 'plugin.yaml');
    expect(parsed.frontend?.pages[0]?.preload).toEqual(['/notes?limit=20&fields=a%2Cb']);
    for (const path of [
      'notes',
      '//evil.example/x',
      '/../core/audit',
      '/a/../../core',
      '/notes#top',
      '/a b',
    ]) {
      expect(() => parsePluginManifest(withPreload(path), 'plugin.yaml')).toThrow(
        'plugin.yaml: invalid plugin manifest: frontend.pages.0.preload.0: must match pattern',
      );
    }
  });

  it('names each failing key path', () => {
    expect(() => parsePluginManifest(manifestWith('  routes: [FETCH /notes]'), 'plugin.yaml')).toThrow(
      /plugin\.yaml: invalid plugin manifest: backend\.routes\.0: must match pattern/,
    );
  });
});
