import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import knexFactory, { type Knex } from 'knex';
import { NamespaceDatabase } from './NamespaceDatabase';

/** Waits this long for a lock held by another process (e.g. the CLI) before failing. */
const busyTimeoutMs = 5000;

/**
 * Pages the WAL may grow to before a commit copies them back into the
 * database. SQLite's default of 1,000 (4 MB) is less than one batch of 1,000
 * entities writes, so every commit of a bulk upsert also checkpointed, copying
 * pages that the next batches change again: over a third of its commit time.
 * At 16,000 pages (64 MB) a checkpoint comes every ten batches or so and
 * copies each page once for all of them.
 */
const walAutocheckpointPages = 16_000;

/** A checkpointed WAL is truncated back to this many bytes, so that a burst of writes does not keep its disk space. */
const journalSizeLimitBytes = 64 * 1024 * 1024;

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
            connection.pragma(`wal_autocheckpoint = ${walAutocheckpointPages}`);
            connection.pragma(`journal_size_limit = ${journalSizeLimitBytes}`);
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
