import type { Knex } from 'knex';

/**
 * GIN indexes on the parts of each text document that the first two
 * full-text ranks look at (the name; title, tags and owner), so that a page
 * of ranked matches reads those ranks' matches only.
 */
export const postgresFullTextTierIndexesMigration = {
  async up(knex: Knex): Promise<void> {
    await knex.raw(`CREATE INDEX entity_text_name ON entity_text USING gin (ts_filter(document, '{a}'))`);
    await knex.raw(`CREATE INDEX entity_text_labels ON entity_text USING gin (ts_filter(document, '{b,c}'))`);
  },
  async down(knex: Knex): Promise<void> {
    await knex.raw('DROP INDEX IF EXISTS entity_text_name, entity_text_labels');
  },
};
