import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { DatabaseService } from '../backend/services/DatabaseService';
import { ServiceUnavailableError } from '../common/errors/ServiceUnavailableError';

/** A database service on a private in-memory SQLite database. */
export interface FakeDatabase extends DatabaseService {
  /** Closes the connection; the data is gone afterwards. */
  destroy(): Promise<void>;
}

/**
 * Creates a database service whose knex (better-sqlite3, `useNullAsDefault`)
 * works on a fresh in-memory database that no other fake shares. `migrate`
 * runs the `.js` migrations of a directory and, under jest, `.ts` ones too; a
 * failing migration is a `ServiceUnavailableError`, as in the core.
 *
 * @example
 * const database = createFakeDatabase();
 * await database.migrate({ directory: path.resolve(__dirname, '../migrations') });
 * const knex = await database.getClient();
 * afterAll(() => database.destroy());
 */
export function createFakeDatabase(): FakeDatabase {
  // One pooled connection: every connection to ':memory:' would be a different database.
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
  return {
    getClient: async () => knex,
    async migrate({ directory }) {
      try {
        await knex.migrate.latest({ migrationSource: createMigrationSource(directory) });
      } catch (error) {
        throw new ServiceUnavailableError(
          `Migrations in '${directory}' failed on the fake in-memory database: ${(error as Error).message}`,
          { cause: error },
        );
      }
    },
    destroy: () => knex.destroy(),
  };
}

function createMigrationSource(directory: string): Knex.MigrationSource<string> {
  return {
    async getMigrations() {
      const files = await readdir(directory);
      // Compiled output sits next to `.d.ts` files that must not run as migrations.
      return files.filter((file) => /\.(c?js|ts)$/.test(file) && !/\.d\.ts$/.test(file)).sort();
    },
    getMigrationName: (file) => file,
    getMigration: async (file) => require(join(directory, file)) as Knex.Migration,
  };
}
