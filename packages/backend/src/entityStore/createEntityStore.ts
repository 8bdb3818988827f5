import type { EntityChangedPayload, EntityStoreService } from '@atrium/plugin-api';
import type { Knex } from 'knex';
import { createEntityStoreMigrationSource } from './createEntityStoreMigrationSource';
import { DefaultEntityStoreService } from './DefaultEntityStoreService';
import { PostgresEntityStorage } from './postgres/PostgresEntityStorage';
import { SqliteEntityStorage } from './sqlite/SqliteEntityStorage';
import type { SqliteUpsertPreparerOptions } from './sqlite/SqliteUpsertPreparer';

/** What the core gives the entity store. */
export interface EntityStoreOptions {
  /** The core namespace (SQLite file `core.sqlite` or PostgreSQL schema `core`), already bound. */
  knex: Knex;
  client: 'better-sqlite3' | 'pg';
  /** Called after each committed mutation with one payload per changed or deleted entity. */
  publish(payloads: EntityChangedPayload[]): Promise<void>;
  /**
   * How SQLite prepares upserts, when not in the compiled worker beside the
   * store (tests run the sources, and name the built worker to test it).
   */
  sqliteUpserts?: SqliteUpsertPreparerOptions;
}

/** The core entity store, shared by every plugin. */
export interface EntityStore {
  /** The service a plugin gets: reads anything, writes only what `pluginId` provides. */
  forProvider(pluginId: string): EntityStoreService;
  /** Stops the store's worker thread; call before destroying the database. */
  close(): Promise<void>;
}

/**
 * Migrates the entity store's tables (safe to run again, and from several
 * replicas at once) and returns the store.
 *
 * @example
 * const store = await createEntityStore({ knex, client: 'pg', publish: async () => {} });
 * const catalog = store.forProvider('catalog');
 */
export async function createEntityStore(options: EntityStoreOptions): Promise<EntityStore> {
  const { knex, client, publish, sqliteUpserts } = options;
  await knex.migrate.latest({
    migrationSource: createEntityStoreMigrationSource(client),
    tableName: 'entity_store_migrations',
  });
  const storage =
    client === 'pg' ? new PostgresEntityStorage(knex) : new SqliteEntityStorage(knex, sqliteUpserts);
  return {
    forProvider: (pluginId) => new DefaultEntityStoreService({ pluginId, storage, publish }),
    close: () => storage.close(),
  };
}
