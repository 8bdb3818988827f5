import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRemotePreloads } from './readRemotePreloads';
import { testPluginRuntime } from './testPluginRuntime';

/** The shape Module Federation 2 writes, cut to what matters here. */
function federationManifest(overrides: Record<string, unknown> = {}) {
  return {
    metaData: { publicPath: 'auto', remoteEntry: { name: 'remoteEntry.js', path: '', type: 'global' } },
    exposes: [
      {
        name: 'plugin',
        path: './plugin',
        assets: {
          js: { sync: ['__federation_expose_plugin.684578c8.js'], async: ['901.14f82cae.js'] },
          css: { sync: ['__federation_expose_plugin.9e067875.css'], async: ['901.2a8e7cd5.css'] },
        },
      },
      { name: 'other', path: './other', assets: { js: { sync: ['other.js'] }, css: { sync: [] } } },
    ],
    ...overrides,
  };
}

describe('readRemotePreloads', () => {
  let dir: string;
  const runtime = () =>
    testPluginRuntime(
      'hello',
      `frontend:
  remote: atrium_hello
  entry: ./frontend/dist/mf-manifest.json
  export: ./plugin#helloPlugin
  pages: [{ id: hello, path: /hello, title: Hello }]
`,
      dir,
    );
  const writeManifest = async (manifest: unknown) => {
    await mkdir(join(dir, 'frontend/dist'), { recursive: true });
    await writeFile(join(dir, 'frontend/dist/mf-manifest.json'), JSON.stringify(manifest));
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atrium-remote-preloads-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("names the manifest, the container and the exposed module's code and styles, under /plugins/<id>/", async () => {
    await writeManifest(federationManifest());
    await expect(readRemotePreloads(runtime())).resolves.toEqual([
      { href: '/plugins/hello/mf-manifest.json', as: 'fetch', fetchPriority: 'low' },
      { href: '/plugins/hello/remoteEntry.js', as: 'script', fetchPriority: 'low' },
      { href: '/plugins/hello/__federation_expose_plugin.684578c8.js', as: 'script', fetchPriority: 'low' },
      { href: '/plugins/hello/__federation_expose_plugin.9e067875.css', as: 'style', fetchPriority: 'low' },
    ]);
  });

  it('keeps the folder of a container built into a subfolder', async () => {
    await writeManifest(
      federationManifest({
        metaData: { publicPath: 'auto', remoteEntry: { name: 'remoteEntry.js', path: 'static/js' } },
      }),
    );
    const links = await readRemotePreloads(runtime());
    expect(links[1]?.href).toBe('/plugins/hello/static/js/remoteEntry.js');
  });

  it('leaves out file names that could point elsewhere', async () => {
    const manifest = federationManifest({
      exposes: [
        {
          path: './plugin',
          assets: {
            js: { sync: ['../../../app/dist/main.js', 'https://cdn.example.com/x.js', 'ok.1234abcd.js'] },
            css: { sync: ['a"><script>alert(1)</script>.css'] },
          },
        },
      ],
    });
    await writeManifest(manifest);
    const hrefs = (await readRemotePreloads(runtime())).map((link) => link.href);
    expect(hrefs).toEqual([
      '/plugins/hello/mf-manifest.json',
      '/plugins/hello/remoteEntry.js',
      '/plugins/hello/ok.1234abcd.js',
    ]);
  });

  it('preloads nothing when the remote is not built, its manifest is not JSON, or its assets live elsewhere', async () => {
    await expect(readRemotePreloads(runtime())).resolves.toEqual([]);
    await mkdir(join(dir, 'frontend/dist'), { recursive: true });
    await writeFile(join(dir, 'frontend/dist/mf-manifest.json'), '{ half written');
    await expect(readRemotePreloads(runtime())).resolves.toEqual([]);
    await writeManifest(federationManifest({ metaData: { publicPath: 'https://cdn.example.com/hello/' } }));
    await expect(readRemotePreloads(runtime())).resolves.toEqual([]);
  });

  it('preloads nothing for a plugin without a frontend', async () => {
    await expect(readRemotePreloads(testPluginRuntime('backend-only', '', dir))).resolves.toEqual([]);
  });
});
