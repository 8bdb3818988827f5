import { type DatabaseService, ServiceUnavailableError } from '@atrium/plugin-api';
import type { Knex } from 'knex';
import { describeError } from './describeError';
import { migrateWithLock } from './migrateWithLock';

/** How to open and prepare the database of one namespace. */
export interface NamespaceDatabaseOptions {
  namespace: string;
  knex: Knex;
  /** Names the database in error messages, e.g. `PostgreSQL database 'atrium' on db:5432`. */
  location: string;
  /** Makes the namespace usable (its directory or schema) and proves the connection works. */
  prepare(knex: Knex): Promise<void>;
}

/** The DatabaseService of one namespace; it owns the namespace's connection pool. */
export class NamespaceDatabase implements DatabaseService {
  readonly #options: NamespaceDatabaseOptions;
  #ready: Promise<Knex> | undefined;
  #migrations: Promise<void> = Promise.resolve();

  constructor(options: NamespaceDatabaseOptions) {
    this.#options = options;
  }

  getClient(): Promise<Knex> {
    this.#ready ??= this.#prepare();
    return this.#ready;
  }

  async migrate(options: { directory: string }): Promise<void> {
    const { namespace, location } = this.#options;
    const knex = await this.getClient();
    // Calls from this process queue up here; the advisory lock covers other processes.
    const run = this.#migrations.then(() =>
      migrateWithLock(knex, {
        lockName: `namespace:${namespace}`,
        config: {
          directory: options.directory,
          loadExtensions: ['.js'],
          // During a rolling deploy an older replica boots against migrations it has no file for.
          disableMigrationsListValidation: true,
        },
      }),
    );
    this.#migrations = run.catch(() => undefined);
    try {
      await run;
    } catch (error) {
      throw new ServiceUnavailableError(
        `Migrations in '${options.directory}' failed on ${location} (namespace '${namespace}'): ${describeError(error)}`,
        { cause: error },
      );
    }
  }

  /** Closes the pool. */
  async destroy(): Promise<void> {
    await this.#options.knex.destroy();
  }

  async #prepare(): Promise<Knex> {
    const { namespace, knex, location, prepare } = this.#options;
    try {
      await prepare(knex);
      return knex;
    } catch (error) {
      // Forget the failure so that a later call retries, e.g. once the database is back.
      this.#ready = undefined;
      throw new ServiceUnavailableError(
        `Could not connect to ${location} (namespace '${namespace}'): ${describeError(error)}`,
        { cause: error },
      );
    }
  }
}
