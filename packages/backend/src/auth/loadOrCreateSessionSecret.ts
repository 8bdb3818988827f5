import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';

const TABLE = 'auth_session_secret';

/**
 * The secret that signs session tokens when `auth.session.secret` is not set:
 * made once and kept in the core database, so every replica on one database
 * accepts the tokens of the others and sessions survive a restart.
 */
export async function loadOrCreateSessionSecret(knex: Knex): Promise<string> {
  try {
    await knex.schema.createTable(TABLE, (table) => {
      table.integer('id').primary();
      table.string('secret', 128).notNullable();
    });
  } catch (error) {
    // Another replica booting at the same moment may have created it first.
    if (!(await knex.schema.hasTable(TABLE))) {
      throw error;
    }
  }
  await knex(TABLE)
    .insert({ id: 1, secret: randomBytes(32).toString('hex') })
    .onConflict('id')
    .ignore();
  const row = (await knex(TABLE).where({ id: 1 }).first()) as { secret: string };
  return row.secret;
}
