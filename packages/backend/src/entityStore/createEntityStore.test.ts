import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConflictError,
  type Entity,
  type EntityChangedPayload,
  type EntityPredicate,
  type EntityQueryRequest,
  type EntityStoreService,
  type EntityUpsert,
  InputError,
  ownedByPredicate,
} from '@atrium/plugin-api';
import type { Knex } from 'knex';
import { createTestDatabase, type TestDatabase } from '../testing';
import { createEntityStore, type EntityStore } from './createEntityStore';

function component(
  name: string,
  extra: { metadata?: Record<string, unknown>; spec?: Record<string, unknown> } = {},
) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, ...extra.metadata },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a', ...extra.spec },
  } satisfies Entity;
}

function upsert(entity: Entity, rest: Omit<EntityUpsert, 'entity'> = {}): EntityUpsert {
  return { entity, ...rest };
}

async function clearStore(knex: Knex, kind: string): Promise<void> {
  if (kind === 'postgres') {
    await knex.raw('TRUNCATE entities, search, search_facets, search_elements, relations, entity_text');
    return;
  }
  for (const table of ['entities', 'relations']) {
    await knex.raw(`DELETE FROM ${table}`);
  }
  for (const table of ['entity_search', 'element_search', 'entity_text']) {
    await knex.raw(`INSERT INTO ${table} (${table}) VALUES ('delete-all')`);
  }
}

async function refsOf(service: EntityStoreService, query: EntityPredicate): Promise<string[]> {
  const page = await service.query({ query, limit: 1000, fields: ['kind', 'metadata.name'] });
  // Counting takes other paths than listing; both must agree.
  expect(page.totalItems).toBe(page.items.length);
  return page.items.map((item) => `${item.kind}:default/${item.metadata.name}`.toLowerCase());
}

/** The names of every item of a query, following next cursors (bounded). */
async function walkPages(
  service: EntityStoreService,
  first: EntityQueryRequest,
  between: (page: number) => Promise<void> = async () => {},
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    // A read restriction is never kept in a cursor: it comes again with every page.
    const result = await service.query(
      cursor ? { cursor, limit: first.limit, restrict: first.restrict } : first,
    );
    seen.push(...result.items.map((item) => item.metadata.name));
    cursor = result.pageInfo.nextCursor;
    if (!cursor) {
      return seen;
    }
    await between(page);
  }
  throw new Error('Paging did not end');
}

/** The built worker that prepares SQLite upserts in the portal: `npm test` builds before it runs jest. */
const builtUpsertWorker = join(__dirname, '../../dist/entityStore/sqlite/sqliteUpsertWorker.js');

// Jest runs the sources, which prepare SQLite upserts in-thread; the second run sends every
// mutation of more than two upserts through the built worker, two upserts to a message.
const variants = [
  ['sqlite', 'sqlite', undefined],
  ['sqlite, upserts prepared by the built worker', 'sqlite', { workerFile: builtUpsertWorker, chunkSize: 2 }],
  ['postgres', 'postgres', undefined],
] as const;

describe.each(variants)('createEntityStore on %s', (_, kind, sqliteUpserts) => {
  let database: TestDatabase;
  let knex: Knex;
  let store: EntityStore;
  let catalog: EntityStoreService;
  let other: EntityStoreService;
  let published: EntityChangedPayload[][];
  let onPublish: (payloads: EntityChangedPayload[]) => Promise<void>;

  beforeAll(async () => {
    if (sqliteUpserts && !existsSync(sqliteUpserts.workerFile)) {
      throw new Error(`${sqliteUpserts.workerFile} is missing: run 'npm run build' first`);
    }
    database = await createTestDatabase(kind);
    knex = database.knex('core');
    if (kind === 'postgres') {
      await knex.raw('CREATE SCHEMA IF NOT EXISTS core');
    }
    const options = {
      knex,
      client: database.config.client,
      publish: (payloads: EntityChangedPayload[]) => onPublish(payloads),
      ...(sqliteUpserts ? { sqliteUpserts } : {}),
    };
    store = await createEntityStore(options);
    // Migrating twice is a no-op.
    await createEntityStore(options);
    catalog = store.forProvider('catalog');
    other = store.forProvider('other');
  });

  afterAll(async () => {
    await store.close();
    await database.destroy();
  });

  beforeEach(async () => {
    await clearStore(knex, kind);
    published = [];
    onPublish = async (payloads) => {
      published.push(payloads);
    };
  });

  describe('writes', () => {
    it('stores an entity with the default namespace, a uid and an etag', async () => {
      const result = await catalog.applyMutation({ upserts: [upsert(component('Payments'))] });
      expect(result).toEqual({ changed: ['component:default/payments'], unchanged: [], deleted: [] });
      const stored = await catalog.getByRef('component:default/payments');
      expect(stored?.metadata).toEqual({
        name: 'Payments',
        namespace: 'default',
        uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        etag: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
      expect(stored?.relations).toEqual([]);
    });

    it('keeps the uid across updates and changes the etag when the content changes', async () => {
      await catalog.applyMutation({ upserts: [upsert(component('a'))] });
      const before = await catalog.getByRef('component:default/a');
      await catalog.applyMutation({
        upserts: [upsert(component('a', { spec: { lifecycle: 'deprecated' } }))],
      });
      const after = await catalog.getByRef('component:default/a');
      expect(after?.metadata.uid).toBe(before?.metadata.uid);
      expect(after?.metadata.etag).not.toBe(before?.metadata.etag);
      expect(after?.spec?.lifecycle).toBe('deprecated');
    });

    it('skips an upsert with identical content and publishes nothing for it', async () => {
      await catalog.applyMutation({ upserts: [upsert(component('a'))] });
      const before = await catalog.getByRef('component:default/a');
      published = [];
      const result = await catalog.applyMutation({
        upserts: [upsert(component('a')), upsert(component('b'))],
      });
      expect(result).toEqual({
        changed: ['component:default/b'],
        unchanged: ['component:default/a'],
        deleted: [],
      });
      expect(published).toEqual([
        [
          {
            change: 'upserted',
            entityRef: 'component:default/b',
            uid: expect.any(String),
            provider: 'catalog',
          },
        ],
      ]);
      expect((await catalog.getByRef('component:default/a'))?.metadata.etag).toBe(before?.metadata.etag);
    });

    it('publishes one event per changed or deleted entity only after the commit', async () => {
      await catalog.applyMutation({ upserts: [upsert(component('gone'))] });
      published = [];
      const seenWhilePublishing: Array<string | undefined> = [];
      onPublish = async (payloads) => {
        published.push(payloads);
        // Reads through the store; on SQLite this would wait forever inside the transaction.
        const read = await catalog.getByRefs(['component:default/new', 'component:default/gone']);
        seenWhilePublishing.push(...read.map((entity) => entity?.metadata.name));
      };
      const gone = await catalog.getByRef('component:default/gone');
      await catalog.applyMutation({
        upserts: [upsert(component('new'))],
        deletes: ['component:default/gone'],
      });
      const created = await catalog.getByRef('component:default/new');
      expect(published).toEqual([
        [
          {
            change: 'upserted',
            entityRef: 'component:default/new',
            uid: created?.metadata.uid,
            provider: 'catalog',
          },
          {
            change: 'deleted',
            entityRef: 'component:default/gone',
            uid: gone?.metadata.uid,
            provider: 'catalog',
          },
        ],
      ]);
      expect(seenWhilePublishing).toEqual(['new', undefined]);
    });

    it("refuses to overwrite or delete another plugin's entity and writes nothing", async () => {
      await catalog.applyMutation({ upserts: [upsert(component('owned'))] });
      published = [];
      const overwrite = other.applyMutation({
        upserts: [upsert(component('fresh')), upsert(component('owned', { spec: { owner: 'me' } }))],
      });
      await expect(overwrite).rejects.toThrow(ConflictError);
      await expect(overwrite).rejects.toThrow(
        "Entity 'component:default/owned' is provided by plugin 'catalog'; plugin 'other' cannot write or delete it",
      );
      await expect(other.applyMutation({ deletes: ['Component:default/Owned'] })).rejects.toThrow(
        ConflictError,
      );
      expect(await catalog.getByRef('component:default/fresh')).toBeUndefined();
      expect((await catalog.getByRef('component:default/owned'))?.spec?.owner).toBe('team-a');
      expect(published).toEqual([]);
    });

    it('deletes entities and ignores refs that do not exist', async () => {
      await catalog.applyMutation({ upserts: [upsert(component('a')), upsert(component('b'))] });
      const result = await catalog.applyMutation({
        deletes: ['component:default/a', 'component:default/missing'],
      });
      expect(result).toEqual({ changed: [], unchanged: [], deleted: ['component:default/a'] });
      expect(await refsOf(catalog, {})).toEqual(['component:default/b']);
    });

    it('refuses a ref twice in one mutation and entities without a name', async () => {
      await expect(
        catalog.applyMutation({ upserts: [upsert(component('a'))], deletes: ['component:default/A'] }),
      ).rejects.toThrow(InputError);
      await expect(
        catalog.applyMutation({ upserts: [upsert({ ...component('a'), metadata: { name: '' } })] }),
      ).rejects.toThrow('Entity #0 metadata.name must be a non-empty string');
    });

    it('writes nothing when an upsert late in a mutation is invalid or a ref comes again', async () => {
      // With the worker, these mutations span several chunks: the first ones are written before the bad one is seen.
      const many = Array.from({ length: 7 }, (_, i) => upsert(component(`late-${i}`)));
      await expect(
        catalog.applyMutation({ upserts: [...many.slice(0, 5), upsert({ ...component('x'), kind: '' })] }),
      ).rejects.toThrow(new InputError('Entity #5 kind must be a non-empty string'));
      await expect(
        catalog.applyMutation({ upserts: [...many, upsert(component('LATE-1'))] }),
      ).rejects.toThrow("Entity 'component:default/late-1' appears more than once in one mutation");
      expect(await refsOf(catalog, {})).toEqual([]);
      expect(published).toEqual([]);
    });

    it('applies two mutations sent at once, each whole', async () => {
      const batch = (prefix: string) =>
        Array.from({ length: 5 }, (_, i) => upsert(component(`${prefix}-${i}`)));
      const [first, second] = await Promise.all([
        catalog.applyMutation({ upserts: batch('one') }),
        catalog.applyMutation({ upserts: batch('two') }),
      ]);
      expect(first?.changed).toHaveLength(5);
      expect(second?.changed).toHaveLength(5);
      expect(await refsOf(catalog, {})).toHaveLength(10);
      expect(published.map((payloads) => payloads.length)).toEqual([5, 5]);
    });

    it('records the source and lists the provided entities, by source, page by page', async () => {
      await catalog.applyMutation({
        upserts: [
          upsert(component('a'), { source: 'loc-2' }),
          upsert(component('b'), { source: 'loc-1' }),
          upsert(component('c'), { source: 'loc-1' }),
          upsert(component('d')),
        ],
      });
      await other.applyMutation({ upserts: [upsert(component('x'), { source: 'loc-1' })] });
      const first = await catalog.listProvided({ limit: 2 });
      expect(first.items).toEqual([
        { entityRef: 'component:default/d', source: null },
        { entityRef: 'component:default/b', source: 'loc-1' },
      ]);
      const second = await catalog.listProvided({ limit: 2, cursor: first.nextCursor });
      expect(second).toEqual({
        items: [
          { entityRef: 'component:default/c', source: 'loc-1' },
          { entityRef: 'component:default/a', source: 'loc-2' },
        ],
      });
      expect((await catalog.listProvided({ source: 'loc-1' })).items.map((i) => i.entityRef)).toEqual([
        'component:default/b',
        'component:default/c',
      ]);
      await expect(catalog.listProvided({ cursor: 'nope' })).rejects.toThrow('Malformed cursor');
    });

    it('moves an entity to another source without reporting a change', async () => {
      await catalog.applyMutation({ upserts: [upsert(component('a'), { source: 'old' })] });
      const result = await catalog.applyMutation({ upserts: [upsert(component('a'), { source: 'new' })] });
      expect(result.unchanged).toEqual(['component:default/a']);
      expect((await catalog.listProvided()).items).toEqual([
        { entityRef: 'component:default/a', source: 'new' },
      ]);
    });
  });

  describe('reads', () => {
    it('finds entities by ref case-insensitively, as an object or as the stored JSON text', async () => {
      await catalog.applyMutation({
        upserts: [upsert({ ...component('Payments'), metadata: { name: 'Payments', namespace: 'Ops' } })],
      });
      const object = await catalog.getByRef({ kind: 'COMPONENT', namespace: 'ops', name: 'PAYMENTS' });
      const text = await catalog.getByRef('component:OPS/payments', { format: 'json' });
      expect(typeof text).toBe('string');
      expect(JSON.parse(text as string)).toEqual(object);
      expect(text).toMatch(/^\{"apiVersion":"backstage.io\/v1alpha1","kind":"Component","metadata":/);
      expect(await catalog.getByRef('component:ops/other')).toBeUndefined();
      await expect(catalog.getByRef('no-kind')).rejects.toThrow(InputError);
    });

    it('aligns getByRefs with its input, with null for missing and non-matching entities', async () => {
      await catalog.applyMutation({
        upserts: [upsert(component('a')), upsert(component('b', { spec: { lifecycle: 'experimental' } }))],
      });
      const many = Array.from({ length: 40_000 }, (_, i) => `component:default/missing-${i}`);
      const result = await catalog.getByRefs(
        ['component:default/B', 'component:default/x', 'component:default/a', ...many],
        {
          query: { 'spec.lifecycle': 'experimental' },
          fields: ['metadata.name'],
        },
      );
      expect(result.slice(0, 3)).toEqual([{ metadata: { name: 'b' } }, null, null]);
      expect(result).toHaveLength(40_003);
    });

    it('finds an entity by uid', async () => {
      await catalog.applyMutation({ upserts: [upsert(component('a'))] });
      const stored = await catalog.getByRef('component:default/a');
      expect((await catalog.getByUid(stored?.metadata.uid as string))?.metadata.name).toBe('a');
      expect(await catalog.getByUid('not-a-uid')).toBeUndefined();
    });

    it('stores relations in both directions and splices them, sorted, into the JSON text', async () => {
      await catalog.applyMutation({
        upserts: [
          upsert(component('api-user'), {
            relations: [
              { type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'group:default/team-a' },
              { type: 'dependsOn', inverseType: 'dependencyOf', targetRef: 'component:default/db' },
            ],
          }),
          upsert(component('db'), {
            relations: [{ type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'group:default/team-a' }],
          }),
        ],
      });
      // The target arrives after the relations that point at it.
      await other.applyMutation({
        upserts: [upsert({ apiVersion: 'v1', kind: 'Group', metadata: { name: 'team-a' }, spec: {} })],
      });
      const group = await catalog.getByRef('group:default/team-a', { format: 'json' });
      expect(
        (group as string).endsWith(
          ',"relations":[{"type":"ownerOf","targetRef":"component:default/api-user"},' +
            '{"type":"ownerOf","targetRef":"component:default/db"}]}',
        ),
      ).toBe(true);
      expect((await catalog.getByRef('component:default/api-user'))?.relations).toEqual([
        { type: 'dependsOn', targetRef: 'component:default/db' },
        { type: 'ownedBy', targetRef: 'group:default/team-a' },
      ]);
      expect((await catalog.getByRef('component:default/db'))?.relations).toEqual([
        { type: 'dependencyOf', targetRef: 'component:default/api-user' },
        { type: 'ownedBy', targetRef: 'group:default/team-a' },
      ]);

      // Dropping a relation removes both of its directions.
      await catalog.applyMutation({ upserts: [upsert(component('api-user'))] });
      expect((await catalog.getByRef('component:default/db'))?.relations).toEqual([
        { type: 'ownedBy', targetRef: 'group:default/team-a' },
      ]);
      const page = await catalog.query({ query: { kind: 'group' }, fields: ['relations'] });
      expect(page.items).toEqual([{ relations: [{ type: 'ownerOf', targetRef: 'component:default/db' }] }]);
    });
  });

  describe('queries', () => {
    beforeEach(async () => {
      await catalog.applyMutation({
        upserts: [
          upsert(
            component('payments', {
              metadata: {
                title: 'Payments Service',
                tags: ['Java', 'pci'],
                annotations: { 'backstage.io/orphan': 'true', 'github.com/project-slug': 'acme/payments' },
                links: [
                  { url: 'https://docs/payments', type: 'docs', title: 'Docs' },
                  { url: 'https://grafana/payments', type: 'dashboard' },
                ],
              },
              spec: { replicas: 3, public: true, system: 'billing' },
            }),
            {
              relations: [
                { type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'group:default/team-a' },
                { type: 'partOf', inverseType: 'hasPart', targetRef: 'system:default/billing' },
              ],
            },
          ),
          upsert(
            component('checkout', {
              metadata: {
                tags: ['go'],
                description: 'x'.repeat(300),
                links: [{ url: 'https://docs/checkout', type: 'dashboard', title: 'Docs' }],
              },
              spec: { lifecycle: 'experimental', type: 'website', owner: 'team-b' },
            }),
            {
              relations: [
                { type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'group:default/team-b' },
                { type: 'dependsOn', inverseType: 'dependencyOf', targetRef: 'component:default/payments' },
              ],
            },
          ),
          upsert(
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Group',
              metadata: { name: 'team-a' },
              spec: { type: 'team' },
            },
            { relations: [{ type: 'childOf', inverseType: 'parentOf', targetRef: 'group:default/root' }] },
          ),
          upsert(
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'System',
              metadata: { name: 'billing', tags: ['pci'] },
              spec: { owner: 'team-a' },
            },
            { relations: [{ type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'group:default/team-a' }] },
          ),
        ],
      });
    });

    it.each<[string, EntityPredicate, string[]]>([
      [
        'an equal value, case-insensitively',
        { KIND: 'component' },
        ['component:default/checkout', 'component:default/payments'],
      ],
      [
        'several keys together',
        { kind: 'Component', 'spec.type': 'WEBSITE' },
        ['component:default/checkout'],
      ],
      ['$in', { 'spec.lifecycle': { $in: ['experimental', 'retired'] } }, ['component:default/checkout']],
      ['an empty $in', { kind: { $in: [] } }, []],
      ['numbers and booleans', { 'spec.replicas': 3, 'spec.public': true }, ['component:default/payments']],
      ['one element of an array', { 'metadata.tags': 'java' }, ['component:default/payments']],
      [
        '$contains with a value',
        { 'metadata.tags': { $contains: 'PCI' } },
        ['component:default/payments', 'system:default/billing'],
      ],
      [
        'keys with dots',
        { 'metadata.annotations.backstage.io/orphan': 'true' },
        ['component:default/payments'],
      ],
      ['$exists on a value', { 'metadata.title': { $exists: true } }, ['component:default/payments']],
      ['$exists on an object', { 'metadata.annotations': { $exists: true } }, ['component:default/payments']],
      [
        '$exists on a value too long to index',
        { 'metadata.description': { $exists: true } },
        ['component:default/checkout'],
      ],
      [
        '$exists false',
        { 'spec.system': { $exists: false }, kind: 'component' },
        ['component:default/checkout'],
      ],
      [
        '$hasPrefix',
        { 'metadata.annotations.github.com/project-slug': { $hasPrefix: 'ACME/' } },
        ['component:default/payments'],
      ],
      [
        '$hasPrefix on array elements',
        { 'metadata.links.url': { $hasPrefix: 'https://docs/c' } },
        ['component:default/checkout'],
      ],
      [
        '$contains with a predicate on one element',
        { 'metadata.links': { $contains: { type: 'dashboard', title: 'docs' } } },
        ['component:default/checkout'],
      ],
      [
        '$contains with a negated predicate',
        { 'metadata.links': { $contains: { $not: { title: { $exists: true } } } } },
        ['component:default/payments'],
      ],
      [
        '$any',
        { $any: [{ kind: 'group' }, { 'spec.type': 'website' }] },
        ['component:default/checkout', 'group:default/team-a'],
      ],
      ['$not', { $not: { kind: 'component' } }, ['group:default/team-a', 'system:default/billing']],
      [
        '$all with $not and $any inside',
        {
          $all: [{ $not: { 'metadata.tags': 'go' } }, { $any: [{ kind: 'component' }, { kind: 'system' }] }],
        },
        ['component:default/payments', 'system:default/billing'],
      ],
      ['an empty $any', { $any: [] }, []],
      [
        'an outgoing relation, type case-insensitive',
        { 'relations.OWNEDBY': 'Group:default/Team-A' },
        ['component:default/payments', 'system:default/billing'],
      ],
      [
        'an incoming relation',
        { 'relations.ownerOf': 'component:default/payments' },
        ['group:default/team-a'],
      ],
      [
        'an incoming relation by $in',
        { 'relations.dependencyOf': { $in: ['component:default/checkout'] } },
        ['component:default/payments'],
      ],
      [
        'an outgoing relation by $hasPrefix',
        { 'relations.ownedBy': { $hasPrefix: 'group:default/team-b' } },
        ['component:default/checkout'],
      ],
      [
        'a relation made by its target, by $hasPrefix',
        { 'relations.hasPart': { $hasPrefix: 'component:' } },
        ['system:default/billing'],
      ],
      [
        'an incoming relation by $hasPrefix',
        { 'relations.ownerOf': { $hasPrefix: 'system:' } },
        ['group:default/team-a'],
      ],
      ['any relation of a type', { 'relations.ownerOf': { $exists: true } }, ['group:default/team-a']],
      [
        'no relation of a type',
        { 'relations.childOf': { $exists: false } },
        ['component:default/checkout', 'component:default/payments', 'system:default/billing'],
      ],
      [
        'a relation mixed with keys',
        { $any: [{ 'relations.ownedBy': 'group:default/team-b' }, { 'spec.type': 'team' }] },
        ['component:default/checkout', 'group:default/team-a'],
      ],
      ['a uid-free field that nobody has', { 'spec.nothing': 'x' }, []],
    ])('matches %s', async (_, query, expected) => {
      expect((await refsOf(catalog, query)).sort()).toEqual(expected);
    });

    it('counts totalItems and leaves it out when not asked', async () => {
      const counted = await catalog.query({ query: { kind: 'component' }, limit: 1 });
      expect(counted.totalItems).toBe(2);
      expect(counted.items).toHaveLength(1);
      const uncounted = await catalog.query({ query: { kind: 'component' }, totalItems: false });
      expect(uncounted.totalItems).toBeUndefined();
      expect((await catalog.query({})).totalItems).toBe(4);
      expect((await catalog.query({ query: { 'relations.ownerOf': { $exists: true } } })).totalItems).toBe(1);
    });

    it('projects fields, including keys that contain dots, as objects or JSON text', async () => {
      const page = await catalog.query({
        query: { 'metadata.name': 'payments' },
        fields: ['metadata.name', 'metadata.annotations.backstage.io/orphan', 'metadata.links.type'],
      });
      expect(page.items).toEqual([
        {
          metadata: {
            name: 'payments',
            annotations: { 'backstage.io/orphan': 'true' },
            links: [{ type: 'docs' }, { type: 'dashboard' }],
          },
        },
      ]);
      const text = await catalog.query({
        query: { 'metadata.name': 'payments' },
        fields: ['kind'],
        format: 'json',
      });
      expect(text.items).toEqual(['{"kind":"Component"}']);
    });

    it('refuses a bad limit, a malformed cursor, a bad order and bad full-text fields', async () => {
      await expect(catalog.query({ limit: 0 })).rejects.toThrow(InputError);
      await expect(catalog.query({ limit: 1001 })).rejects.toThrow('limit must be an integer from 1 to 1000');
      await expect(catalog.query({ limit: 1.5 })).rejects.toThrow(InputError);
      await expect(catalog.query({ cursor: 'garbage' })).rejects.toThrow('Malformed cursor');
      await expect(
        catalog.query({
          orderBy: [
            { field: 'kind', order: 'asc' },
            { field: 'metadata.name', order: 'up' as 'asc' },
          ],
        }),
      ).rejects.toThrow("Each orderBy item needs a field and an order of 'asc' or 'desc'");
      await expect(
        catalog.query({
          orderBy: Array.from({ length: 11 }, () => ({ field: 'kind', order: 'asc' as const })),
        }),
      ).rejects.toThrow('orderBy takes a list of 1 to 10 fields');
      await expect(catalog.query({ fullText: { term: 'x', fields: ['kind', ' '] } })).rejects.toThrow(
        'fullText.fields takes a list of 1 to 10 dot paths',
      );
      await expect(
        catalog.query({ query: { kind: { $like: 'x' } } as unknown as EntityPredicate }),
      ).rejects.toThrow(InputError);
    });

    it('counts facets per original-case value, array items once per entity, restricted by a predicate', async () => {
      await catalog.applyMutation({
        upserts: [
          upsert(component('dup', { metadata: { tags: ['pci', 'PCI', 'Go'] }, spec: { type: 'Website' } })),
        ],
      });
      expect(
        await catalog.facets({
          facets: ['kind', 'metadata.tags', 'spec.type', 'spec.missing', 'relations.ownedBy'],
        }),
      ).toEqual({
        kind: [
          { value: 'Component', count: 3 },
          { value: 'Group', count: 1 },
          { value: 'System', count: 1 },
        ],
        'metadata.tags': [
          { value: 'Go', count: 1 },
          { value: 'Java', count: 1 },
          { value: 'go', count: 1 },
          { value: 'pci', count: 3 },
        ],
        'spec.type': [
          { value: 'Website', count: 1 },
          { value: 'service', count: 1 },
          { value: 'team', count: 1 },
          { value: 'website', count: 1 },
        ],
        'spec.missing': [],
        'relations.ownedBy': [
          { value: 'group:default/team-a', count: 2 },
          { value: 'group:default/team-b', count: 1 },
        ],
      });
      expect(
        await catalog.facets({
          facets: ['metadata.tags', 'relations.ownedBy'],
          query: { kind: 'component' },
        }),
      ).toEqual({
        'metadata.tags': [
          { value: 'Go', count: 1 },
          { value: 'Java', count: 1 },
          { value: 'go', count: 1 },
          { value: 'pci', count: 2 },
        ],
        'relations.ownedBy': [
          { value: 'group:default/team-a', count: 1 },
          { value: 'group:default/team-b', count: 1 },
        ],
      });
    });

    it('keeps whole-catalog facet counts right through updates and deletes', async () => {
      await catalog.applyMutation({
        upserts: [
          upsert(component('f1', { metadata: { tags: ['Blue'] } })),
          upsert(component('f2', { metadata: { tags: ['blue', 'red'] } })),
        ],
      });
      const tags = async () => (await catalog.facets({ facets: ['metadata.tags'] }))['metadata.tags'] ?? [];
      expect(await tags()).toEqual(
        expect.arrayContaining([
          { value: 'Blue', count: 1 },
          { value: 'blue', count: 1 },
          { value: 'red', count: 1 },
        ]),
      );
      await catalog.applyMutation({
        upserts: [upsert(component('f2', { metadata: { tags: ['green'] } }))],
        deletes: ['component:default/f1'],
      });
      const after = await tags();
      expect(after).toEqual(expect.arrayContaining([{ value: 'green', count: 1 }]));
      expect(after.map((facet) => facet.value)).not.toEqual(expect.arrayContaining(['Blue']));
      expect(after.map((facet) => facet.value)).not.toEqual(expect.arrayContaining(['blue']));
      expect(after.map((facet) => facet.value)).not.toEqual(expect.arrayContaining(['red']));
    });

    it('counts and facets one kind, alone or with one more equality, as a general predicate does, through writes', async () => {
      // On PostgreSQL, one kind (with one more equality) is answered from the facet counts; the same
      // predicate with a condition every entity meets is answered from the search rows.
      const everyEntity = { 'metadata.name': { $exists: true } };
      const views: EntityPredicate[] = [
        { kind: 'component' },
        { kind: 'Component' },
        { kind: 'system' },
        { $all: [{ kind: 'component' }, { 'metadata.tags': 'blue' }] },
        { $all: [{ 'spec.type': { $in: ['Website'] } }, { kind: 'component' }] },
      ];
      const check = async () => {
        for (const view of views) {
          const general = { $all: [view, everyEntity] };
          const [counted, walked] = await Promise.all([
            catalog.query({ query: view, limit: 1, fields: ['kind'] }),
            catalog.query({ query: general, limit: 1000, fields: ['kind'] }),
          ]);
          expect({ view, count: counted.totalItems }).toEqual({ view, count: walked.items.length });
          const facets = ['kind', 'metadata.tags', 'spec.type'];
          expect(await catalog.facets({ facets, query: view })).toEqual(
            await catalog.facets({ facets, query: general }),
          );
        }
      };
      await catalog.applyMutation({
        upserts: [
          upsert(component('k1', { metadata: { tags: ['Blue', 'red'] }, spec: { type: 'Website' } })),
          upsert(component('k2', { metadata: { tags: ['blue'] }, spec: { type: 'website' } })),
          upsert({ ...component('k3', { metadata: { tags: ['blue'] } }), kind: 'COMPONENT' }),
          upsert({ ...component('k4', { metadata: { tags: ['blue'] } }), kind: 'System' }),
        ],
      });
      await check();
      await catalog.applyMutation({
        upserts: [
          upsert(component('k1', { metadata: { tags: ['green'] } })),
          upsert({ ...component('k3', { metadata: { tags: ['Blue'] } }), kind: 'Component' }),
        ],
        deletes: ['component:default/k2'],
      });
      await check();
    });

    it('ranks full-text matches, prefix-matches the last word and combines with predicates', async () => {
      await catalog.applyMutation({
        upserts: [
          upsert(
            component('ledger', { metadata: { description: 'Keeps the books for payments and refunds.' } }),
          ),
          upsert(component('payroll', { spec: { owner: 'group:default/people' } })),
          upsert(component('portal', { metadata: { title: 'Payments portal', tags: ['payments'] } })),
          upsert(component('spread', { metadata: { title: 'Payments', description: 'Refunds for Europe' } })),
        ],
      });
      const ranked = await catalog.query({ fullText: { term: 'payments' } });
      expect(ranked.items.map((item) => item.metadata.name)).toEqual([
        'payments',
        'portal',
        'spread',
        'ledger',
      ]);
      expect(ranked.totalItems).toBe(4);
      const twoWords = await catalog.query({ fullText: { term: 'payments refund' } });
      expect(twoWords.items.map((item) => item.metadata.name)).toEqual(['ledger', 'spread']);
      const typeAhead = await catalog.query({ fullText: { term: 'pay' } });
      expect(typeAhead.items.map((item) => item.metadata.name)).toEqual([
        'payments',
        'payroll',
        'portal',
        'spread',
        'ledger',
      ]);
      const combined = await catalog.query({
        fullText: { term: 'pay' },
        query: { 'metadata.tags': 'payments' },
      });
      expect(combined.items.map((item) => item.metadata.name)).toEqual(['portal']);
      const byOwner = await catalog.query({ fullText: { term: 'people' } });
      expect(byOwner.items.map((item) => item.metadata.name)).toEqual(['payroll']);
      const byTag = await catalog.query({
        fullText: { term: 'java' },
        orderBy: [{ field: 'metadata.name', order: 'asc' }],
      });
      expect(byTag.items.map((item) => item.metadata.name)).toEqual(['payments']);
      expect((await catalog.query({ fullText: { term: 'nothing-like-it' } })).items).toEqual([]);
    });
  });

  describe('read restriction', () => {
    // Ana's view: what team-a owns, and her own and team-a's entities.
    const restrict = ownedByPredicate(['user:default/ana', 'group:default/team-a']);
    const visible = [
      'component:default/billing',
      'component:default/payments',
      'group:default/team-a',
      'user:default/ana',
    ];

    const relation = (type: string, inverseType: string, targetRef: string) => ({
      type,
      inverseType,
      targetRef,
    });

    beforeEach(async () => {
      await catalog.applyMutation({
        upserts: [
          upsert(component('payments', { metadata: { title: 'Payments' } }), {
            relations: [
              relation('ownedBy', 'ownerOf', 'group:default/team-a'),
              relation('dependsOn', 'dependencyOf', 'component:default/checkout'),
              relation('dependsOn', 'dependencyOf', 'resource:default/ghost'),
            ],
          }),
          upsert(component('billing', { metadata: { title: 'Payments billing' } }), {
            relations: [relation('ownedBy', 'ownerOf', 'group:default/team-a')],
          }),
          upsert(component('checkout', { metadata: { title: 'Payments checkout' } }), {
            relations: [
              relation('ownedBy', 'ownerOf', 'group:default/web-team'),
              relation('dependsOn', 'dependencyOf', 'component:default/payments'),
            ],
          }),
          upsert({ apiVersion: 'v1', kind: 'Group', metadata: { name: 'team-a' }, spec: {} }),
          upsert({ apiVersion: 'v1', kind: 'Group', metadata: { name: 'web-team' }, spec: {} }),
          upsert(
            { apiVersion: 'v1', kind: 'User', metadata: { name: 'ana' }, spec: {} },
            {
              relations: [relation('memberOf', 'hasMember', 'group:default/team-a')],
            },
          ),
        ],
      });
    });

    it('matches an entity by its own ref with metadata.ref', async () => {
      expect(await refsOf(catalog, { 'metadata.ref': 'Component:Default/Payments' })).toEqual([
        'component:default/payments',
      ]);
      expect(await refsOf(catalog, { 'metadata.ref': { $hasPrefix: 'group:' } })).toEqual([
        'group:default/team-a',
        'group:default/web-team',
      ]);
      expect(await refsOf(catalog, { $not: { 'metadata.ref': { $in: visible } } })).toEqual([
        'component:default/checkout',
        'group:default/web-team',
      ]);
    });

    it('leaves entities that fail it out of lists and totalItems', async () => {
      const page = await catalog.query({ restrict, fields: ['kind', 'metadata.name'] });
      expect(page.items.map((item) => `${item.kind}:default/${item.metadata.name}`.toLowerCase())).toEqual(
        visible,
      );
      expect(page.totalItems).toBe(4);
      const components = await catalog.query({ query: { kind: 'component' }, restrict });
      expect(components.items.map((item) => item.metadata.name)).toEqual(['billing', 'payments']);
      expect(components.totalItems).toBe(2);
      const byTitle = await catalog.query({
        restrict,
        orderBy: [{ field: 'metadata.title', order: 'desc' }],
      });
      expect(byTitle.items.map((item) => item.metadata.name)).toEqual([
        'billing',
        'payments',
        // Entities lacking the field come last, newest first when descending.
        'ana',
        'team-a',
      ]);
      const ranked = await catalog.query({ fullText: { term: 'payments' }, restrict });
      expect(ranked.items.map((item) => item.metadata.name)).toEqual(['payments', 'billing']);
      expect(ranked.totalItems).toBe(2);
    });

    it('answers by-ref and by-uid with undefined and by-refs with null for entities that fail it', async () => {
      const checkout = await catalog.getByRef('component:default/checkout');
      expect(checkout).toBeDefined();
      expect(await catalog.getByRef('component:default/checkout', { restrict })).toBeUndefined();
      expect(await catalog.getByUid(checkout?.metadata.uid as string, { restrict })).toBeUndefined();
      const payments = await catalog.getByRef('component:default/payments', { restrict });
      expect(payments?.metadata.name).toBe('payments');
      expect((await catalog.getByUid(payments?.metadata.uid as string, { restrict }))?.metadata.name).toBe(
        'payments',
      );
      const many = await catalog.getByRefs(
        ['component:default/checkout', 'component:default/payments', 'group:default/web-team'],
        { restrict, fields: ['metadata.name'] },
      );
      expect(many).toEqual([null, { metadata: { name: 'payments' } }, null]);
      const queried = await catalog.getByRefs(['component:default/payments', 'component:default/checkout'], {
        restrict,
        query: { 'metadata.name': 'checkout' },
      });
      expect(queried).toEqual([null, null]);
    });

    it('hides relations to existing entities that fail it, in both directions and both formats', async () => {
      expect((await catalog.getByRef('component:default/payments'))?.relations).toEqual([
        { type: 'dependencyOf', targetRef: 'component:default/checkout' },
        { type: 'dependsOn', targetRef: 'component:default/checkout' },
        { type: 'dependsOn', targetRef: 'resource:default/ghost' },
        { type: 'ownedBy', targetRef: 'group:default/team-a' },
      ]);
      const restricted = [
        { type: 'dependsOn', targetRef: 'resource:default/ghost' },
        { type: 'ownedBy', targetRef: 'group:default/team-a' },
      ];
      expect((await catalog.getByRef('component:default/payments', { restrict }))?.relations).toEqual(
        restricted,
      );
      const text = await catalog.getByRef('component:default/payments', { restrict, format: 'json' });
      expect(JSON.parse(text as string).relations).toEqual(restricted);
      const [byRefs] = await catalog.getByRefs(['component:default/payments'], {
        restrict,
        fields: ['relations'],
      });
      expect(byRefs).toEqual({ relations: restricted });
      const group = await catalog.query({ query: { kind: 'group' }, restrict, fields: ['relations'] });
      expect(group.items).toEqual([
        {
          relations: [
            { type: 'hasMember', targetRef: 'user:default/ana' },
            { type: 'ownerOf', targetRef: 'component:default/billing' },
            { type: 'ownerOf', targetRef: 'component:default/payments' },
          ],
        },
      ]);
    });

    it('counts facets over the entities and relation targets it lets through', async () => {
      expect(
        await catalog.facets({
          facets: ['kind', 'relations.dependsOn', 'relations.dependencyOf', 'relations.ownedBy'],
          restrict,
        }),
      ).toEqual({
        kind: [
          { value: 'Component', count: 2 },
          { value: 'Group', count: 1 },
          { value: 'User', count: 1 },
        ],
        'relations.dependsOn': [{ value: 'resource:default/ghost', count: 1 }],
        'relations.dependencyOf': [],
        'relations.ownedBy': [{ value: 'group:default/team-a', count: 2 }],
      });
      expect(await catalog.facets({ facets: ['kind'], query: { kind: 'user' }, restrict })).toEqual({
        kind: [{ value: 'User', count: 1 }],
      });
    });

    it('applies it to every cursor page from the request, never from the cursor', async () => {
      const seen = await walkPages(catalog, { restrict, limit: 1 });
      expect(seen).toEqual(['billing', 'payments', 'team-a', 'ana']);
      const first = await catalog.query({ restrict, limit: 2 });
      expect(first.totalItems).toBe(4);
      const cursor = first.pageInfo.nextCursor as string;
      expect(Buffer.from(cursor, 'base64url').toString('utf8')).not.toContain('team-a');
      const restricted = await catalog.query({ cursor, restrict, limit: 10 });
      expect(restricted.items.map((item) => item.metadata.name)).toEqual(['team-a', 'ana']);
      expect(restricted.totalItems).toBe(4);
      const unrestricted = await catalog.query({ cursor, limit: 10 });
      expect(unrestricted.items.map((item) => item.metadata.name)).toEqual(['team-a', 'web-team', 'ana']);
      expect(unrestricted.totalItems).toBe(6);
    });
  });

  describe('pagination', () => {
    const names = Array.from({ length: 25 }, (_, i) => `c${String(i).padStart(2, '0')}`);

    beforeEach(async () => {
      await catalog.applyMutation({
        upserts: names.map((name, i) =>
          upsert(
            component(name, {
              // Every third one lacks a title; titles run backwards so they do not sort like names.
              metadata: i % 3 === 0 ? {} : { title: `T${String(100 - i).padStart(3, '0')}` },
              spec: { lifecycle: i % 2 === 0 ? 'production' : 'experimental' },
            }),
          ),
        ),
      });
    });

    it('pages by ref with next and prev cursors', async () => {
      const first = await catalog.query({ limit: 10 });
      expect(first.items.map((item) => item.metadata.name)).toEqual(names.slice(0, 10));
      expect(first.pageInfo.prevCursor).toBeUndefined();
      expect(first.totalItems).toBe(25);
      const second = await catalog.query({ cursor: first.pageInfo.nextCursor, limit: 10 });
      expect(second.items.map((item) => item.metadata.name)).toEqual(names.slice(10, 20));
      expect(second.totalItems).toBe(25);
      const third = await catalog.query({ cursor: second.pageInfo.nextCursor, limit: 10 });
      expect(third.items.map((item) => item.metadata.name)).toEqual(names.slice(20));
      expect(third.pageInfo.nextCursor).toBeUndefined();
      const back = await catalog.query({ cursor: third.pageInfo.prevCursor, limit: 10 });
      expect(back.items.map((item) => item.metadata.name)).toEqual(names.slice(10, 20));
      const front = await catalog.query({ cursor: back.pageInfo.prevCursor, limit: 10 });
      expect(front.items.map((item) => item.metadata.name)).toEqual(names.slice(0, 10));
      expect(front.pageInfo.prevCursor).toBeUndefined();
      expect(front.pageInfo.nextCursor).toBeDefined();
    });

    it('orders by a field ascending and descending, with entities lacking it last', async () => {
      const titled = names.filter((_, i) => i % 3 !== 0);
      const untitled = names.filter((_, i) => i % 3 === 0);
      const ascending = await walkPages(catalog, {
        orderBy: [{ field: 'metadata.title', order: 'asc' }],
        limit: 4,
      });
      expect(ascending).toEqual([...[...titled].reverse(), ...untitled]);
      const descending = await walkPages(catalog, {
        orderBy: [{ field: 'METADATA.TITLE', order: 'desc' }],
        limit: 4,
      });
      expect(descending).toEqual([...titled, ...[...untitled].reverse()]);
      const filtered = await walkPages(catalog, {
        query: { 'spec.lifecycle': 'production' },
        orderBy: [{ field: 'metadata.title', order: 'asc' }],
        limit: 3,
      });
      expect(filtered).toEqual(
        [...[...titled].reverse(), ...untitled].filter((name) => Number(name.slice(1)) % 2 === 0),
      );
    });

    it('orders by the current value after updates and leaves deleted entities out', async () => {
      await catalog.applyMutation({
        upserts: [upsert(component('c01', { metadata: { title: 'A-first' } }))],
        deletes: ['component:default/c02'],
      });
      const page = await catalog.query({
        query: { 'metadata.title': { $exists: true } },
        orderBy: [{ field: 'metadata.title', order: 'asc' }],
        limit: 3,
      });
      expect(page.items.map((item) => item.metadata.name)).toEqual(['c01', 'c23', 'c22']);
      expect(page.totalItems).toBe(15);
      const facets = await catalog.facets({ facets: ['metadata.title'], query: { 'metadata.name': 'c01' } });
      expect(facets).toEqual({ 'metadata.title': [{ value: 'A-first', count: 1 }] });
    });

    it('goes back from the entities lacking the sort field into those having it', async () => {
      const request = { orderBy: [{ field: 'metadata.title', order: 'asc' as const }], limit: 7 };
      const pages = [await catalog.query(request)];
      for (let cursor = pages[0]?.pageInfo.nextCursor; cursor; ) {
        const page = await catalog.query({ cursor, limit: 7 });
        pages.push(page);
        cursor = page.pageInfo.nextCursor;
      }
      expect(pages).toHaveLength(4);
      const names = (page: (typeof pages)[number] | undefined) =>
        page?.items.map((item) => item.metadata.name);
      const last = pages[3];
      const back = await catalog.query({ cursor: last?.pageInfo.prevCursor, limit: 7 });
      expect(names(back)).toEqual(names(pages[2]));
      const further = await catalog.query({ cursor: back.pageInfo.prevCursor, limit: 7 });
      expect(names(further)).toEqual(names(pages[1]));
    });

    it.each([
      ['ref', {}],
      ['an ascending field', { orderBy: [{ field: 'metadata.title', order: 'asc' as const }] }],
      ['a descending field', { orderBy: [{ field: 'metadata.title', order: 'desc' as const }] }],
      ['a field with many ties', { orderBy: [{ field: 'spec.lifecycle', order: 'asc' as const }] }],
      ['full-text rank', { fullText: { term: 'c' } }],
      [
        'two fields',
        {
          orderBy: [
            { field: 'spec.lifecycle', order: 'asc' as const },
            { field: 'metadata.title', order: 'desc' as const },
          ],
        },
      ],
      ['a field-limited full-text term', { fullText: { term: 'c', fields: ['metadata.name'] } }],
    ])(
      'pages by %s without gaps or duplicates while entities are written between pages',
      async (_, order) => {
        let added = 0;
        const seen = await walkPages(catalog, { ...order, limit: 4 }, async (page) => {
          // New entities land before, inside and after the pages already read.
          await catalog.applyMutation({
            upserts: [
              upsert(component(`a-new-${page}`, { metadata: { title: `T000-${page}` } })),
              upsert(component(`c12-new-${page}`, { metadata: { title: `T090-${page}` } })),
              upsert(component(`z-new-${page}`)),
            ],
          });
          added += 3;
        });
        const original = seen.filter((name) => names.includes(name));
        expect(original.sort()).toEqual(names);
        expect(new Set(seen).size).toBe(seen.length);
        expect(added).toBeGreaterThan(0);
      },
    );
  });
  describe('full text in named fields', () => {
    beforeEach(async () => {
      await catalog.applyMutation({
        upserts: [
          upsert(component('ledger', { metadata: { title: 'Repayments Ledger', tags: ['books'] } })),
          upsert(component('payments', { metadata: { description: 'Takes payments' } })),
          upsert(component('payroll', { metadata: { title: 'Salaries', tags: ['paycheck', 'hr'] } })),
          upsert(component('spaced', { metadata: { title: 'x y!z~0', description: 'x!20y' } })),
          upsert(
            component('other', { metadata: { title: 'Other' }, spec: { owner: 'group:default/paying' } }),
            {
              relations: [{ type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'group:default/paying' }],
            },
          ),
        ],
      });
    });

    const names = async (request: EntityQueryRequest) => {
      const page = await catalog.query({ ...request, limit: 100 });
      // Counting takes other paths than listing; both must agree.
      expect(page.totalItems).toBe(page.items.length);
      return page.items.map((item) => item.metadata.name);
    };

    it('matches the term inside values of those fields only, case-insensitively', async () => {
      expect(await names({ fullText: { term: 'PAY', fields: ['metadata.title'] } })).toEqual(['ledger']);
      expect(await names({ fullText: { term: 'pay', fields: ['Metadata.Tags'] } })).toEqual(['payroll']);
      expect(
        await names({ fullText: { term: 'pay', fields: ['metadata.title', 'metadata.tags', 'spec.owner'] } }),
      ).toEqual(['ledger', 'other', 'payroll']);
      expect(await names({ fullText: { term: 'pay', fields: ['metadata.description'] } })).toEqual([
        'payments',
      ]);
      // The whole term, spaces included, as Backstage's LIKE '%term%'.
      expect(await names({ fullText: { term: 'ments led', fields: ['metadata.title'] } })).toEqual([
        'ledger',
      ]);
      expect(await names({ fullText: { term: 'nothing', fields: ['metadata.title'] } })).toEqual([]);
      expect(await names({ fullText: { term: 'pay', fields: ['spec.nothing'] } })).toEqual([]);
    });

    it('looks in the entity ref and relation targets as predicates name them', async () => {
      expect(await names({ fullText: { term: 'nent:default/pay', fields: ['metadata.ref'] } })).toEqual([
        'payments',
        'payroll',
      ]);
      expect(await names({ fullText: { term: 'Group:Default/Pay', fields: ['relations.ownedBy'] } })).toEqual(
        ['other'],
      );
      expect(await names({ fullText: { term: 'paying', fields: ['relations.dependsOn'] } })).toEqual([]);
      expect(
        await names({
          fullText: { term: 'pay', fields: ['metadata.ref', 'relations.ownedby', 'metadata.title'] },
        }),
      ).toEqual(['ledger', 'other', 'payments', 'payroll']);
    });

    it('matches characters the index escapes, and not the escapes themselves', async () => {
      expect(await names({ fullText: { term: 'x y!', fields: ['metadata.title'] } })).toEqual(['spaced']);
      expect(await names({ fullText: { term: 'z~0', fields: ['metadata.title'] } })).toEqual(['spaced']);
      expect(await names({ fullText: { term: '20y', fields: ['metadata.title'] } })).toEqual([]);
      expect(await names({ fullText: { term: '!20', fields: ['metadata.description'] } })).toEqual([
        'spaced',
      ]);
      expect(await names({ fullText: { term: '%', fields: ['metadata.title'] } })).toEqual([]);
    });

    it('combines with a query, the read restriction, an order and cursors', async () => {
      const restrict = ownedByPredicate(['group:default/paying']);
      expect(
        await names({ fullText: { term: 'pay', fields: ['metadata.title', 'spec.owner'] }, restrict }),
      ).toEqual(['other']);
      expect(
        await names({
          fullText: { term: 'pay', fields: ['metadata.title', 'metadata.tags', 'spec.owner'] },
          query: { $not: { 'metadata.name': 'other' } },
          orderBy: [{ field: 'metadata.title', order: 'desc' }],
        }),
      ).toEqual(['payroll', 'ledger']);
      const seen = await walkPages(catalog, {
        fullText: { term: 'pay', fields: ['metadata.title', 'metadata.tags', 'spec.owner'] },
        limit: 1,
      });
      expect(seen).toEqual(['ledger', 'other', 'payroll']);
    });
  });

  describe('ordering by several fields', () => {
    // Ties on the first fields, and entities lacking each of them; written out of ref order,
    // so that the order of writing cannot pass for the ref tie breaker.
    const rows: Array<[string, string | null, string | null, string | null]> = [
      ['e07', 'service', 'Beta', 'b'],
      ['e02', 'service', null, 'a'],
      ['e11', null, 'alpha', 'c'],
      ['e04', 'library', 'Beta', null],
      ['e00', 'service', 'beta', 'a'],
      ['e09', null, null, null],
      ['e05', 'library', 'alpha', 'a'],
      ['e01', 'service', 'alpha', null],
      ['e10', 'website', null, 'b'],
      ['e03', 'library', 'beta', 'a'],
      ['e08', null, 'alpha', 'a'],
      ['e06', 'service', 'alpha', 'b'],
    ];
    const fields = ['spec.type', 'metadata.title', 'spec.lifecycle'] as const;
    // Ana may read what team-a owns: every entity but e02, e05 and e09.
    const hidden = ['e02', 'e05', 'e09'];
    const restrict = ownedByPredicate(['group:default/team-a']);

    beforeEach(async () => {
      await catalog.applyMutation({
        upserts: rows.map(([name, type, title, lifecycle]) => {
          const spec: Record<string, unknown> = { owner: 'team-a' };
          if (type !== null) {
            spec.type = type;
          }
          if (lifecycle !== null) {
            spec.lifecycle = lifecycle;
          }
          const entity: Entity = { ...component(name, { metadata: title === null ? {} : { title } }), spec };
          const owner = hidden.includes(name) ? 'group:default/team-b' : 'group:default/team-a';
          return upsert(entity, {
            relations: [{ type: 'ownedBy', inverseType: 'ownerOf', targetRef: owner }],
          });
        }),
      });
    });

    /** The names in the order the store promises: by each field (lacking last), then by ref. */
    function expected(orders: Array<{ field: (typeof fields)[number]; order: 'asc' | 'desc' }>): string[] {
      const value = (row: (typeof rows)[number], field: (typeof fields)[number]) =>
        row[fields.indexOf(field) + 1]?.toLowerCase() ?? null;
      return [...rows]
        .sort((a, b) => {
          for (const { field, order } of orders) {
            const x = value(a, field);
            const y = value(b, field);
            if (x !== y) {
              if (x === null || y === null) {
                return x === null ? 1 : -1;
              }
              return (x < y ? -1 : 1) * (order === 'desc' ? -1 : 1);
            }
          }
          return a[0] < b[0] ? -1 : 1;
        })
        .map((row) => row[0]);
    }

    /** Walks every page forwards, then back from the last one by prevCursor, checking both agree. */
    async function walkBothWays(request: EntityQueryRequest): Promise<string[]> {
      const pages: string[][] = [];
      let page = await catalog.query(request);
      pages.push(page.items.map((item) => item.metadata.name));
      expect(page.pageInfo.prevCursor).toBeUndefined();
      while (page.pageInfo.nextCursor) {
        page = await catalog.query({
          cursor: page.pageInfo.nextCursor,
          limit: request.limit,
          restrict: request.restrict,
        });
        pages.push(page.items.map((item) => item.metadata.name));
        expect(pages.length).toBeLessThan(20);
      }
      for (let i = pages.length - 2; i >= 0; i--) {
        const cursor = page.pageInfo.prevCursor;
        expect(cursor).toBeDefined();
        page = await catalog.query({ cursor, limit: request.limit, restrict: request.restrict });
        expect(page.items.map((item) => item.metadata.name)).toEqual(pages[i]);
        expect(page.totalItems).toBe(pages.flat().length);
      }
      expect(page.pageInfo.prevCursor).toBeUndefined();
      return pages.flat();
    }

    type Order = { field: (typeof fields)[number]; order: 'asc' | 'desc' };
    const order = (text: string): Order => {
      const [field, direction] = text.split(' ');
      return { field: field as Order['field'], order: direction as Order['order'] };
    };

    it.each<[string, Order[]]>([
      ['spec.type asc, metadata.title asc', [order('spec.type asc'), order('metadata.title asc')]],
      ['spec.type desc, metadata.title asc', [order('spec.type desc'), order('metadata.title asc')]],
      ['metadata.title desc, spec.type desc', [order('metadata.title desc'), order('spec.type desc')]],
      [
        'spec.type asc, metadata.title desc, spec.lifecycle asc',
        [order('spec.type asc'), order('metadata.title desc'), order('spec.lifecycle asc')],
      ],
      [
        'spec.lifecycle desc, spec.type asc, metadata.title asc',
        [order('spec.lifecycle desc'), order('spec.type asc'), order('metadata.title asc')],
      ],
    ])(
      'orders by %s, lacking values last and the ref breaking ties, over pages both ways',
      async (_, orders) => {
        const sorted = expected(orders);
        expect(await walkBothWays({ orderBy: orders, limit: 5 })).toEqual(sorted);
        expect(await walkBothWays({ orderBy: orders, limit: 1 })).toEqual(sorted);
        expect(await walkBothWays({ orderBy: orders, limit: 3, restrict })).toEqual(
          sorted.filter((name) => !hidden.includes(name)),
        );
        const filtered = await walkBothWays({
          orderBy: orders,
          limit: 2,
          query: { 'spec.lifecycle': 'a' },
          restrict,
        });
        expect(filtered).toEqual(
          sorted.filter((name) => !hidden.includes(name) && rows.find((row) => row[0] === name)?.[3] === 'a'),
        );
      },
    );

    it('keeps the order of a cursor and refuses a cursor of another order', async () => {
      const orderBy = [order('spec.type asc'), order('metadata.title asc')];
      const first = await catalog.query({ orderBy, limit: 4 });
      // A new order in the request does not change the cursor's.
      const second = await catalog.query({
        cursor: first.pageInfo.nextCursor,
        orderBy: [{ field: 'metadata.name', order: 'desc' }],
        limit: 4,
      });
      expect(second.items.map((item) => item.metadata.name)).toEqual(expected(orderBy).slice(4, 8));
      const byRef = await catalog.query({ limit: 4 });
      const cursor = JSON.parse(
        Buffer.from(byRef.pageInfo.nextCursor as string, 'base64url').toString('utf8'),
      );
      const forged = Buffer.from(JSON.stringify({ ...cursor, orderBy })).toString('base64url');
      await expect(catalog.query({ cursor: forged })).rejects.toThrow('Malformed cursor');
      const short = JSON.parse(
        Buffer.from(first.pageInfo.nextCursor as string, 'base64url').toString('utf8'),
      );
      short.key.values = short.key.values.slice(1);
      await expect(
        catalog.query({ cursor: Buffer.from(JSON.stringify(short)).toString('base64url') }),
      ).rejects.toThrow('Malformed cursor');
    });
  });
});
