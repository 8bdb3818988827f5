import type { Knex } from 'knex';

interface NamedMigration extends Knex.Migration {
  name: string;
}

const migrations: NamedMigration[] = [
  {
    name: '001_audit_events',
    async up(knex) {
      await knex.schema.createTable('audit_events', (table) => {
        table.bigIncrements('id').primary();
        // Epoch milliseconds: compared and pruned the same way on SQLite and PostgreSQL.
        table.bigInteger('at').notNullable();
        table.string('actor', 255).notNullable();
        table.string('via', 32).nullable();
        table.string('action', 512).notNullable();
        table.string('target', 2048).notNullable();
        table.string('outcome', 16).notNullable();
        table.integer('status').notNullable();
        table.string('request_id', 64).nullable();
        table.string('plugin_id', 63).notNullable();
        // Each search filter pairs with id, the order pages are read in.
        table.index(['at'], 'audit_events_at');
        table.index(['actor', 'id'], 'audit_events_actor_id');
        table.index(['action', 'id'], 'audit_events_action_id');
        table.index(['target', 'id'], 'audit_events_target_id');
        table.index(['outcome', 'id'], 'audit_events_outcome_id');
      });
    },
    async down(knex) {
      await knex.schema.dropTable('audit_events');
    },
  },
];

/** The audit log's table in the core namespace, applied with table name `audit_migrations`. */
export const auditMigrationSource: Knex.MigrationSource<NamedMigration> = {
  getMigrations: async () => migrations,
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => migration,
};
