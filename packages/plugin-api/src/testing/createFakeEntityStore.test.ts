import type { EntityUpsert } from '../backend/services/EntityStoreService';
import type { Entity } from '../common/entity/Entity';
import type { EntityPredicate } from '../common/entity/EntityPredicate';
import { ownedByPredicate } from '../common/entity/ownedByPredicate';
import { ConflictError } from '../common/errors/ConflictError';
import { InputError } from '../common/errors/InputError';
import { createFakeEntityStore, type FakeEntityStore } from './createFakeEntityStore';
import { createFakeEvents } from './createFakeEvents';

function component(name: string, extra: { metadata?: object; spec?: object } = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, ...extra.metadata },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a', ...extra.spec },
  };
}

function ownedBy(owner: string) {
  return [{ type: 'ownedBy', inverseType: 'ownerOf', targetRef: owner }];
}

const catalog: EntityUpsert[] = [
  {
    entity: component('payments', {
      metadata: {
        title: 'Payments API',
        description: 'Takes money from customers',
        tags: ['java', 'Payments'],
        annotations: { 'github.com/project-slug': 'acme/payments', 'backstage.io/techdocs-ref': 'dir:.' },
        links: [{ url: 'https://runbooks.acme.dev/payments', title: 'Runbook' }],
      },
      spec: { replicas: 3, public: true },
    }),
    relations: ownedBy('group:default/team-a'),
    source: 'url:https://github.com/acme/payments/catalog-info.yaml',
  },
  {
    entity: component('checkout', {
      metadata: { title: 'Checkout', tags: ['go'] },
      spec: { type: 'website', lifecycle: 'experimental', owner: 'web-team' },
    }),
    relations: ownedBy('group:default/web-team'),
    source: 'url:https://github.com/acme/checkout/catalog-info.yaml',
  },
  {
    entity: component('billing', {
      metadata: { namespace: 'ops', description: 'Sends payment reminders' },
      spec: { lifecycle: 'deprecated' },
    }),
    relations: ownedBy('group:default/team-a'),
    source: 'url:https://github.com/acme/billing/catalog-info.yaml',
  },
  {
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'payments-rest' },
      spec: { type: 'openapi', lifecycle: 'production', owner: 'team-a', definition: 'openapi: 3.0.0' },
    },
    relations: ownedBy('group:default/team-a'),
    source: 'url:https://github.com/acme/payments/catalog-info.yaml',
  },
  {
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-a', title: 'Team A' },
      spec: { type: 'team', children: [] },
    },
  },
];

async function createCatalog(): Promise<FakeEntityStore> {
  const store = createFakeEntityStore({ pluginId: 'catalog' });
  await store.applyMutation({ upserts: catalog });
  return store;
}

async function refsMatching(store: FakeEntityStore, query: EntityPredicate): Promise<string[]> {
  const page = await store.query({ query, fields: ['kind', 'metadata.name', 'metadata.namespace'] });
  return page.items.map(
    (item) => `${item.kind.toLowerCase()}:${item.metadata.namespace ?? 'default'}/${item.metadata.name}`,
  );
}

describe('createFakeEntityStore', () => {
  describe('writes', () => {
    it('gives a new entity a uid and an etag and reports it changed', async () => {
      const store = createFakeEntityStore({ pluginId: 'catalog' });
      const result = await store.applyMutation({ upserts: [{ entity: component('Payments') }] });
      expect(result).toEqual({ changed: ['component:default/payments'], unchanged: [], deleted: [] });
      const stored = await store.getByRef('component:default/payments');
      expect(stored?.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
      expect(stored?.metadata.etag).toMatch(/^[0-9a-f]{40}$/);
      expect(stored?.metadata.name).toBe('Payments');
      expect(stored?.relations).toEqual([]);
    });

    it('skips a write whose content is unchanged, even with its keys in another order', async () => {
      const store = createFakeEntityStore({ pluginId: 'catalog' });
      await store.applyMutation({ upserts: [{ entity: component('payments') }] });
      const before = await store.getByRef('component:default/payments');
      const reordered: Entity = {
        spec: { owner: 'team-a', lifecycle: 'production', type: 'service' },
        metadata: { name: 'payments' },
        kind: 'Component',
        apiVersion: 'backstage.io/v1alpha1',
      };
      const result = await store.applyMutation({ upserts: [{ entity: reordered }] });
      expect(result).toEqual({ changed: [], unchanged: ['component:default/payments'], deleted: [] });
      expect(await store.getByRef('component:default/payments')).toEqual(before);
      expect(store.events).toHaveLength(1);
    });

    it('keeps the uid and changes the etag when the content changes', async () => {
      const store = createFakeEntityStore({ pluginId: 'catalog' });
      await store.applyMutation({ upserts: [{ entity: component('payments') }] });
      const before = await store.getByRef('component:default/payments');
      await store.applyMutation({
        upserts: [{ entity: component('payments', { spec: { lifecycle: 'deprecated' } }) }],
      });
      const after = await store.getByRef('component:default/payments');
      expect(after?.metadata.uid).toBe(before?.metadata.uid);
      expect(after?.metadata.etag).not.toBe(before?.metadata.etag);
      expect(after?.spec?.lifecycle).toBe('deprecated');
    });

    it('ignores the uid, etag and relations a caller puts on an entity', async () => {
      const store = createFakeEntityStore({ pluginId: 'catalog' });
      const entity: Entity = {
        ...component('payments'),
        metadata: { name: 'payments', uid: 'mine', etag: 'mine' },
        relations: [{ type: 'ownedBy', targetRef: 'group:default/x' }],
      };
      await store.applyMutation({ upserts: [{ entity }] });
      const stored = await store.getByRef('component:default/payments');
      expect(stored?.metadata.uid).not.toBe('mine');
      expect(stored?.metadata.etag).not.toBe('mine');
      expect(stored?.relations).toEqual([]);
    });

    it('refuses to write or delete an entity another provider owns, and changes nothing', async () => {
      const seeded = component('legacy');
      const store = createFakeEntityStore({ pluginId: 'catalog', entities: [seeded] });
      const before = await store.getByRef('component:default/legacy');
      await expect(
        store.applyMutation({
          upserts: [{ entity: component('new-one') }],
          deletes: ['component:default/legacy'],
        }),
      ).rejects.toThrow(ConflictError);
      await expect(
        store.applyMutation({
          upserts: [{ entity: component('legacy', { spec: { lifecycle: 'deprecated' } }) }],
        }),
      ).rejects.toThrow("'component:default/legacy' (provided by 'seed')");
      expect(await store.getByRef('component:default/new-one')).toBeUndefined();
      expect(await store.getByRef('component:default/legacy')).toEqual(before);
      expect(store.events).toEqual([]);
    });

    it('deletes entities it provides and ignores refs that do not exist', async () => {
      const store = await createCatalog();
      const result = await store.applyMutation({
        deletes: ['Component:Default/Checkout', 'component:default/never-was'],
      });
      expect(result).toEqual({ changed: [], unchanged: [], deleted: ['component:default/checkout'] });
      expect(await store.getByRef('component:default/checkout')).toBeUndefined();
    });

    it('gives an entity a new uid when it is deleted and created again', async () => {
      const store = createFakeEntityStore({ pluginId: 'catalog' });
      await store.applyMutation({ upserts: [{ entity: component('payments') }] });
      const first = await store.getByRef('component:default/payments');
      await store.applyMutation({ deletes: ['component:default/payments'] });
      await store.applyMutation({ upserts: [{ entity: component('payments') }] });
      expect((await store.getByRef('component:default/payments'))?.metadata.uid).not.toBe(
        first?.metadata.uid,
      );
    });

    it('refuses malformed writes with an InputError and applies none of the batch', async () => {
      const store = createFakeEntityStore({ pluginId: 'catalog' });
      const nameless = { apiVersion: 'v1', kind: 'Component', metadata: {} } as Entity;
      await expect(
        store.applyMutation({ upserts: [{ entity: component('ok') }, { entity: nameless }] }),
      ).rejects.toThrow('upserts[1] is not an entity');
      await expect(
        store.applyMutation({ upserts: [{ entity: component('ok') }], deletes: ['Component:default/OK'] }),
      ).rejects.toThrow(InputError);
      await expect(
        store.applyMutation({
          upserts: [
            {
              entity: component('ok'),
              relations: [{ type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'x' }],
            },
          ],
        }),
      ).rejects.toThrow(InputError);
      expect(await store.getByRef('component:default/ok')).toBeUndefined();
    });

    it('records a change event per upserted or deleted entity and publishes it when asked', async () => {
      const events = createFakeEvents();
      const received: unknown[] = [];
      events.subscribe(
        { id: 'core.entity.changed' },
        { id: 'test' },
        (payload) => void received.push(payload),
      );
      const store = createFakeEntityStore({ pluginId: 'catalog', publishTo: events });
      await store.applyMutation({ upserts: [{ entity: component('a') }, { entity: component('b') }] });
      await store.applyMutation({ upserts: [{ entity: component('a') }], deletes: ['component:default/b'] });
      const uidOf = async (ref: string) => (await store.getByRef(ref))?.metadata.uid;
      expect(store.events).toEqual([
        {
          change: 'upserted',
          entityRef: 'component:default/a',
          uid: await uidOf('component:default/a'),
          provider: 'catalog',
        },
        {
          change: 'upserted',
          entityRef: 'component:default/b',
          uid: expect.any(String),
          provider: 'catalog',
        },
        {
          change: 'deleted',
          entityRef: 'component:default/b',
          uid: store.events[1]?.uid,
          provider: 'catalog',
        },
      ]);
      expect(received).toEqual(store.events);
    });

    it('emits no events for seeded entities', () => {
      const store = createFakeEntityStore({ pluginId: 'catalog', entities: [component('a')] });
      expect(store.events).toEqual([]);
    });
  });

  describe('relations', () => {
    it('stores each relation on its source and its inverse on the target', async () => {
      const store = await createCatalog();
      expect((await store.getByRef('component:default/payments'))?.relations).toEqual([
        { type: 'ownedBy', targetRef: 'group:default/team-a' },
      ]);
      expect((await store.getByRef('group:default/team-a'))?.relations).toEqual([
        { type: 'ownerOf', targetRef: 'api:default/payments-rest' },
        { type: 'ownerOf', targetRef: 'component:default/payments' },
        { type: 'ownerOf', targetRef: 'component:ops/billing' },
      ]);
    });

    it('shows inverse relations on a target written after its source', async () => {
      const store = await createCatalog();
      await store.applyMutation({
        upserts: [
          {
            entity: {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Group',
              metadata: { name: 'Web-Team' },
              spec: {},
            },
          },
        ],
      });
      expect((await store.getByRef('group:default/web-team'))?.relations).toEqual([
        { type: 'ownerOf', targetRef: 'component:default/checkout' },
      ]);
    });

    it('drops the inverse when the source drops the relation or is deleted, changing the target etag', async () => {
      const store = await createCatalog();
      const before = await store.getByRef('group:default/team-a');
      await store.applyMutation({
        upserts: [{ entity: component('payments'), relations: ownedBy('group:default/web-team') }],
        deletes: ['component:ops/billing'],
      });
      const after = await store.getByRef('group:default/team-a');
      expect(after?.relations).toEqual([{ type: 'ownerOf', targetRef: 'api:default/payments-rest' }]);
      expect(after?.metadata.etag).not.toBe(before?.metadata.etag);
      expect(after?.metadata.uid).toBe(before?.metadata.uid);
    });

    it('drops the inverse relation when its source alone is deleted', async () => {
      const store = await createCatalog();
      await store.applyMutation({ deletes: ['api:default/payments-rest', 'component:default/payments'] });
      expect((await store.getByRef('group:default/team-a'))?.relations).toEqual([
        { type: 'ownerOf', targetRef: 'component:ops/billing' },
      ]);
      expect(await refsMatching(store, { 'relations.ownerOf': 'component:default/payments' })).toEqual([]);
    });

    it('canonicalises relation targets and removes duplicates', async () => {
      const store = createFakeEntityStore({ pluginId: 'catalog' });
      await store.applyMutation({
        upserts: [
          {
            entity: component('a'),
            relations: [...ownedBy('Group:Default/Team-A'), ...ownedBy('group:default/team-a')],
          },
        ],
      });
      expect((await store.getByRef('component:default/a'))?.relations).toEqual([
        { type: 'ownedBy', targetRef: 'group:default/team-a' },
      ]);
    });
  });

  describe('reads', () => {
    it('finds an entity by ref case-insensitively, as text or in parts', async () => {
      const store = await createCatalog();
      expect((await store.getByRef('COMPONENT:Ops/Billing'))?.metadata.name).toBe('billing');
      expect((await store.getByRef({ kind: 'Component', namespace: 'OPS', name: 'billing' }))?.kind).toBe(
        'Component',
      );
      expect(await store.getByRef('component:default/billing')).toBeUndefined();
      await expect(store.getByRef('billing')).rejects.toThrow(InputError);
    });

    it('answers by-refs in input order with null for missing, malformed or unmatched refs', async () => {
      const store = await createCatalog();
      const items = await store.getByRefs(
        ['api:default/payments-rest', 'component:default/nope', 'not a ref', 'Component:default/Payments'],
        { fields: ['metadata.name'] },
      );
      expect(items).toEqual([
        { metadata: { name: 'payments-rest' } },
        null,
        null,
        { metadata: { name: 'payments' } },
      ]);
      const filtered = await store.getByRefs(['api:default/payments-rest', 'component:default/payments'], {
        query: { kind: 'component' },
        format: 'json',
      });
      expect(filtered[0]).toBeNull();
      expect(JSON.parse(filtered[1] ?? '')).toMatchObject({ metadata: { name: 'payments' } });
    });

    it('finds an entity by uid', async () => {
      const store = await createCatalog();
      const payments = await store.getByRef('component:default/payments');
      expect(await store.getByUid(payments?.metadata.uid ?? '')).toEqual(payments);
      expect(await store.getByUid('no-such-uid')).toBeUndefined();
    });

    it('returns JSON text for the json format', async () => {
      const store = await createCatalog();
      const text = await store.getByRef('component:default/checkout', { format: 'json' });
      expect(typeof text).toBe('string');
      expect(JSON.parse(text ?? '')).toEqual(await store.getByRef('component:default/checkout'));
      const projected = await store.getByRef('component:default/checkout', {
        format: 'json',
        fields: ['kind'],
      });
      expect(projected).toBe('{"kind":"Component"}');
    });

    it('hands out copies that cannot change the store', async () => {
      const store = await createCatalog();
      const copy = await store.getByRef('component:default/payments');
      if (copy?.spec) {
        copy.spec.owner = 'someone-else';
      }
      expect((await store.getByRef('component:default/payments'))?.spec?.owner).toBe('team-a');
    });

    it('keeps only the requested fields, resolving keys that contain dots', async () => {
      const store = await createCatalog();
      const entity = await store.getByRef('component:default/payments', {
        fields: ['kind', 'metadata.annotations.github.com/project-slug', 'spec.nothing', 'Metadata.Title'],
      });
      expect(entity).toEqual({
        kind: 'Component',
        metadata: { annotations: { 'github.com/project-slug': 'acme/payments' }, title: 'Payments API' },
      });
    });

    it('refuses array index fields with an InputError', async () => {
      const store = await createCatalog();
      await expect(store.query({ fields: ['metadata.tags[0]'] })).rejects.toThrow(
        'array type fields are not supported',
      );
    });
  });

  describe('predicates', () => {
    let store: FakeEntityStore;
    beforeAll(async () => {
      store = await createCatalog();
    });

    it('compares values case-insensitively', async () => {
      expect(await refsMatching(store, { kind: 'COMPONENT', 'spec.type': 'Service' })).toEqual([
        'component:default/payments',
        'component:ops/billing',
      ]);
    });

    it('compares keys case-insensitively', async () => {
      expect(await refsMatching(store, { 'Spec.Type': 'website' })).toEqual(['component:default/checkout']);
    });

    it('compares numbers and booleans as text', async () => {
      expect(await refsMatching(store, { 'spec.replicas': '3' })).toEqual(['component:default/payments']);
      expect(await refsMatching(store, { 'spec.replicas': 3 })).toEqual(['component:default/payments']);
      expect(await refsMatching(store, { 'spec.public': true })).toEqual(['component:default/payments']);
      expect(await refsMatching(store, { 'spec.public': 'TRUE' })).toEqual(['component:default/payments']);
    });

    it('matches an array when any element matches, and indexes string elements as keys', async () => {
      expect(await refsMatching(store, { 'metadata.tags': 'payments' })).toEqual([
        'component:default/payments',
      ]);
      expect(await refsMatching(store, { 'metadata.tags.java': true })).toEqual([
        'component:default/payments',
      ]);
      expect(await refsMatching(store, { 'metadata.links.title': 'runbook' })).toEqual([
        'component:default/payments',
      ]);
    });

    it('matches keys that contain dots', async () => {
      expect(
        await refsMatching(store, { 'metadata.annotations.github.com/project-slug': 'ACME/payments' }),
      ).toEqual(['component:default/payments']);
    });

    it('matches any of several values with $in', async () => {
      expect(
        await refsMatching(store, { 'spec.lifecycle': { $in: ['Experimental', 'deprecated'] } }),
      ).toEqual(['component:default/checkout', 'component:ops/billing']);
      expect(await refsMatching(store, { 'spec.lifecycle': { $in: [] } })).toEqual([]);
    });

    it('tests presence with $exists, also for objects and the default namespace', async () => {
      expect(await refsMatching(store, { 'metadata.tags': { $exists: true } })).toEqual([
        'component:default/checkout',
        'component:default/payments',
      ]);
      expect(await refsMatching(store, { 'metadata.annotations': { $exists: true } })).toEqual([
        'component:default/payments',
      ]);
      expect(
        await refsMatching(store, { kind: 'component', 'metadata.description': { $exists: false } }),
      ).toEqual(['component:default/checkout']);
      expect(await refsMatching(store, { kind: 'group', 'metadata.namespace': 'default' })).toEqual([
        'group:default/team-a',
      ]);
      expect(await refsMatching(store, { 'spec.children': { $exists: true } })).toEqual([]);
    });

    it('matches the start of a value with $hasPrefix', async () => {
      expect(await refsMatching(store, { 'metadata.name': { $hasPrefix: 'PAY' } })).toEqual([
        'api:default/payments-rest',
        'component:default/payments',
      ]);
      expect(await refsMatching(store, { 'metadata.name': { $hasPrefix: '%' } })).toEqual([]);
    });

    it('matches array elements with $contains, by value or by a predicate over each element', async () => {
      expect(await refsMatching(store, { 'metadata.tags': { $contains: 'GO' } })).toEqual([
        'component:default/checkout',
      ]);
      expect(
        await refsMatching(store, {
          'metadata.links': { $contains: { title: 'runbook', url: { $hasPrefix: 'https:' } } },
        }),
      ).toEqual(['component:default/payments']);
      expect(
        await refsMatching(store, { 'metadata.links': { $contains: { title: 'runbook', url: 'http:' } } }),
      ).toEqual([]);
      expect(
        await refsMatching(store, {
          relations: { $contains: { type: 'ownerof', targetRef: 'Component:Ops/Billing' } },
        }),
      ).toEqual(['group:default/team-a']);
    });

    it('matches relations by type, including inverse relations', async () => {
      expect(await refsMatching(store, { 'relations.ownedBy': 'group:default/team-a' })).toEqual([
        'api:default/payments-rest',
        'component:default/payments',
        'component:ops/billing',
      ]);
      expect(await refsMatching(store, { 'relations.OWNEROF': 'component:default/payments' })).toEqual([
        'group:default/team-a',
      ]);
    });

    it('combines predicates with $all, $any and $not, and the keys of one object with and', async () => {
      expect(
        await refsMatching(store, {
          $all: [
            { kind: 'component' },
            { $any: [{ 'spec.lifecycle': 'production' }, { 'metadata.namespace': 'ops' }] },
            { $not: { 'metadata.tags': 'go' } },
          ],
        }),
      ).toEqual(['component:default/payments', 'component:ops/billing']);
      expect(await refsMatching(store, { kind: 'component', 'spec.owner': 'web-team' })).toEqual([
        'component:default/checkout',
      ]);
      expect(await refsMatching(store, { $all: [] })).toHaveLength(5);
      expect(await refsMatching(store, { $any: [] })).toEqual([]);
      expect(await refsMatching(store, {})).toHaveLength(5);
    });

    it('does not search status or the etag', async () => {
      const withStatus = createFakeEntityStore({ pluginId: 'catalog' });
      await withStatus.applyMutation({
        upserts: [
          { entity: { ...component('a'), status: { items: [{ type: 't', level: 'error', message: 'x' }] } } },
        ],
      });
      expect(await refsMatching(withStatus, { 'status.items.level': 'error' })).toEqual([]);
      const etag = (await withStatus.getByRef('component:default/a'))?.metadata.etag ?? '';
      expect(await refsMatching(withStatus, { 'metadata.etag': etag })).toEqual([]);
    });

    it.each<[string, unknown]>([
      ['an unknown operator', { $nor: [] }],
      ['an operator next to other keys', { $all: [], kind: 'component' }],
      ['a bare value', 'component'],
      ['an unknown matcher', { kind: { $regex: '.*' } }],
      ['a matcher with two operators', { kind: { $in: ['a'], $exists: true } }],
      ['$in without an array', { kind: { $in: 'component' } }],
      ['$exists without a boolean', { kind: { $exists: 'yes' } }],
      ['$any without an array', { $any: { kind: 'a' } }],
    ])('refuses %s with an InputError, even when nothing is stored', async (_name, query) => {
      const empty = createFakeEntityStore({ pluginId: 'catalog' });
      await expect(empty.query({ query: query as EntityPredicate })).rejects.toThrow(InputError);
      await expect(empty.facets({ facets: ['kind'], query: query as EntityPredicate })).rejects.toThrow(
        InputError,
      );
    });
  });

  describe('read restriction', () => {
    // Everything team-a owns, and team-a itself.
    const restrict = ownedByPredicate(['group:default/team-a']);
    let store: FakeEntityStore;
    beforeAll(async () => {
      store = await createCatalog();
      await store.applyMutation({
        upserts: [
          {
            entity: component('ledger'),
            relations: [
              ...ownedBy('group:default/team-a'),
              { type: 'dependsOn', inverseType: 'dependencyOf', targetRef: 'component:default/checkout' },
              { type: 'dependsOn', inverseType: 'dependencyOf', targetRef: 'resource:default/ghost' },
            ],
          },
        ],
      });
    });

    it('matches the entity ref with metadata.ref', async () => {
      expect(await refsMatching(store, { 'metadata.ref': 'Group:Default/Team-A' })).toEqual([
        'group:default/team-a',
      ]);
    });

    it('leaves entities that fail it out of pages, totalItems and every cursor page', async () => {
      const page = await store.query({ restrict, limit: 1, fields: ['metadata.name'] });
      expect(page.items).toEqual([{ metadata: { name: 'payments-rest' } }]);
      expect(page.totalItems).toBe(5);
      const cursor = page.pageInfo.nextCursor;
      const next = await store.query({ cursor, restrict, fields: ['metadata.name'] });
      expect(next.items.map((item) => item.metadata.name)).toEqual([
        'ledger',
        'payments',
        'billing',
        'team-a',
      ]);
      const unrestricted = await store.query({ cursor, fields: ['metadata.name'] });
      expect(unrestricted.items.map((item) => item.metadata.name)).toEqual([
        'checkout',
        'ledger',
        'payments',
        'billing',
        'team-a',
      ]);
    });

    it('answers by-ref and by-uid with undefined and by-refs with null for entities that fail it', async () => {
      const checkout = await store.getByRef('component:default/checkout');
      expect(await store.getByRef('component:default/checkout', { restrict })).toBeUndefined();
      expect(await store.getByUid(checkout?.metadata.uid ?? '', { restrict })).toBeUndefined();
      expect(
        await store.getByRefs(['component:default/checkout', 'component:default/payments'], {
          restrict,
          fields: ['metadata.name'],
        }),
      ).toEqual([null, { metadata: { name: 'payments' } }]);
    });

    it('hides relations to existing entities that fail it and keeps dangling ones', async () => {
      const ledger = await store.getByRef('component:default/ledger', { restrict, format: 'json' });
      expect(JSON.parse(ledger ?? '').relations).toEqual([
        { type: 'dependsOn', targetRef: 'resource:default/ghost' },
        { type: 'ownedBy', targetRef: 'group:default/team-a' },
      ]);
      expect((await store.getByRef('component:default/ledger'))?.relations).toHaveLength(3);
    });

    it('counts facets over the entities and relation targets it lets through', async () => {
      expect(await store.facets({ facets: ['kind', 'relations.dependsOn'], restrict })).toEqual({
        kind: [
          { value: 'Component', count: 3 },
          { value: 'API', count: 1 },
          { value: 'Group', count: 1 },
        ],
        'relations.dependsOn': [{ value: 'resource:default/ghost', count: 1 }],
      });
    });
  });

  describe('pagination and ordering', () => {
    const names = Array.from({ length: 25 }, (_, i) => `item-${String(i).padStart(2, '0')}`);
    let store: FakeEntityStore;
    beforeAll(async () => {
      store = createFakeEntityStore({ pluginId: 'catalog' });
      const shuffled = [...names].sort((a, b) => (a.slice(-1) + a).localeCompare(b.slice(-1) + b));
      await store.applyMutation({
        upserts: shuffled.map((name) => {
          const rank = Number(name.slice(-2)) % 3;
          return { entity: component(name, { spec: { rank: rank === 0 ? undefined : `r${rank}` } }) };
        }),
      });
    });

    const namesOf = (items: Entity[]) => items.map((item) => item.metadata.name);

    it('pages forward by cursor in ref order, counting every match on every page', async () => {
      const first = await store.query({ limit: 10 });
      expect(namesOf(first.items)).toEqual(names.slice(0, 10));
      expect(first.totalItems).toBe(25);
      expect(first.pageInfo.prevCursor).toBeUndefined();
      const second = await store.query({ cursor: first.pageInfo.nextCursor, limit: 10 });
      expect(namesOf(second.items)).toEqual(names.slice(10, 20));
      expect(second.totalItems).toBe(25);
      const third = await store.query({ cursor: second.pageInfo.nextCursor, limit: 10 });
      expect(namesOf(third.items)).toEqual(names.slice(20));
      expect(third.pageInfo.nextCursor).toBeUndefined();
      expect(third.pageInfo.prevCursor).toEqual(expect.any(String));
    });

    it('pages back with the previous cursor', async () => {
      const first = await store.query({ limit: 10 });
      const second = await store.query({ cursor: first.pageInfo.nextCursor, limit: 10 });
      const third = await store.query({ cursor: second.pageInfo.nextCursor, limit: 10 });
      const backToSecond = await store.query({ cursor: third.pageInfo.prevCursor, limit: 10 });
      expect(namesOf(backToSecond.items)).toEqual(names.slice(10, 20));
      const backToFirst = await store.query({ cursor: backToSecond.pageInfo.prevCursor, limit: 10 });
      expect(namesOf(backToFirst.items)).toEqual(names.slice(0, 10));
      expect(backToFirst.pageInfo.prevCursor).toBeUndefined();
      expect(backToFirst.pageInfo.nextCursor).toEqual(expect.any(String));
    });

    it('keeps the first request criteria in the cursor and ignores new ones beside it', async () => {
      const first = await store.query({
        query: { 'metadata.name': { $hasPrefix: 'item-1' } },
        orderBy: [{ field: 'metadata.name', order: 'desc' }],
        limit: 4,
      });
      expect(namesOf(first.items)).toEqual(['item-19', 'item-18', 'item-17', 'item-16']);
      const next = await store.query({
        cursor: first.pageInfo.nextCursor,
        query: { kind: 'nothing' },
        limit: 4,
        fields: ['metadata.name'],
      });
      expect(next.items).toEqual(
        ['item-15', 'item-14', 'item-13', 'item-12'].map((name) => ({ metadata: { name } })),
      );
      expect(next.totalItems).toBe(10);
    });

    it('orders by several fields, puts entities without a value last, and breaks ties by ref', async () => {
      const page = await store.query({
        query: {
          'metadata.name': { $in: ['item-00', 'item-01', 'item-02', 'item-03', 'item-04', 'item-05'] },
        },
        orderBy: [
          { field: 'spec.rank', order: 'desc' },
          { field: 'metadata.name', order: 'asc' },
        ],
      });
      expect(namesOf(page.items)).toEqual(['item-02', 'item-05', 'item-01', 'item-04', 'item-00', 'item-03']);
    });

    it('continues after the boundary entity even when that entity is deleted between pages', async () => {
      const own = createFakeEntityStore({ pluginId: 'catalog' });
      await own.applyMutation({ upserts: ['a', 'b', 'c', 'd'].map((name) => ({ entity: component(name) })) });
      const first = await own.query({ limit: 2 });
      await own.applyMutation({ deletes: ['component:default/b'] });
      const second = await own.query({ cursor: first.pageInfo.nextCursor, limit: 2 });
      expect(namesOf(second.items)).toEqual(['c', 'd']);
    });

    it('leaves out the total when totalItems is false, also on later pages', async () => {
      const first = await store.query({ limit: 20, totalItems: false });
      expect(first).not.toHaveProperty('totalItems');
      const second = await store.query({ cursor: first.pageInfo.nextCursor });
      expect(second).not.toHaveProperty('totalItems');
      expect(second.items).toHaveLength(5);
    });

    it('returns 100 items by default and refuses limits outside 1 to 1000', async () => {
      const big = createFakeEntityStore({ pluginId: 'catalog' });
      await big.applyMutation({
        upserts: Array.from({ length: 101 }, (_, i) => ({ entity: component(`c${i}`) })),
      });
      expect((await big.query({})).items).toHaveLength(100);
      for (const limit of [0, 1001, 1.5]) {
        await expect(big.query({ limit })).rejects.toThrow(InputError);
      }
    });

    it('refuses a malformed cursor or order with an InputError', async () => {
      await expect(store.query({ cursor: 'not-a-cursor' })).rejects.toThrow('Malformed cursor');
      await expect(
        store.query({ cursor: Buffer.from('{"criteria":{}}').toString('base64url') }),
      ).rejects.toThrow('Malformed cursor');
      await expect(
        store.query({ orderBy: [{ field: 'metadata.name', order: 'up' as 'asc' }] }),
      ).rejects.toThrow(InputError);
    });

    it('applies fields and format to every page', async () => {
      const first = await store.query({ limit: 24, fields: ['metadata.name'], format: 'json' });
      const second = await store.query({ cursor: first.pageInfo.nextCursor, format: 'json' });
      expect(first.items[0]).toBe('{"metadata":{"name":"item-00"}}');
      expect(JSON.parse(second.items[0] ?? '')).toMatchObject({
        kind: 'Component',
        metadata: { name: 'item-24' },
      });
    });
  });

  describe('full text', () => {
    let store: FakeEntityStore;
    beforeAll(async () => {
      store = await createCatalog();
    });

    const search = async (term: string, query?: EntityPredicate) =>
      (await store.query({ fullText: { term }, query })).items.map((item) => item.metadata.name);

    it('matches the last word as a prefix, case-insensitively', async () => {
      expect(await search('PAYM')).toEqual(['payments-rest', 'payments', 'billing']);
    });

    it('requires every earlier word to match a whole word', async () => {
      expect(await search('payments ap')).toEqual(['payments']);
      expect(await search('paym api')).toEqual([]);
    });

    it('looks at titles, tags, owners and descriptions', async () => {
      expect(await search('checkout')).toEqual(['checkout']);
      expect(await search('java')).toEqual(['payments']);
      expect(await search('web')).toEqual(['checkout']);
      expect(await search('reminders')).toEqual(['billing']);
    });

    it('ranks name hits above description hits unless an order is given', async () => {
      expect(await search('paym')).toEqual(['payments-rest', 'payments', 'billing']);
      const ordered = await store.query({
        fullText: { term: 'paym' },
        orderBy: [{ field: 'metadata.name', order: 'asc' }],
      });
      expect(ordered.items.map((item) => item.metadata.name)).toEqual([
        'billing',
        'payments',
        'payments-rest',
      ]);
    });

    it('combines with a query', async () => {
      expect(await search('paym', { kind: 'api' })).toEqual(['payments-rest']);
    });

    it('looks the whole term up inside values of the named fields only, unranked', async () => {
      const inFields = async (term: string, fields: string[]) =>
        (await store.query({ fullText: { term, fields } })).items.map((item) => item.metadata.name);
      expect(await inFields('MENTS', ['metadata.title'])).toEqual(['payments']);
      expect(await inFields('ment', ['metadata.description', 'Metadata.Tags'])).toEqual([
        'payments',
        // In namespace ops: its ref sorts after component:default/….
        'billing',
      ]);
      expect(await inFields('payments api', ['metadata.title'])).toEqual(['payments']);
      expect(await inFields('payments', ['spec.type'])).toEqual([]);
      const page = await store.query({ fullText: { term: 'e', fields: ['metadata.title'] }, limit: 1 });
      const next = await store.query({ cursor: page.pageInfo.nextCursor });
      expect([...page.items, ...next.items].map((item) => item.metadata.name)).toEqual([
        'checkout',
        'payments',
        'team-a',
      ]);
      await expect(store.query({ fullText: { term: 'a', fields: [''] } })).rejects.toThrow(InputError);
    });
  });

  describe('facets', () => {
    it('counts matching entities per distinct value, most frequent first, in the case first written', async () => {
      const store = await createCatalog();
      await store.applyMutation({
        upserts: [{ entity: component('payments-ui', { metadata: { tags: ['payments', 'java', 'JAVA'] } }) }],
      });
      const facets = await store.facets({
        facets: ['metadata.tags', 'Spec.Lifecycle', 'relations.ownedBy', 'spec.nothing'],
        query: { kind: 'component' },
      });
      expect(facets).toEqual({
        'metadata.tags': [
          { value: 'java', count: 2 },
          { value: 'Payments', count: 2 },
          { value: 'go', count: 1 },
        ],
        'Spec.Lifecycle': [
          { value: 'production', count: 2 },
          { value: 'deprecated', count: 1 },
          { value: 'experimental', count: 1 },
        ],
        'relations.ownedBy': [
          { value: 'group:default/team-a', count: 2 },
          { value: 'group:default/web-team', count: 1 },
        ],
        'spec.nothing': [],
      });
    });
  });

  describe('listProvided', () => {
    it('lists the refs this plugin provides, by source, page by page', async () => {
      const store = createFakeEntityStore({ pluginId: 'catalog', entities: [component('seeded')] });
      await store.applyMutation({ upserts: catalog });
      const all = await store.listProvided();
      expect(all.items.map((item) => item.entityRef)).toEqual([
        'api:default/payments-rest',
        'component:default/checkout',
        'component:default/payments',
        'component:ops/billing',
        'group:default/team-a',
      ]);
      expect(all.items[4]).toEqual({ entityRef: 'group:default/team-a', source: null });
      const fromPayments = await store.listProvided({
        source: 'url:https://github.com/acme/payments/catalog-info.yaml',
        limit: 1,
      });
      expect(fromPayments.items).toEqual([
        {
          entityRef: 'api:default/payments-rest',
          source: 'url:https://github.com/acme/payments/catalog-info.yaml',
        },
      ]);
      const rest = await store.listProvided({
        source: 'url:https://github.com/acme/payments/catalog-info.yaml',
        cursor: fromPayments.nextCursor,
      });
      expect(rest).toEqual({
        items: [
          {
            entityRef: 'component:default/payments',
            source: 'url:https://github.com/acme/payments/catalog-info.yaml',
          },
        ],
      });
    });

    it('records a new source even when the content is unchanged', async () => {
      const store = createFakeEntityStore({ pluginId: 'catalog' });
      await store.applyMutation({ upserts: [{ entity: component('a'), source: 'one' }] });
      await store.applyMutation({ upserts: [{ entity: component('a'), source: 'two' }] });
      expect((await store.listProvided({ source: 'two' })).items).toEqual([
        { entityRef: 'component:default/a', source: 'two' },
      ]);
    });
  });
});
