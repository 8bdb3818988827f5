import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import knexFactory, { type Knex } from 'knex';
import { NamespaceDatabase } from './NamespaceDatabase';

/** Waits this long for a lock held by another process (e.g. the CLI) before failing. */
const busyTimeoutMs = 5000;

/**
 * Opens `<directory>/<namespace>.sqlite`, or a private in-memory database when
 * `directory` is `':memory:'`.
 */
export function createSqliteNamespace(options: {
  directory: string;
  namespace: string;
  log: Knex.Logger;
}): NamespaceDatabase {
  const { directory, namespace, log } = options;
  const inMemory = directory === ':memory:';
  const filename = inMemory ? ':memory:' : join(directory, `${namespace}.sqlite`);
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    log,
    // Exactly one connection: better-sqlite3 blocks the event loop while it waits for a
    // lock, so a second connection would deadlock against a transaction of the first.
    // With min 1 the pool never reaps it, which also keeps an in-memory database alive.
    pool: {
      min: 1,
      max: 1,
      afterCreate(connection: Database, done: (error: Error | null, connection: Database) => void) {
        try {
          if (!inMemory) {
            connection.pragma('journal_mode = WAL');
          }
          connection.pragma('foreign_keys = ON');
          connection.pragma(`busy_timeout = ${busyTimeoutMs}`);
          done(null, connection);
        } catch (error) {
          done(error as Error, connection);
        }
      },
    },
  });
  return new NamespaceDatabase({
    namespace,
    knex,
    location: inMemory ? 'in-memory SQLite database' : `SQLite database '${filename}'`,
    prepare: async (client) => {
      if (!inMemory) {
        await mkdir(directory, { recursive: true });
      }
      await client.raw('select 1');
    },
  });
}
