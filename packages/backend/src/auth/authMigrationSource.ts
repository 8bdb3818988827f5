import type { Knex } from 'knex';

interface NamedMigration extends Knex.Migration {
  name: string;
}

const migrations: NamedMigration[] = [
  {
    name: '001_auth_sessions_and_api_tokens',
    async up(knex) {
      await knex.schema.createTable('auth_sessions', (table) => {
        // SHA-256 of the session id: a leaked table does not let anyone sign in.
        table.string('id_hash', 64).primary();
        table.string('user_entity_ref', 255).notNullable().index();
        // The principal and profile as JSON, refreshed from the catalog while the session lives.
        table.text('principal').notNullable();
        table.string('csrf_token', 64).notNullable();
        // Times are epoch milliseconds.
        table.bigInteger('created_at').notNullable();
        table.bigInteger('expires_at').notNullable().index();
        table.bigInteger('last_seen_at').notNullable();
        table.bigInteger('refreshed_at').notNullable();
      });
      await knex.schema.createTable('auth_api_tokens', (table) => {
        table.string('id', 32).primary();
        table.string('user_entity_ref', 255).notNullable().index();
        table.string('name', 200).notNullable();
        table.text('scopes').notNullable();
        // SHA-256 of the secret part; the token itself is shown once and never stored.
        table.string('secret_hash', 64).notNullable();
        table.bigInteger('created_at').notNullable();
        table.bigInteger('expires_at').notNullable();
        table.bigInteger('last_used_at').nullable();
        table.bigInteger('revoked_at').nullable();
      });
    },
    async down(knex) {
      await knex.schema.dropTable('auth_api_tokens');
      await knex.schema.dropTable('auth_sessions');
    },
  },
];

/** The auth tables in the core namespace, applied with table name `auth_migrations`. */
export const authMigrationSource: Knex.MigrationSource<NamedMigration> = {
  getMigrations: async () => migrations,
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => migration,
};
