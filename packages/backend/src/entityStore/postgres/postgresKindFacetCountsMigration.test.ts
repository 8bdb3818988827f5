import type { Entity } from '@atrium/plugin-api';
import type { Knex } from 'knex';
import { createTestDatabase, type TestDatabase } from '../../testing';
import { createEntityStore, type EntityStore } from '../createEntityStore';
import { postgresKindFacetCountsMigration } from './postgresKindFacetCountsMigration';

function entity(kind: string, name: string, tags: string[]): Entity {
  return {
    apiVersion: 'v1',
    kind,
    metadata: { name, tags },
    spec: { type: name.length > 2 ? 'Long' : 'short' },
  };
}

describe('postgresKindFacetCountsMigration', () => {
  let database: TestDatabase;
  let knex: Knex;
  let store: EntityStore;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    knex = database.knex('core');
    await knex.raw('CREATE SCHEMA IF NOT EXISTS core');
    store = await createEntityStore({ knex, client: 'pg', publish: async () => {} });
    const catalog = store.forProvider('catalog');
    await catalog.applyMutation({
      upserts: [
        { entity: entity('Component', 'a', ['Blue', 'red']) },
        { entity: entity('component', 'bb', ['blue']) },
        { entity: entity('System', 'ccc', ['blue', 'Red']) },
        { entity: entity('x'.repeat(250), 'd', ['blue']) },
      ],
    });
    await catalog.applyMutation({
      upserts: [{ entity: entity('COMPONENT', 'a', ['green']) }],
      deletes: ['component:default/bb'],
    });
  });

  afterAll(async () => {
    await store.close();
    await database.destroy();
  });

  const counts = () =>
    knex('search_facets')
      .select('key', 'kind', 'value', 'shown')
      .sum({ count: 'count' })
      .groupBy('key', 'kind', 'value', 'shown')
      .havingRaw('sum(count) <> 0')
      .orderBy(['key', 'kind', 'value', 'shown']);

  it('counts from the search rows what the writes counted, per kind, and is safe to run again', async () => {
    const written = await counts();
    expect(written).toContainEqual({
      key: 'metadata.tags',
      kind: 'component',
      value: 'green',
      shown: 'green',
      count: '1',
    });
    expect(written).toContainEqual({
      key: 'metadata.tags',
      kind: '',
      value: 'blue',
      shown: 'blue',
      count: '1',
    });
    expect(written).not.toContainEqual(expect.objectContaining({ kind: 'component', value: 'blue' }));
    await postgresKindFacetCountsMigration.up(knex);
    expect(await counts()).toEqual(written);
    await postgresKindFacetCountsMigration.up(knex);
    expect(await counts()).toEqual(written);
  });

  it('goes back to counts per key and shown value', async () => {
    await postgresKindFacetCountsMigration.down(knex);
    const rows = await knex('search_facets').select('key', 'value', 'count').where({ key: 'metadata.tags' });
    expect(rows.map((row) => ({ ...row, count: Number(row.count) }))).toEqual(
      expect.arrayContaining([
        { key: 'metadata.tags', value: 'blue', count: 2 },
        { key: 'metadata.tags', value: 'Red', count: 1 },
        { key: 'metadata.tags', value: 'green', count: 1 },
      ]),
    );
    await postgresKindFacetCountsMigration.up(knex);
  });
});
