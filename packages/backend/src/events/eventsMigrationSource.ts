import type { Knex } from 'knex';

interface NamedMigration extends Knex.Migration {
  name: string;
}

const migrations: NamedMigration[] = [
  {
    name: '001_events',
    async up(knex) {
      await knex.schema.createTable('events', (table) => {
        table.bigIncrements('id');
        table.string('topic', 255).notNullable();
        // Text, not NOTIFY: payloads may be far larger than a notification can carry.
        table.text('payload').notNullable();
        table.string('published_by', 255).notNullable();
        table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        table.index(['created_at']);
      });
      await knex.schema.createTable('event_claims', (table) => {
        table.bigInteger('event_id').notNullable().references('id').inTable('events').onDelete('CASCADE');
        table.string('subscriber', 255).notNullable();
        table.string('claimed_by', 255).notNullable();
        table.primary(['event_id', 'subscriber']);
      });
    },
    async down(knex) {
      await knex.schema.dropTable('event_claims');
      await knex.schema.dropTable('events');
    },
  },
];

/** The event bus's tables in the core namespace (PostgreSQL only), applied with table name `events_migrations`. */
export const eventsMigrationSource: Knex.MigrationSource<NamedMigration> = {
  getMigrations: async () => migrations,
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => migration,
};
