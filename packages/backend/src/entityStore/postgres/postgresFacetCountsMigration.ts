import type { Knex } from 'knex';

/**
 * Keeps, per search key and shown value (the original spelling, else the
 * lowercase value), how many entities have it, so that facets over the whole
 * catalog read a few rows instead of counting every search row of the key.
 * Writes adjust the counts in the transaction that changes the search rows.
 */
export const postgresFacetCountsMigration = {
  async up(knex: Knex): Promise<void> {
    await knex.raw(`CREATE TABLE search_facets (
      key text COLLATE "C" NOT NULL,
      value text COLLATE "C" NOT NULL,
      count bigint NOT NULL,
      PRIMARY KEY (key, value)
    )`);
    await knex.raw(`INSERT INTO search_facets (key, value, count)
      SELECT key, coalesce(original_value, value), count(*) FROM search WHERE value IS NOT NULL GROUP BY 1, 2`);
  },
  async down(knex: Knex): Promise<void> {
    await knex.raw('DROP TABLE IF EXISTS search_facets');
  },
};
