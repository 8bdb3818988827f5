import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHost, type TestHost } from '@atrium/backend/testing';

const catalogInfo = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  title: Checkout service
  tags: [java, payments]
spec:
  type: service
  lifecycle: production
  owner: team-a
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: storefront
spec:
  type: website
  lifecycle: experimental
  owner: team-a
`;

describe('the catalog plugin', () => {
  let host: TestHost;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atrium-catalog-'));
    await writeFile(join(dir, 'catalog-info.yaml'), catalogInfo);
    host = await createTestHost({
      pluginDirs: [join(__dirname, '../../..')],
      enabled: { catalog: {} },
      config: { catalog: { locations: [{ type: 'file', target: join(dir, 'catalog-info.yaml') }] } },
    });
    for (let i = 0; i < 300; i++) {
      const page = (await (await host.fetch('/api/catalog/entities/by-query?limit=1')).json()) as {
        totalItems: number;
      };
      if (page.totalItems === 4) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  afterAll(() => host.stop());

  it('ingests its file locations at boot and serves them by query with the legacy filter', async () => {
    const res = await host.fetch('/api/catalog/entities/by-query?filter=kind=component,spec.type=service');
    const body = (await res.json()) as { items: Array<{ metadata: { name: string } }>; totalItems: number };
    expect(body.totalItems).toBe(1);
    expect(body.items.map((e) => e.metadata.name)).toEqual(['checkout']);
  });

  it('serves an entity by name, case-insensitively, with relations in both directions', async () => {
    const group = (await (await host.fetch('/api/catalog/entities/by-name/Group/default/Team-A')).json()) as {
      relations: Array<{ type: string; targetRef: string }>;
    };
    expect(group.relations).toEqual([
      { type: 'ownerOf', targetRef: 'component:default/checkout' },
      { type: 'ownerOf', targetRef: 'component:default/storefront' },
    ]);
  });

  it('answers 404 with the Backstage message for an unknown entity', async () => {
    const res = await host.fetch('/api/catalog/entities/by-name/component/default/nope');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      "No entity named 'nope' found, with kind 'component' in namespace 'default'",
    );
  });

  it('counts facets', async () => {
    const res = await host.fetch('/api/catalog/entity-facets?facet=spec.lifecycle&filter=kind=component');
    expect(await res.json()).toEqual({
      facets: {
        'spec.lifecycle': [
          { value: 'experimental', count: 1 },
          { value: 'production', count: 1 },
        ],
      },
    });
  });

  it('refuses a facet request without a facet', async () => {
    expect((await host.fetch('/api/catalog/entity-facets')).status).toBe(400);
  });

  it('publishes the entity schemas without credentials, for editors', async () => {
    const res = await host.fetch('/api/catalog/schemas/entity.json', { token: null });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { $schema: string }).$schema).toContain('json-schema.org');
    expect((await host.fetch('/api/catalog/locations', { token: null })).status).toBe(401);
  });

  it('refuses registering a file location through the API', async () => {
    const res = await host.fetch('/api/catalog/locations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'file', target: '/etc/passwd' }),
    });
    expect(res.status).toBe(400);
    expect(await (await host.fetch('/api/catalog/locations')).json()).toEqual([]);
  });
});
