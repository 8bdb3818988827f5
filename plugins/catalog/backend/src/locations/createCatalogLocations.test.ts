import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  createTestHost,
  TEST_DATABASE_KINDS,
  type TestDatabase,
  type TestHost,
  waitFor,
} from '@atrium/backend/testing';
import type { Entity } from '@atrium/plugin-api';
import { createSourceServer, type SourceServer } from './__fixtures__/createSourceServer';
import { REJECTED_URL } from './annotateEntity';
import type { Location } from './Location';
import type { LocationStatus } from './LocationStatus';

// Every url location in this suite is served by a LOCAL HTTP SERVER (createSourceServer) standing in for a git host.

const root = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
  annotations:
    backstage.io/view-url: 'javascript:alert(1)'
spec:
  type: service
  lifecycle: production
  owner: team-a
  providesApis: [payments-api]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: payments-api
spec:
  type: openapi
  lifecycle: production
  owner: team-a
  definition:
    $text: ./openapi.yaml
---
apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: more
spec:
  targets: [./sub/catalog-info.yaml]
`;

const sub = `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: payments-db
spec:
  type: database
  owner: team-a
  settings:
    $json: ../settings.json
  schema:
    $yaml: ./schema.yaml
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: intruder
spec:
  memberOf: []
`;

function component(name: string, extra = ''): string {
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: production
  owner: team-a
${extra}`;
}

const org = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: alice
spec:
  memberOf: [team-a]
`;

interface Registered {
  location: Location;
  entities: Entity[];
  exists?: boolean;
}

describe.each(TEST_DATABASE_KINDS)('the catalog locations on %s', (kind) => {
  let server: SourceServer;
  let database: TestDatabase;
  let host: TestHost;
  let dir: string;

  const json = async <T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> => {
    const res = await host.fetch(`/api/catalog${path}`, init);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const post = <T>(path: string, body: unknown) =>
    json<T>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const entity = (ref: string) => json<Entity>(`/test/entities/${ref.replace(':', '/')}`);
  const status = async (id: string) => (await json<LocationStatus>(`/locations/${id}/status`)).body;
  const register = async (target: string): Promise<Registered> => {
    const res = await post<Registered>('/locations', { type: 'url', target });
    expect(res.status).toBe(201);
    await waitFor(`location ${target} to be read`, async () => {
      const current = await status(res.body.location.id);
      return current.lastRefreshAt !== undefined && !current.inProgress;
    });
    return res.body;
  };
  const refreshAll = async () => {
    const res = await post<LocationStatus[]>('/test/refresh-all', {});
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    server = await createSourceServer();
    server.set('/repo/catalog-info.yaml', root);
    server.set('/repo/openapi.yaml', 'openapi: 3.0.0\n');
    server.set('/repo/settings.json', '{"replicas": 3}');
    server.set('/repo/sub/schema.yaml', 'tables: [accounts]\n');
    server.set('/repo/sub/catalog-info.yaml', sub);
    dir = await mkdtemp(join(tmpdir(), 'atrium-locations-'));
    await writeFile(join(dir, 'org.yaml'), org);
    database = await createTestDatabase(kind);
    host = await createTestHost({
      pluginDirs: [join(__dirname, '__fixtures__/plugins')],
      enabled: { catalog: {} },
      database,
      config: {
        backend: { reading: { allow: [{ host: server.host }] }, logging: { level: 'error' } },
        catalog: {
          refreshInterval: '1h',
          locations: [{ type: 'file', target: join(dir, 'org.yaml') }],
          limits: { maxDocumentBytes: 4096, maxAliases: 5, maxDepth: 16 },
        },
      },
    });
    await refreshAll();
  });
  afterAll(async () => {
    await host?.stop();
    await database?.destroy();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads config file locations, trusted with User and Group entities', async () => {
    expect((await entity('user:default/alice')).status).toBe(200);
    const group = (await entity('group:default/team-a')).body;
    expect(group.metadata.annotations?.['backstage.io/managed-by-location']).toBe(
      `file:${join(dir, 'org.yaml')}`,
    );
    expect(group.relations).toContainEqual({ type: 'hasMember', targetRef: 'user:default/alice' });
  });

  it('registers a url location, follows relative targets and resolves placeholders over HTTP', async () => {
    const { location, entities } = await register(`${server.base}/repo/catalog-info.yaml`);
    expect(location).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'url',
      target: `${server.base}/repo/catalog-info.yaml`,
      entityRef: expect.stringMatching(/^location:default\/generated-[0-9a-f]{40}$/),
    });
    expect(entities).toEqual([]);
    const api = (await entity('api:default/payments-api')).body;
    expect(api.spec?.definition).toBe('openapi: 3.0.0\n');
    const db = (await entity('resource:default/payments-db')).body;
    expect(db.spec?.settings).toEqual({ replicas: 3 });
    expect(db.spec?.schema).toEqual({ tables: ['accounts'] });
    expect(db.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location': `url:${server.base}/repo/sub/catalog-info.yaml`,
      'backstage.io/managed-by-origin-location': `url:${server.base}/repo/catalog-info.yaml`,
      'backstage.io/source-location': `url:${server.base}/repo/sub/`,
      'backstage.io/view-url': `${server.base}/repo/sub/catalog-info.yaml`,
      'backstage.io/edit-url': `${server.base}/repo/sub/catalog-info.yaml`,
    });
    expect((await entity(location.entityRef)).body.spec).toEqual({
      type: 'url',
      target: `${server.base}/repo/catalog-info.yaml`,
    });
  });

  it('stores relations in both directions and replaces javascript: view URLs', async () => {
    const payments = (await entity('component:default/payments')).body;
    expect(payments.relations).toEqual(
      expect.arrayContaining([
        { type: 'ownedBy', targetRef: 'group:default/team-a' },
        { type: 'providesApi', targetRef: 'api:default/payments-api' },
      ]),
    );
    expect(payments.metadata.annotations?.['backstage.io/view-url']).toBe(REJECTED_URL);
    expect((await entity('api:default/payments-api')).body.relations).toContainEqual({
      type: 'apiProvidedBy',
      targetRef: 'component:default/payments',
    });
  });

  it('refuses User entities from an API location by default and says so on the location status', async () => {
    expect((await entity('user:default/intruder')).status).toBe(404);
    const [registered] = (await json<Array<{ data: Location }>>('/locations')).body;
    const current = await status(registered?.data.id ?? '');
    expect(current.errors).toEqual([
      {
        name: 'NotAllowedError',
        message: `url:${server.base}/repo/sub/catalog-info.yaml document 2: User 'intruder': kind 'User' is not allowed from this location; allow it in catalog.rules`,
      },
    ]);
  });

  it('answers 409 for a location registered twice, and 400 for a file location or a malformed body', async () => {
    const again = await post<{ error: { name: string; message: string } }>('/locations', {
      type: 'url',
      target: `${server.base}/repo/catalog-info.yaml`,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      `Location url:${server.base}/repo/catalog-info.yaml already exists`,
    );
    const file = await post<{ error: { message: string } }>('/locations', {
      type: 'file',
      target: '/etc/passwd',
    });
    expect(file.status).toBe(400);
    expect(file.body.error.message).toBe('Registered locations must be of an allowed type ["url"]');
    expect((await post('/locations', { type: 'url' })).status).toBe(400);
    const notUrl = await post<{ error: { message: string } }>('/locations', {
      type: 'url',
      target: '/etc/passwd',
    });
    expect(notUrl.status).toBe(400);
    expect(notUrl.body.error.message).toBe("Location target '/etc/passwd' is not an http(s) URL");
  });

  it('refreshes an existing location instead of answering 409 with onConflict=refresh', async () => {
    const res = await post<Registered>('/locations?onConflict=refresh', {
      type: 'url',
      target: `${server.base}/repo/catalog-info.yaml`,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ entities: [], exists: true, location: { type: 'url' } });
  });

  it('lists, gets and finds locations by entity, with 404s in Backstage words', async () => {
    const list = (await json<Array<{ data: Location }>>('/locations')).body;
    expect(list.map((l) => l.data.target)).toEqual([`${server.base}/repo/catalog-info.yaml`]);
    const id = list[0]?.data.id as string;
    expect((await json<Location>(`/locations/${id}`)).body).toEqual(list[0]?.data);
    expect((await json<Location>('/locations/by-entity/resource/default/payments-db')).body).toEqual(
      list[0]?.data,
    );
    const missing = await json<{ error: { message: string } }>(
      '/locations/00000000-0000-0000-0000-000000000000',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Found no location with ID 00000000-0000-0000-0000-000000000000');
    expect((await json('/locations/by-entity/component/default/nope')).status).toBe(404);
    expect((await json('/locations/by-entity/user/default/alice')).status).toBe(404);
  });

  it('previews a location with dryRun, storing nothing', async () => {
    server.set('/preview/catalog-info.yaml', component('preview-a'));
    const res = await post<Registered>('/locations?dryRun=true', {
      type: 'url',
      target: `${server.base}/preview/catalog-info.yaml`,
    });
    expect(res.status).toBe(201);
    expect(res.body.exists).toBe(false);
    expect(res.body.location.id).toBe(`url:${server.base}/preview/catalog-info.yaml`);
    expect(res.body.entities.map((e) => `${e.kind}:${e.metadata.name}`)).toEqual([
      `Location:${res.body.location.entityRef.split('/')[1]}`,
      'Component:preview-a',
    ]);
    expect(res.body.entities[1]?.relations).toEqual([{ type: 'ownedBy', targetRef: 'group:default/team-a' }]);
    expect((await entity('component:default/preview-a')).status).toBe(404);
    await register(`${server.base}/preview/catalog-info.yaml`);
    const again = await post<Registered>('/locations?dryRun=true', {
      type: 'url',
      target: `${server.base}/preview/catalog-info.yaml`,
    });
    expect(again.body.exists).toBe(true);
  });

  it('answers a dryRun of a location with processing errors with 400 listing them', async () => {
    const res = await post<{ error: { name: string; message: string } }>('/locations?dryRun=true', {
      type: 'url',
      target: `${server.base}/repo/sub/catalog-info.yaml`,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: `url:${server.base}/repo/sub/catalog-info.yaml document 2: User 'intruder': kind 'User' is not allowed from this location; allow it in catalog.rules`,
    });
  });

  it('keeps the last good entities when the source fails, with the error on them and on the location', async () => {
    server.set('/flaky/catalog-info.yaml', component('flaky'));
    const { location } = await register(`${server.base}/flaky/catalog-info.yaml`);
    expect((await entity('component:default/flaky')).status).toBe(200);
    for (const [break_, expected] of [
      [() => server.fail('/flaky/catalog-info.yaml', 500), 'HTTP 500'],
      [() => server.fail('/flaky/catalog-info.yaml', 404), 'was not found (404)'],
      [() => server.set('/flaky/catalog-info.yaml', 'kind: [unclosed'), 'YAML error'],
    ] as const) {
      break_();
      await refreshAll();
      const kept = (await entity('component:default/flaky')).body;
      expect(kept.status?.items?.[0]).toMatchObject({
        type: 'backstage.io/catalog-processing',
        level: 'error',
      });
      expect(kept.status?.items?.[0]?.message).toContain(expected);
      expect((await status(location.id)).errors[0]?.message).toContain(expected);
    }
    server.set('/flaky/catalog-info.yaml', component('flaky'));
    await refreshAll();
    expect((await entity('component:default/flaky')).body.status).toBeUndefined();
    expect(await status(location.id)).toMatchObject({ errors: [], entitiesRead: 2, inProgress: false });
  });

  it('deletes an entity its location no longer emits (orphanStrategy delete, no grace period)', async () => {
    server.set('/shrink/catalog-info.yaml', `${component('stays')}---\n${component('goes')}`);
    await register(`${server.base}/shrink/catalog-info.yaml`);
    expect((await entity('component:default/goes')).status).toBe(200);
    server.set('/shrink/catalog-info.yaml', component('stays'));
    await refreshAll();
    expect((await entity('component:default/goes')).status).toBe(404);
    expect((await entity('component:default/stays')).status).toBe(200);
  });

  it('skips a missing target of a Location with presence optional over HTTP, and reports it when required', async () => {
    const targets = (presence: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: maybe-${presence}\nspec:\n  presence: ${presence}\n  targets: [./absent.yaml, ./present.yaml]\n`;
    server.set('/optional/catalog-info.yaml', targets('optional'));
    server.set('/optional/present.yaml', component('present-optional'));
    server.set('/required/catalog-info.yaml', targets('required'));
    server.set('/required/present.yaml', component('present-required'));
    const optional = await register(`${server.base}/optional/catalog-info.yaml`);
    expect((await status(optional.location.id)).errors).toEqual([]);
    expect((await entity('component:default/present-optional')).status).toBe(200);
    const required = await register(`${server.base}/required/catalog-info.yaml`);
    expect((await status(required.location.id)).errors).toEqual([
      {
        name: 'NotFoundError',
        message: `url:${server.base}/required/absent.yaml: ${server.base}/required/absent.yaml was not found (404)`,
      },
    ]);
    expect((await entity('component:default/present-required')).status).toBe(200);
  });

  it('lets the first location keep an entity two locations claim and shows a conflict on the second', async () => {
    server.set('/first/catalog-info.yaml', component('contested', '  system: first\n'));
    server.set('/second/catalog-info.yaml', component('contested'));
    await register(`${server.base}/first/catalog-info.yaml`);
    const second = await register(`${server.base}/second/catalog-info.yaml`);
    const contested = (await entity('component:default/contested')).body;
    expect(contested.metadata.annotations?.['backstage.io/managed-by-origin-location']).toBe(
      `url:${server.base}/first/catalog-info.yaml`,
    );
    expect((await status(second.location.id)).errors).toEqual([
      {
        name: 'ConflictError',
        message: `Entity component:default/contested is already provided by location url:${server.base}/first/catalog-info.yaml; url:${server.base}/second/catalog-info.yaml may not claim it`,
      },
    ]);
  });

  it.each([
    ['size', `${component('big')}  description: ${'x'.repeat(5000)}\n`, 'the limit is 4096'],
    ['aliases', `${component('bomb')}  a: &a [x, x]\n  b: [*a, *a, *a, *a, *a, *a, *a, *a]\n`, 'alias'],
    [
      'depth',
      `${component('deep')}  nested: ${'['.repeat(40)}${']'.repeat(40)}\n`,
      'deeper than the limit of 16',
    ],
  ])(
    'refuses a file over the %s limit with a clear error and stores nothing',
    async (_limit, text, message) => {
      const path = `/limits-${_limit}/catalog-info.yaml`;
      server.set(path, text);
      const { location } = await register(`${server.base}${path}`);
      const [error] = (await status(location.id)).errors;
      expect(error?.message).toContain(message);
      expect(error?.message).toContain(`url:${server.base}${path}`);
      const name = text.split('\n')[3]?.split(': ')[1] as string;
      expect((await entity(`component:default/${name}`)).status).toBe(404);
    },
  );

  it('skips an unchanged location by etag', async () => {
    server.set('/etag/catalog-info.yaml', component('tagged'), { etag: true });
    await register(`${server.base}/etag/catalog-info.yaml`);
    const before = server.notModified;
    await refreshAll();
    expect(server.notModified).toBe(before + 1);
  });

  it('re-reads the location of one entity on refreshEntity, and 404s for an unknown entity', async () => {
    server.set('/refresh/catalog-info.yaml', component('refreshed'));
    await register(`${server.base}/refresh/catalog-info.yaml`);
    server.set('/refresh/catalog-info.yaml', component('refreshed', '  system: billing\n'));
    expect((await post('/test/refresh-entity', { entityRef: 'component:default/refreshed' })).status).toBe(
      200,
    );
    expect((await entity('component:default/refreshed')).body.spec?.system).toBe('billing');
    expect((await post('/test/refresh-entity', { entityRef: 'component:default/nope' })).status).toBe(404);
  });

  it('analyzes a repository URL and says whether its catalog file is registered', async () => {
    const res = await post<{ existingEntityFiles: Array<{ entity: Entity; isRegistered: boolean }> }>(
      '/analyze-location',
      { location: { type: 'url', target: `${server.base}/repo` } },
    );
    expect(res.status).toBe(200);
    expect(res.body.existingEntityFiles.map((f) => [f.entity.metadata.name, f.isRegistered])).toEqual([
      ['payments', true],
      ['payments-api', true],
      ['more', true],
    ]);
    const bad = await post<{ error: { message: string } }>('/analyze-location', {
      location: { type: 'url', target: 'not a url' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('The given location.target is not a URL');
  });

  it('deletes a location and its entities, answering 204 then 404', async () => {
    server.set('/gone/catalog-info.yaml', component('gone-soon'));
    const { location } = await register(`${server.base}/gone/catalog-info.yaml`);
    expect((await entity('component:default/gone-soon')).status).toBe(200);
    expect((await json(`/locations/${location.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await entity('component:default/gone-soon')).status).toBe(404);
    expect((await entity(location.entityRef)).status).toBe(404);
    expect((await json(`/locations/${location.id}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe.each(TEST_DATABASE_KINDS)('orphans on %s', (kind) => {
  let server: SourceServer;
  let database: TestDatabase;
  let host: TestHost;

  beforeAll(async () => {
    server = await createSourceServer();
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.destroy();
    await server?.close();
  });
  afterEach(() => host?.stop());

  it.each([
    ['keep', '0s'],
    ['delete', '1h'],
  ])(
    'annotates an entity its location no longer emits and keeps it (orphanStrategy %s, grace %s)',
    async (strategy, grace) => {
      host = await createTestHost({
        pluginDirs: [join(__dirname, '__fixtures__/plugins')],
        enabled: { catalog: {} },
        database,
        config: {
          backend: { reading: { allow: [{ host: server.host }] } },
          catalog: { refreshInterval: '1h', orphanStrategy: strategy, orphanGracePeriod: grace },
        },
      });
      const path = `/orphans-${strategy}/catalog-info.yaml`;
      server.set(path, `${component(`kept-${strategy}`)}---\n${component(`orphan-${strategy}`)}`);
      const call = (p: string, init?: RequestInit) => host.fetch(`/api/catalog${p}`, init);
      const created = await call('/locations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'url', target: `${server.base}${path}` }),
      });
      const { location } = (await created.json()) as Registered;
      await waitFor('the first read', async () => {
        const s = (await (await call(`/locations/${location.id}/status`)).json()) as LocationStatus;
        return s.lastRefreshAt !== undefined && !s.inProgress;
      });
      server.set(path, component(`kept-${strategy}`));
      await call('/test/refresh-all', { method: 'POST' });
      const orphan = (await (
        await call(`/test/entities/component/default/orphan-${strategy}`)
      ).json()) as Entity;
      expect(orphan.metadata.annotations?.['backstage.io/orphan']).toBe('true');
      const kept = (await (await call(`/test/entities/component/default/kept-${strategy}`)).json()) as Entity;
      expect(kept.metadata.annotations?.['backstage.io/orphan']).toBeUndefined();
    },
  );
});

describe('a read-only catalog', () => {
  it('answers 403 to registering and deleting locations but still allows a dry run', async () => {
    const server = await createSourceServer();
    server.set('/ro/catalog-info.yaml', component('ro'));
    const host = await createTestHost({
      pluginDirs: [join(__dirname, '__fixtures__/plugins')],
      enabled: { catalog: {} },
      config: {
        backend: { reading: { allow: [{ host: server.host }] }, logging: { level: 'error' } },
        catalog: { readonly: true },
      },
    });
    try {
      const register = (query: string) =>
        host.fetch(`/api/catalog/locations${query}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'url', target: `${server.base}/ro/catalog-info.yaml` }),
        });
      const refused = await register('');
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
        'This operation not allowed in readonly mode',
      );
      expect((await register('?dryRun=true')).status).toBe(201);
      expect((await host.fetch('/api/catalog/locations/x', { method: 'DELETE' })).status).toBe(403);
    } finally {
      await host.stop();
      await server.close();
    }
  });
});
