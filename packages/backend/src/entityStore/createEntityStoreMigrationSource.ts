import type { Knex } from 'knex';
import { postgresFacetCountsMigration } from './postgres/postgresFacetCountsMigration';
import { postgresFullTextTierIndexesMigration } from './postgres/postgresFullTextTierIndexesMigration';
import { postgresKindFacetCountsMigration } from './postgres/postgresKindFacetCountsMigration';
import { postgresSchemaMigration } from './postgres/postgresSchemaMigration';
import { sqliteRelationsOnceMigration } from './sqlite/sqliteRelationsOnceMigration';
import { sqliteSchemaMigration } from './sqlite/sqliteSchemaMigration';

interface EntityStoreMigration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** The entity store's knex migrations, kept in code: the schema differs per database engine. */
export function createEntityStoreMigrationSource(
  client: 'better-sqlite3' | 'pg',
): Knex.MigrationSource<EntityStoreMigration> {
  const migrations: EntityStoreMigration[] = [
    {
      name: '20250601000000_create_entity_store',
      ...(client === 'pg' ? postgresSchemaMigration : sqliteSchemaMigration),
    },
  ];
  if (client === 'pg') {
    // SQLite counts facets from its FTS5 vocabulary and needs no table for them.
    migrations.push(
      { name: '20261129000000_search_facets', ...postgresFacetCountsMigration },
      { name: '20261129000100_full_text_tier_indexes', ...postgresFullTextTierIndexesMigration },
      { name: '20261129000300_search_facets_by_kind', ...postgresKindFacetCountsMigration },
    );
  } else {
    migrations.push({ name: '20261129000200_relations_once', ...sqliteRelationsOnceMigration });
  }
  return {
    getMigrations: async () => migrations,
    getMigrationName: (migration) => migration.name,
    getMigration: async (migration) => migration,
  };
}
