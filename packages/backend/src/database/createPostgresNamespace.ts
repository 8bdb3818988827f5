import knexFactory, { type Knex } from 'knex';
import { describePostgresConnection } from './describePostgresConnection';
import { NamespaceDatabase } from './NamespaceDatabase';

/** PostgreSQL codes raised when a concurrent `CREATE SCHEMA IF NOT EXISTS` wins the race. */
const schemaRaceCodes = new Set(['42P06', '23505']);

/** Opens the PostgreSQL schema named after `namespace`, creating it on first use. */
export function createPostgresNamespace(options: {
  connection: string | Record<string, unknown>;
  namespace: string;
  log: Knex.Logger;
}): NamespaceDatabase {
  const { connection, namespace, log } = options;
  const knex = knexFactory({
    client: 'pg',
    connection: connection as string | Knex.PgConnectionConfig,
    searchPath: [namespace],
    log,
    // The core hosts the entity store, events and scheduler; a plugin gets a smaller share.
    pool: { min: 0, max: namespace === 'core' ? 10 : 5 },
  });
  return new NamespaceDatabase({
    namespace,
    knex,
    location: describePostgresConnection(connection),
    prepare: async (client) => {
      // Look first, so that a role without CREATE on the database can use existing schemas.
      const existing = await client.raw('select 1 from pg_namespace where nspname = ?', [namespace]);
      if (existing.rows.length > 0) {
        return;
      }
      try {
        await client.raw('create schema if not exists ??', [namespace]);
      } catch (error) {
        if (!schemaRaceCodes.has((error as { code?: string }).code ?? '')) {
          throw error;
        }
      }
    },
  });
}
