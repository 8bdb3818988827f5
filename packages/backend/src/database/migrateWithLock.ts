import type { Knex } from 'knex';
import { advisoryLockKey } from './advisoryLockKey';
import { isPostgres } from './isPostgres';

/**
 * Runs knex's migrator up to the latest migration. On PostgreSQL the run holds an
 * advisory lock named `lockName`, so replicas booting together take turns: knex's own
 * lock table makes the loser fail instead of wait, and its migration list would be stale.
 *
 * @example
 * await migrateWithLock(knex, { lockName: 'core.scheduler', config: { migrationSource, tableName: 'scheduler_migrations' } });
 */
export async function migrateWithLock(
  knex: Knex,
  options: { lockName: string; config: Knex.MigratorConfig },
): Promise<void> {
  if (!isPostgres(knex)) {
    await knex.migrate.latest(options.config);
    return;
  }
  // The lock lives in its own transaction (one pooled connection) while knex migrates
  // on others; committing releases it even if this process dies half-way.
  await knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?::bigint)', [
      advisoryLockKey(`migrations:${options.lockName}`),
    ]);
    await knex.migrate.latest(options.config);
  });
}
