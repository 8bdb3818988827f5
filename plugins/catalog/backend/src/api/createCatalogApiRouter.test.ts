import { join } from 'node:path';
import {
  createTestDatabase,
  createTestHost,
  TEST_DATABASE_KINDS,
  TEST_TOKEN,
  type TestDatabase,
  type TestHost,
} from '@atrium/backend/testing';
import type { EntityRelationSpec } from '@atrium/plugin-api';
import { CATALOG_FILTER_EXISTS, CatalogClient } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';

const root = 'https://example.com/catalog-info.yaml';
const teams = 'https://example.com/teams/all.yaml';

function component(i: number): Entity {
  const name = `component-${String(i).padStart(2, '0')}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      title: i === 7 ? 'The Payments Gateway' : `Component ${i}`,
      tags: i % 3 === 0 ? ['java', 'c++'] : ['go'],
      annotations: {
        'backstage.io/managed-by-location': `url:${root}`,
        ...(i === 5 ? { 'example.com/query': 'a=b' } : {}),
      },
    },
    spec: { type: i % 2 === 0 ? 'service' : 'website', lifecycle: 'production', owner: 'team-a' },
  };
}

const ownedBy: EntityRelationSpec = {
  type: 'ownedBy',
  inverseType: 'ownerOf',
  targetRef: 'group:default/team-a',
};

const upserts = [
  {
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: {
        name: 'generated-root',
        annotations: { 'backstage.io/managed-by-location': `url:${root}` },
      },
      spec: { type: 'url', target: root },
    },
  },
  {
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'nested', annotations: { 'backstage.io/managed-by-location': `url:${root}` } },
      spec: { type: 'url', targets: ['./teams/all.yaml'] },
    },
  },
  {
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-a', annotations: { 'backstage.io/managed-by-location': `url:${teams}` } },
      spec: { type: 'team', children: [] },
    },
  },
  {
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'petstore', annotations: { 'backstage.io/managed-by-location': `url:${root}` } },
      spec: { type: 'openapi', lifecycle: 'production', owner: 'team-a', definition: 'openapi: 3.0.0' },
    },
    relations: [ownedBy],
  },
  ...Array.from({ length: 25 }, (_, i) => ({ entity: component(i), relations: [ownedBy] })),
];

const componentNames = Array.from({ length: 25 }, (_, i) => component(i).metadata.name);

describe.each(TEST_DATABASE_KINDS)('the catalog API driven by @backstage/catalog-client on %s', (kind) => {
  let database: TestDatabase;
  let host: TestHost;
  let client: CatalogClient;
  const options = { token: TEST_TOKEN };
  const names = (entities: Array<Entity | undefined>) => entities.map((e) => e?.metadata.name);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    host = await createTestHost({
      pluginDirs: [join(__dirname, '__fixtures__/plugins')],
      enabled: { catalog: {} },
      database,
    });
    const res = await host.fetch('/api/catalog/test/mutation', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upserts }),
    });
    expect(res.status).toBe(200);
    const url = host.backend.url;
    client = new CatalogClient({ discoveryApi: { getBaseUrl: async () => `${url}/api/catalog` } });
  });

  afterAll(async () => {
    await host?.stop();
    await database?.destroy();
  });

  describe('getEntities', () => {
    it('lists every entity when no page is asked', async () => {
      const { items } = await client.getEntities({}, options);
      expect(items).toHaveLength(upserts.length);
    });

    it('ORs filter sets and ANDs the conditions inside one', async () => {
      const { items } = await client.getEntities(
        {
          filter: [{ kind: 'component', 'spec.type': 'service', 'metadata.tags': 'java' }, { kind: 'API' }],
          order: { field: 'metadata.name', order: 'asc' },
        },
        options,
      );
      expect(names(items)).toEqual([
        'component-00',
        'component-06',
        'component-12',
        'component-18',
        'component-24',
        'petstore',
      ]);
    });

    it('treats a repeated key as any of its values and a bare key as existence', async () => {
      const { items } = await client.getEntities(
        {
          filter: { kind: ['group', 'location'], 'spec.type': CATALOG_FILTER_EXISTS },
          order: { field: 'metadata.name', order: 'asc' },
        },
        options,
      );
      expect(names(items)).toEqual(['generated-root', 'nested', 'team-a']);
    });

    it('keeps = and + inside a value, and matches relations and array items as keys', async () => {
      const byAnnotation = await client.getEntities(
        { filter: { 'metadata.annotations.example.com/query': 'a=b' } },
        options,
      );
      expect(names(byAnnotation.items)).toEqual(['component-05']);
      const byTag = await client.getEntities(
        { filter: { kind: 'component', 'metadata.tags': 'C++' } },
        options,
      );
      expect(byTag.items).toHaveLength(9);
      const byItemKey = await client.getEntities(
        { filter: { 'metadata.tags.java': CATALOG_FILTER_EXISTS } },
        options,
      );
      expect(byItemKey.items).toHaveLength(9);
      const owned = await client.getEntities(
        { filter: { 'relations.ownedby': 'group:default/team-a' } },
        options,
      );
      expect(owned.items).toHaveLength(26);
    });

    it('keeps encoded separators inside values when a caller writes the separators literally', async () => {
      const res = await host.fetch(
        '/api/catalog/entities?filter=kind=component,metadata.annotations.example.com%2Fquery=a%3Db&fields=metadata.name',
      );
      expect(await res.json()).toEqual([{ metadata: { name: 'component-05' } }]);
    });

    it('projects fields, orders descending and pages with offset and limit', async () => {
      const { items } = await client.getEntities(
        {
          filter: { kind: 'component' },
          fields: ['kind', 'metadata.name'],
          order: { field: 'metadata.name', order: 'desc' },
          offset: 2,
          limit: 3,
        },
        options,
      );
      expect(items).toEqual([
        { kind: 'Component', metadata: { name: 'component-22' } },
        { kind: 'Component', metadata: { name: 'component-21' } },
        { kind: 'Component', metadata: { name: 'component-20' } },
      ]);
    });

    it('links to the next page with an after cursor until the last page', async () => {
      const seen: string[] = [];
      let path: string | undefined =
        '/entities?filter=kind%3Dcomponent&limit=10&offset=0&order=asc%3Ametadata.name';
      let pages = 0;
      while (path && pages < 10) {
        const res = await host.fetch(`/api/catalog${path}`);
        expect(res.status).toBe(200);
        seen.push(...((await res.json()) as Entity[]).map((e) => e.metadata.name));
        path = /^<([^>]+)>; rel="next"$/.exec(res.headers.get('link') ?? '')?.[1];
        pages++;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(componentNames);
    });
  });

  describe('queryEntities', () => {
    it('pages through every match with cursors, without gaps or duplicates, and back', async () => {
      const seen: string[] = [];
      let page = await client.queryEntities(
        { filter: { kind: 'component' }, orderFields: { field: 'metadata.name', order: 'asc' }, limit: 7 },
        options,
      );
      expect(page.totalItems).toBe(25);
      expect(page.pageInfo.prevCursor).toBeUndefined();
      seen.push(...names(page.items).map(String));
      const cursors: string[] = [];
      while (page.pageInfo.nextCursor && cursors.length < 10) {
        cursors.push(page.pageInfo.nextCursor);
        page = await client.queryEntities({ cursor: page.pageInfo.nextCursor, limit: 7 }, options);
        seen.push(...names(page.items).map(String));
      }
      expect(seen).toEqual(componentNames);
      expect(cursors).toHaveLength(3);
      expect(cursors.every((cursor) => !('query' in JSON.parse(atob(cursor))))).toBe(true);
      const back = await client.queryEntities(
        { cursor: page.pageInfo.prevCursor as string, limit: 7 },
        options,
      );
      expect(names(back.items)).toEqual(componentNames.slice(14, 21));
    });

    it('continues a predicate query by POST with cursors that carry the query', async () => {
      const seen: string[] = [];
      let page = await client.queryEntities(
        {
          query: { $all: [{ kind: 'component' }, { 'spec.type': { $in: ['service'] } }] },
          orderFields: [{ field: 'metadata.name', order: 'desc' }],
          fields: ['metadata.name'],
          limit: 5,
        },
        options,
      );
      seen.push(...names(page.items).map(String));
      while (page.pageInfo.nextCursor && seen.length < 50) {
        expect('query' in JSON.parse(atob(page.pageInfo.nextCursor))).toBe(true);
        page = await client.queryEntities(
          { cursor: page.pageInfo.nextCursor, fields: ['metadata.name'], limit: 5 },
          options,
        );
        seen.push(...names(page.items).map(String));
      }
      expect(seen).toEqual(componentNames.filter((_, i) => i % 2 === 0).reverse());
      expect(page.items[0]).toEqual({ metadata: { name: 'component-04' } });
    });

    it('skips an offset, excludes the count on request and filters by full text', async () => {
      const page = await client.queryEntities(
        {
          filter: { kind: 'component' },
          orderFields: { field: 'metadata.name', order: 'asc' },
          offset: 20,
          limit: 3,
          totalItems: 'exclude',
        },
        options,
      );
      expect(names(page.items)).toEqual(['component-20', 'component-21', 'component-22']);
      expect(page.totalItems).toBe(0);
      expect(page.pageInfo.prevCursor).toBeDefined();
      const found = await client.queryEntities(
        { fullTextFilter: { term: 'payments gate' }, limit: 5 },
        options,
      );
      expect(names(found.items)).toEqual(['component-07']);
    });

    it('looks a full-text term up in the named fields only, by GET and by POST', async () => {
      const inFields = async (term: string, fields: string[], query?: { 'spec.type': string }) =>
        names(
          (
            await client.queryEntities(
              { ...(query ? { query } : {}), fullTextFilter: { term, fields }, limit: 50 },
              options,
            )
          ).items,
        );
      expect(await inFields('PAYMENTS', ['metadata.title'])).toEqual(['component-07']);
      expect(await inFields('payments', ['metadata.name', 'spec.type'])).toEqual([]);
      // Inside a word, as Backstage's LIKE '%term%': the names, not the titles ('Component 1').
      expect(await inFields('nent-1', ['metadata.name'])).toEqual(componentNames.slice(10, 20));
      expect(await inFields('nent 1', ['metadata.title', 'metadata.name'])).toEqual([
        'component-01',
        ...componentNames.slice(10, 20),
      ]);
      expect(await inFields('c++', ['metadata.tags'])).toEqual(componentNames.filter((_, i) => i % 3 === 0));
      expect(await inFields('c++', ['metadata.tags'], { 'spec.type': 'service' })).toEqual(
        componentNames.filter((_, i) => i % 6 === 0),
      );
    });

    it('orders by several fields, lacking values last, over cursor pages forwards and back', async () => {
      const orderFields = [
        { field: 'spec.lifecycle', order: 'asc' as const },
        { field: 'metadata.tags', order: 'desc' as const },
        { field: 'metadata.name', order: 'desc' as const },
      ];
      // Each entity sorts by its smallest tag: 'go' before 'c++' descending; the API has none,
      // and the group and locations have no lifecycle.
      const expected = [
        ...componentNames.filter((_, i) => i % 3 !== 0).reverse(),
        ...componentNames.filter((_, i) => i % 3 === 0).reverse(),
        'petstore',
        'team-a',
        'nested',
        'generated-root',
      ];
      for (const query of [undefined, { kind: { $exists: true } }]) {
        const pages: string[][] = [];
        let page = await client.queryEntities(
          { ...(query ? { query } : {}), orderFields, limit: 6 },
          options,
        );
        pages.push(names(page.items).map(String));
        while (page.pageInfo.nextCursor && pages.length < 10) {
          page = await client.queryEntities({ cursor: page.pageInfo.nextCursor, limit: 6 }, options);
          pages.push(names(page.items).map(String));
        }
        expect(pages.flat()).toEqual(expected);
        for (let i = pages.length - 2; i >= 0; i--) {
          page = await client.queryEntities(
            { cursor: page.pageInfo.prevCursor as string, limit: 6 },
            options,
          );
          expect(names(page.items)).toEqual(pages[i]);
        }
        expect(page.pageInfo.prevCursor).toBeUndefined();
      }
      const { items } = await client.getEntities(
        {
          filter: { kind: 'component' },
          order: [
            { field: 'spec.type', order: 'desc' },
            { field: 'metadata.name', order: 'desc' },
          ],
          limit: 3,
        },
        options,
      );
      expect(names(items)).toEqual(['component-23', 'component-21', 'component-19']);
    });

    it('streams every page of a large listing', async () => {
      const pages: Entity[][] = [];
      for await (const page of client.streamEntities(
        { filter: { kind: 'component' }, pageSize: 10 },
        options,
      )) {
        pages.push(page);
      }
      expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
      expect(new Set(pages.flat().map((e) => e.metadata.name)).size).toBe(25);
    });
  });

  describe('single entities', () => {
    it('gets entities by refs aligned with the input, missing or filtered ones undefined', async () => {
      const { items } = await client.getEntitiesByRefs(
        {
          entityRefs: [
            'component:default/component-01',
            'component:default/nope',
            'Group:team-a',
            'api:petstore',
            'not a ref',
          ],
          fields: ['kind', 'metadata.name'],
          filter: { kind: ['component', 'group'] },
        },
        options,
      );
      expect(items).toEqual([
        { kind: 'Component', metadata: { name: 'component-01' } },
        undefined,
        { kind: 'Group', metadata: { name: 'team-a' } },
        undefined,
        undefined,
      ]);
    });

    it('gets an entity by ref with its relations, and undefined for an unknown one', async () => {
      const group = await client.getEntityByRef('group:default/Team-A', options);
      expect(group?.relations).toHaveLength(26);
      expect(await client.getEntityByRef('component:default/nope', options)).toBeUndefined();
    });

    it('counts facets restricted by a filter or a predicate', async () => {
      const { facets } = await client.getEntityFacets(
        { facets: ['spec.type', 'kind'], filter: { 'metadata.tags': 'java' } },
        options,
      );
      expect(facets).toEqual({
        'spec.type': [
          { value: 'service', count: 5 },
          { value: 'website', count: 4 },
        ],
        kind: [{ value: 'Component', count: 9 }],
      });
      const byQuery = await client.getEntityFacets(
        { facets: ['kind'], query: { kind: { $in: ['api', 'group'] } } },
        options,
      );
      expect(byQuery.facets).toEqual({
        kind: [
          { value: 'API', count: 1 },
          { value: 'Group', count: 1 },
        ],
      });
    });

    it('walks the ancestry through the Location entities that read each file', async () => {
      const ancestry = await client.getEntityAncestors({ entityRef: 'group:default/team-a' }, options);
      expect(ancestry.rootEntityRef).toBe('group:default/team-a');
      expect(ancestry.items.map((i) => [i.entity.metadata.name, i.parentEntityRefs])).toEqual([
        ['team-a', ['location:default/nested']],
        ['nested', ['location:default/generated-root']],
        ['generated-root', []],
      ]);
    });

    it('refreshes a known entity and refuses an unknown one', async () => {
      await client.refreshEntity('Component:default/component-03', options);
      const refreshed = await (await host.fetch('/api/catalog/test/refreshed')).json();
      expect(refreshed).toEqual(['component:default/component-03']);
      await expect(client.refreshEntity('component:default/nope', options)).rejects.toThrow(
        /404|No such entity/,
      );
    });

    it('validates an entity and reports the validator errors', async () => {
      const entity = component(1);
      expect(await client.validateEntity(entity, `url:${root}`, options)).toEqual({ valid: true });
      const { spec: _spec, ...specless } = entity;
      const result = await client.validateEntity(specless, `url:${root}`, options);
      expect(result).toEqual({
        valid: false,
        errors: [
          {
            name: 'InputError',
            message: `Entity at url:${root} has no spec`,
            code: 'INPUT_ERROR',
            path: '/spec',
          },
        ],
      });
    });

    it('deletes an entity by uid, idempotently', async () => {
      const entity = await client.getEntityByRef('component:default/component-24', options);
      const uid = entity?.metadata.uid as string;
      expect((await host.fetch(`/api/catalog/entities/by-uid/${uid}`)).status).toBe(200);
      await client.removeEntityByUid(uid, options);
      await client.removeEntityByUid(uid, options);
      expect(await client.getEntityByRef('component:default/component-24', options)).toBeUndefined();
      const res = await host.fetch(`/api/catalog/entities/by-uid/${uid}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
        `No entity with uid ${uid}`,
      );
    });
  });

  describe('large results', () => {
    const resources = Array.from({ length: 1100 }, (_, i) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: `db-${String(i).padStart(4, '0')}` },
      spec: { type: 'database', owner: 'team-a' },
    }));

    beforeAll(async () => {
      const res = await host.fetch('/api/catalog/test/mutation', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ upserts: resources.map((entity) => ({ entity })) }),
      });
      expect(res.status).toBe(200);
    });

    it('streams a listing longer than one store page, in order and complete', async () => {
      const { items } = await client.getEntities(
        {
          filter: { kind: 'resource' },
          fields: ['metadata.name'],
          order: { field: 'metadata.name', order: 'asc' },
        },
        options,
      );
      expect(names(items)).toEqual(resources.map((r) => r.metadata.name));
    });

    it('pages with a limit larger than one store page', async () => {
      const res = await host.fetch(
        '/api/catalog/entities?filter=kind=resource&fields=metadata.name&limit=1050&offset=25',
      );
      const page = (await res.json()) as Entity[];
      expect(names(page)).toEqual(resources.slice(25, 1075).map((r) => r.metadata.name));
      expect(res.headers.get('link')).toMatch(/after=/);
    });

    it('answers by-refs for more refs than one store lookup, aligned', async () => {
      const refs = resources.map((r) => `resource:default/${r.metadata.name}`).reverse();
      const { items } = await client.getEntitiesByRefs(
        { entityRefs: refs, fields: ['metadata.name'] },
        options,
      );
      expect(names(items)).toEqual(resources.map((r) => r.metadata.name).reverse());
    });
  });

  describe('bad requests', () => {
    const errorOf = async (res: Response) => {
      expect(res.status).toBe(400);
      return (
        (await res.json()) as { error: { name: string; message: string }; response: { statusCode: number } }
      ).error;
    };

    it('refuses array index fields, a bad order and a malformed cursor with 400s in the Backstage body', async () => {
      expect(
        (await errorOf(await host.fetch('/api/catalog/entities?fields=metadata.tags[0]'))).message,
      ).toMatch(/array type fields are not supported/);
      expect((await errorOf(await host.fetch('/api/catalog/entities?order=up:metadata.name'))).message).toBe(
        'Invalid order parameter "up:metadata.name", expected "<asc or desc>:<field name>"',
      );
      expect(
        (await errorOf(await host.fetch('/api/catalog/entities/by-query?cursor=bm9wZQ'))).message,
      ).toMatch(/^Malformed cursor/);
      expect((await errorOf(await host.fetch('/api/catalog/entities?limit=0'))).name).toBe('InputError');
      expect((await errorOf(await host.fetch('/api/catalog/entity-facets'))).message).toBe(
        'Missing facet parameter',
      );
    });

    it('answers validate-entity for a non-url location with the errors body, not the error body', async () => {
      const res = await host.fetch('/api/catalog/validate-entity', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entity: component(1), location: 'file:/tmp/x.yaml' }),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: Array<{ message: string }> };
      expect(body.errors.map((e) => e.message)).toEqual([
        "Invalid location ref file:/tmp/x.yaml, only 'url:<target>' is supported, e.g. url:https://host/path",
      ]);
    });
  });
});
