import { join } from 'node:path';
import {
  createTestDatabase,
  createTestHost,
  TEST_DATABASE_KINDS,
  TEST_TOKEN,
  type TestDatabase,
  type TestHost,
  waitFor,
} from '@atrium/backend/testing';
import { CatalogClient, type Location } from '@backstage/catalog-client';
import { createSourceServer, type SourceServer } from './__fixtures__/createSourceServer';

// Every url location here is served by a LOCAL HTTP SERVER (createSourceServer) standing in for a git host.

function component(name: string): string {
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: production
  owner: team-a
`;
}

describe.each(TEST_DATABASE_KINDS)(
  'the newer location endpoints driven by @backstage/catalog-client on %s',
  (kind) => {
    let server: SourceServer;
    let database: TestDatabase;
    let host: TestHost;
    let client: CatalogClient;
    const options = { token: TEST_TOKEN };
    const url = (path: string) => `${server.base}${path}`;

    const post = (path: string, body: unknown) =>
      host.fetch(`/api/catalog${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const entityExists = async (name: string) =>
      (await client.getEntityByRef(`component:default/${name}`, options)) !== undefined;
    const readOnce = async (id: string) =>
      waitFor(`location ${id} to be read`, async () => {
        const res = await host.fetch(`/api/catalog/locations/${id}/status`);
        const status = (await res.json()) as {
          lastRefreshAt?: string;
          inProgress: boolean;
          errors: unknown[];
        };
        return status.lastRefreshAt !== undefined && !status.inProgress;
      });

    beforeAll(async () => {
      server = await createSourceServer();
      for (const name of ['one', 'two', 'three', 'moved']) {
        server.set(`/repos/${name}/catalog-info.yaml`, component(name));
      }
      database = await createTestDatabase(kind);
      host = await createTestHost({
        pluginDirs: [join(__dirname, '../../../..')],
        enabled: { catalog: {} },
        database,
        config: {
          backend: { reading: { allow: [{ host: server.host }] }, logging: { level: 'error' } },
          catalog: { refreshInterval: '1h' },
        },
      });
      client = new CatalogClient({
        discoveryApi: { getBaseUrl: async () => `${host.backend.url}/api/catalog` },
      });
      for (const name of ['one', 'two', 'three']) {
        const { location } = await client.addLocation(
          { target: url(`/repos/${name}/catalog-info.yaml`) },
          options,
        );
        await readOnce(location.id);
      }
    });

    afterAll(async () => {
      await host?.stop();
      await database?.destroy();
      await server?.close();
    });

    describe('queryLocations and streamLocations (POST /locations/by-query)', () => {
      it('pages through registered locations with a cursor, counting them all', async () => {
        const first = await client.queryLocations({ limit: 2 }, options);
        expect(first.totalItems).toBe(3);
        expect(first.items).toHaveLength(2);
        expect(first.pageInfo.nextCursor).toEqual(expect.any(String));
        const second = await client.queryLocations({ cursor: first.pageInfo.nextCursor as string }, options);
        expect(second.items).toHaveLength(1);
        expect(second.pageInfo.nextCursor).toBeUndefined();
        const targets = [...first.items, ...second.items].map((l) => l.target);
        expect(targets).toEqual(['one', 'three', 'two'].map((n) => url(`/repos/${n}/catalog-info.yaml`)));
      });

      it('filters with a predicate over type, target, id and entityRef, and keeps the filter in the cursor', async () => {
        const pages: Location[][] = [];
        for await (const page of client.streamLocations(
          {
            limit: 1,
            query: {
              $all: [{ type: 'url' }, { $not: { target: { $hasPrefix: url('/repos/two') } } }],
            } as never,
          },
          options,
        )) {
          pages.push(page);
        }
        expect(pages.map((page) => page.map((l) => l.target))).toEqual([
          [url('/repos/one/catalog-info.yaml')],
          [url('/repos/three/catalog-info.yaml')],
        ]);
        const [one] = pages[0] ?? [];
        const byRef = await client.queryLocations({ query: { entityRef: one?.entityRef } as never }, options);
        expect(byRef.items.map((l) => l.id)).toEqual([one?.id]);
      });

      it('answers 400 for a field locations do not have and for a malformed cursor', async () => {
        const unknown = await post('/locations/by-query', { query: { 'spec.target': 'x' } });
        expect(unknown.status).toBe(400);
        expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain(
          "Unknown location field 'spec.target'",
        );
        expect((await post('/locations/by-query', { cursor: 'not-a-cursor' })).status).toBe(400);
      });
    });

    describe('updateLocation (PUT /locations/:id)', () => {
      it('replaces the target under the same id: the new entities come, the old ones go', async () => {
        const { items } = await client.queryLocations(
          { query: { target: url('/repos/three/catalog-info.yaml') } as never },
          options,
        );
        const id = items[0]?.id as string;
        const updated = await client.updateLocation(
          id,
          { type: 'url', target: url('/repos/moved/catalog-info.yaml') },
          options,
        );
        expect(updated).toMatchObject({ id, type: 'url', target: url('/repos/moved/catalog-info.yaml') });
        await readOnce(id);
        expect(await entityExists('moved')).toBe(true);
        expect(await entityExists('three')).toBe(false);
        expect(await client.getLocationById(id, options)).toMatchObject({
          target: url('/repos/moved/catalog-info.yaml'),
        });
      });

      it('answers 409 when another location has the target, and 404 for an unknown id', async () => {
        const { items } = await client.queryLocations(
          { query: { target: { $hasPrefix: url('/repos/one') } } as never },
          options,
        );
        await expect(
          client.updateLocation(
            items[0]?.id as string,
            { target: url('/repos/two/catalog-info.yaml') },
            options,
          ),
        ).rejects.toMatchObject({ response: { status: 409 } });
        await expect(
          client.updateLocation(
            '00000000-0000-0000-0000-000000000000',
            { target: url('/repos/x.yaml') },
            options,
          ),
        ).rejects.toMatchObject({ response: { status: 404 } });
        expect(await entityExists('one')).toBe(true);
      });
    });

    describe('analyzeLocation (POST /analyze-location)', () => {
      it('proposes a Component named after a repository without a catalog file', async () => {
        const result = await client.analyzeLocation(
          { location: { type: 'url', target: url('/acme/payments') } },
          options,
        );
        expect(result).toEqual({
          existingEntityFiles: [],
          generateEntities: [
            {
              entity: {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Component',
                metadata: { name: 'payments' },
                spec: { type: 'other', lifecycle: 'unknown' },
              },
              fields: [],
            },
          ],
        });
      });

      it('proposes nothing when the repository has a catalog file', async () => {
        const result = await client.analyzeLocation(
          { location: { type: 'url', target: url('/repos/one') } },
          options,
        );
        expect(result.existingEntityFiles.map((file) => file.entity.metadata.name)).toEqual(['one']);
        expect(result.generateEntities).toEqual([]);
      });
    });

    describe('presence on POST /locations', () => {
      it('registers an optional location whose file does not exist yet without an error', async () => {
        const res = await post('/locations', {
          type: 'url',
          target: url('/repos/later/catalog-info.yaml'),
          presence: 'optional',
        });
        expect(res.status).toBe(201);
        const { location } = (await res.json()) as { location: Location };
        await readOnce(location.id);
        const status = (await (await host.fetch(`/api/catalog/locations/${location.id}/status`)).json()) as {
          errors: unknown[];
        };
        expect(status.errors).toEqual([]);
        const required = await post('/locations', {
          type: 'url',
          target: url('/repos/absent/catalog-info.yaml'),
        });
        const registered = ((await required.json()) as { location: Location }).location;
        await readOnce(registered.id);
        const failed = (await (
          await host.fetch(`/api/catalog/locations/${registered.id}/status`)
        ).json()) as {
          errors: unknown[];
        };
        expect(failed.errors).toHaveLength(1);
      });

      it('refuses a presence Backstage does not know', async () => {
        const res = await post('/locations', {
          type: 'url',
          target: url('/repos/x.yaml'),
          presence: 'maybe',
        });
        expect(res.status).toBe(400);
      });
    });
  },
);
