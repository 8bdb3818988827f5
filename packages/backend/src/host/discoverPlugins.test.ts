import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverPlugins } from './discoverPlugins';

const manifest = (id: string, extra = '') =>
  `id: ${id}\ntitle: T\ndescription: D\nowner: group:default/platform\npluginApi: 1\n${extra}`;

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'atrium-discover-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

describe('discoverPlugins', () => {
  it('finds bundled and installed plugins and fills manifest defaults', async () => {
    const root = await tree({
      'plugins/catalog/plugin.yaml': manifest(
        'catalog',
        'backend:\n  entry: ./b.js\n  export: catalogPlugin\n',
      ),
      'plugins/catalog/package.json': '{"version":"1.2.3"}',
      'installed/pagerduty/plugin.yaml': manifest('pagerduty'),
      'plugins/not-a-plugin/README.md': 'nothing here',
    });
    const found = await discoverPlugins(
      { bundled: [join(root, 'plugins')], installed: join(root, 'installed') },
      root,
    );
    expect(found.map((p) => [p.manifest.id, p.origin, p.version])).toEqual([
      ['catalog', 'bundled', '1.2.3'],
      ['pagerduty', 'installed', undefined],
    ]);
    expect(found[0]?.manifest.backend?.routes).toEqual([]);
    expect(found[0]?.manifestFile).toBe(join('plugins', 'catalog', 'plugin.yaml'));
  });

  it('names the file and key of an invalid manifest', async () => {
    const root = await tree({ 'plugins/bad/plugin.yaml': manifest('bad', 'backend:\n  entry: ./b.js\n') });
    await expect(discoverPlugins({ bundled: [join(root, 'plugins')] }, root)).rejects.toThrow(
      "plugins/bad/plugin.yaml: invalid plugin manifest: backend: must have required property 'export'",
    );
  });

  it('refuses an id that differs from the folder name', async () => {
    const root = await tree({ 'plugins/foo/plugin.yaml': manifest('bar') });
    await expect(discoverPlugins({ bundled: [join(root, 'plugins')] }, root)).rejects.toThrow(
      "plugins/foo/plugin.yaml: id: 'bar' must equal the plugin's folder name 'foo'",
    );
  });

  it('refuses a plugin built for another plugin API major', async () => {
    const root = await tree({
      'plugins/old/plugin.yaml': manifest('old').replace('pluginApi: 1', 'pluginApi: 2'),
    });
    await expect(discoverPlugins({ bundled: [join(root, 'plugins')] }, root)).rejects.toThrow(
      'plugins/old/plugin.yaml: pluginApi: the plugin targets plugin API 2, this backend provides 1',
    );
  });

  it('refuses two plugins with one id', async () => {
    const root = await tree({
      'plugins/x/plugin.yaml': manifest('x'),
      'installed/x/plugin.yaml': manifest('x'),
    });
    await expect(
      discoverPlugins({ bundled: [join(root, 'plugins')], installed: join(root, 'installed') }, root),
    ).rejects.toThrow("installed/x/plugin.yaml: id: plugin id 'x' is already used by plugins/x/plugin.yaml");
  });
});
