import { InputError, type LoggerService } from '@atrium/plugin-api';
import { createKnexLogger } from './createKnexLogger';
import { createPostgresNamespace } from './createPostgresNamespace';
import { createSqliteNamespace } from './createSqliteNamespace';
import type { DatabaseConfig } from './DatabaseConfig';
import type { DatabaseManager } from './DatabaseManager';
import type { NamespaceDatabase } from './NamespaceDatabase';
import { validateNamespace } from './validateNamespace';

/**
 * Creates the manager of every namespace's database: on SQLite one file per namespace
 * in the configured directory, on PostgreSQL one schema per namespace.
 *
 * @example
 * const databases = createDatabaseManager({ config: { client: 'better-sqlite3', connection: './data' }, logger });
 * const knex = await databases.forNamespace('core').getClient();
 */
export function createDatabaseManager(options: {
  config: DatabaseConfig;
  logger: LoggerService;
}): DatabaseManager {
  const { config, logger } = options;
  const { client, connection } = config;
  if (client === 'better-sqlite3' && typeof connection !== 'string') {
    throw new InputError(
      "backend.database.connection must be a directory path or ':memory:' when the client is better-sqlite3",
    );
  }
  const namespaces = new Map<string, NamespaceDatabase>();
  const open = (namespace: string): NamespaceDatabase => {
    const log = createKnexLogger(logger.child({ namespace }));
    return client === 'pg'
      ? createPostgresNamespace({ connection, namespace, log })
      : createSqliteNamespace({ directory: connection as string, namespace, log });
  };
  return {
    client,
    forNamespace(namespace) {
      validateNamespace(namespace);
      let database = namespaces.get(namespace);
      if (!database) {
        database = open(namespace);
        namespaces.set(namespace, database);
      }
      return database;
    },
    async destroy() {
      const databases = [...namespaces.values()];
      namespaces.clear();
      await Promise.all(databases.map((database) => database.destroy()));
    },
  };
}
