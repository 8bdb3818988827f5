import type { Knex } from 'knex';

interface NamedMigration extends Knex.Migration {
  name: string;
}

const migrations: NamedMigration[] = [
  {
    name: '001_scheduler_tasks',
    async up(knex) {
      await knex.schema.createTable('scheduler_tasks', (table) => {
        table.string('id', 255).primary();
        // Times are epoch milliseconds read from the database clock, so replicas' clocks never disagree.
        table.bigInteger('next_run_at').notNullable();
        table.string('lease_holder', 255).nullable();
        table.string('lease_token', 255).nullable();
        table.bigInteger('lease_expires_at').nullable();
        table.bigInteger('last_run_started_at').nullable();
        table.bigInteger('last_run_ended_at').nullable();
      });
    },
    async down(knex) {
      await knex.schema.dropTable('scheduler_tasks');
    },
  },
];

/** The scheduler's table in the core namespace, applied with table name `scheduler_migrations`. */
export const schedulerMigrationSource: Knex.MigrationSource<NamedMigration> = {
  getMigrations: async () => migrations,
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => migration,
};
