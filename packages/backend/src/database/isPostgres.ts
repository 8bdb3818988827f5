import type { Knex } from 'knex';

/** Whether `knex` talks to PostgreSQL (otherwise it is SQLite). */
export function isPostgres(knex: Knex): boolean {
  return knex.client.dialect === 'postgresql';
}
