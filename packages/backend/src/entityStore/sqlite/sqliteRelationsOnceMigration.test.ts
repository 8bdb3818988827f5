import knexFactory, { type Knex } from 'knex';
import { relationsBothWaysTable, sqliteRelationsOnceMigration } from './sqliteRelationsOnceMigration';

describe('sqliteRelationsOnceMigration', () => {
  let knex: Knex;

  beforeEach(async () => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    await knex.raw(
      'CREATE TABLE entities (id INTEGER PRIMARY KEY, entity_ref TEXT NOT NULL, hash TEXT NOT NULL)',
    );
    await knex.raw(relationsBothWaysTable);
    await knex('entities').insert([
      { id: 1, entity_ref: 'component:default/a', hash: 'h1' },
      { id: 2, entity_ref: 'component:default/b', hash: 'h2' },
    ]);
    const both = (id: number, source: string, type: string, inverseType: string, target: string) => [
      { originator_id: id, inverse: 0, source_ref: source, type, target_ref: target },
      { originator_id: id, inverse: 1, source_ref: target, type: inverseType, target_ref: source },
    ];
    await knex('relations').insert([
      ...both(1, 'component:default/a', 'ownedBy', 'ownerOf', 'group:default/g'),
      ...both(2, 'component:default/b', 'dependsOn', 'dependencyOf', 'component:default/a'),
      ...both(2, 'component:default/b', 'consumesApi', 'apiConsumedBy', 'component:default/a'),
    ]);
  });

  afterEach(async () => {
    await knex.destroy();
  });

  const relations = () =>
    knex('relations').select('originator_id', 'source_ref', 'type', 'inverse_type', 'target_ref');

  it('keeps one row per relation, with its inverse type, and is safe to run again', async () => {
    await sqliteRelationsOnceMigration.up(knex);
    await sqliteRelationsOnceMigration.up(knex);
    const rows = await relations();
    expect(rows).toHaveLength(3);
    expect(rows).toContainEqual({
      originator_id: 1,
      source_ref: 'component:default/a',
      type: 'ownedBy',
      inverse_type: 'ownerOf',
      target_ref: 'group:default/g',
    });
  });

  it('has an entity whose inverse types it had to guess written again by clearing its hash', async () => {
    await sqliteRelationsOnceMigration.up(knex);
    expect(await knex('entities').select('id', 'hash').orderBy('id')).toEqual([
      { id: 1, hash: 'h1' },
      { id: 2, hash: '' },
    ]);
  });

  it('goes back to a row per direction', async () => {
    await sqliteRelationsOnceMigration.up(knex);
    await sqliteRelationsOnceMigration.down(knex);
    await sqliteRelationsOnceMigration.down(knex);
    const rows = await knex('relations').where({ originator_id: 1 }).orderBy('inverse');
    expect(rows).toEqual([
      {
        originator_id: 1,
        inverse: 0,
        source_ref: 'component:default/a',
        type: 'ownedBy',
        target_ref: 'group:default/g',
      },
      {
        originator_id: 1,
        inverse: 1,
        source_ref: 'group:default/g',
        type: 'ownerOf',
        target_ref: 'component:default/a',
      },
    ]);
  });
});
