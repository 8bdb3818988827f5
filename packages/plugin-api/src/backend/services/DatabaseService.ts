import type { Knex } from 'knex';

/**
 * The plugin's own database namespace: a PostgreSQL schema, or a SQLite file
 * of its own. Migrations run under a lock, so two replicas may boot at once.
 */
export interface DatabaseService {
  /** A knex bound to the plugin's namespace. */
  getClient(): Promise<Knex>;
  /**
   * Applies the knex migrations in `directory` (compiled `.js` files); safe to run again.
   *
   * @example
   * await database.migrate({ directory: path.resolve(__dirname, '../migrations') });
   */
  migrate(options: { directory: string }): Promise<void>;
}
