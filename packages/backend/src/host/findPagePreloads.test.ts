import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPagePreloads } from './findPagePreloads';
import { testPluginRuntime } from './testPluginRuntime';

describe('findPagePreloads', () => {
  let dir: string;
  const runtimes = () => [
    testPluginRuntime(
      'catalog',
      `frontend:
  remote: atrium_catalog
  entry: ./dist/mf-manifest.json
  export: ./plugin#catalogPlugin
  pages:
    - id: index
      path: /catalog
      title: Catalog
      preload: ['/entities/by-query?limit=50&fields=kind%2Cmetadata.name', /entity-facets?facet=kind]
`,
      dir,
    ),
  ];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atrium-page-preloads-'));
    await mkdir(join(dir, 'dist'));
    await writeFile(
      join(dir, 'dist/mf-manifest.json'),
      JSON.stringify({ metaData: { publicPath: 'auto', remoteEntry: { name: 'remoteEntry.js', path: '' } } }),
    );
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("names the default view's API reads under /api/<id>, then the remote's files", async () => {
    expect(await findPagePreloads(runtimes(), '/catalog', '')).toEqual([
      { href: '/api/catalog/entities/by-query?limit=50&fields=kind%2Cmetadata.name', as: 'fetch' },
      { href: '/api/catalog/entity-facets?facet=kind', as: 'fetch' },
      { href: '/plugins/catalog/mf-manifest.json', as: 'fetch', fetchPriority: 'low' },
      { href: '/plugins/catalog/remoteEntry.js', as: 'script', fetchPriority: 'low' },
    ]);
  });

  it('leaves the API reads out when a query or a longer path changes what the page reads', async () => {
    const hrefs = async (pathname: string, query: string) =>
      (await findPagePreloads(runtimes(), pathname, query)).map((link) => link.href);
    expect(await hrefs('/catalog', 'kind=api')).toEqual([
      '/plugins/catalog/mf-manifest.json',
      '/plugins/catalog/remoteEntry.js',
    ]);
    expect(await hrefs('/catalog/register', '')).toEqual([
      '/plugins/catalog/mf-manifest.json',
      '/plugins/catalog/remoteEntry.js',
    ]);
  });

  it('preloads nothing for a page no plugin draws', async () => {
    expect(await findPagePreloads(runtimes(), '/', '')).toEqual([]);
  });
});
